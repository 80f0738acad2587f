// One figure that several outlets reported: drawn once, with every source in its tip and caption.
import { claimDate, formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { claimAttribution } from "./chartFigure.js";

/** Claims stating the same figure for the same moment, in ledger order; never empty. */
export type SameFigure = [CitedClaim, ...CitedClaim[]];

const figureKey = (c: CitedClaim) =>
  [c.metric, c.asset, c.side, c.value, c.low, c.high, c.unit, c.asOf, c.period, c.convention].join("|");

/** Groups claims that restate one figure (e.g. two syndicated copies of the same article). */
export function groupSameFigure(claims: readonly CitedClaim[]): SameFigure[] {
  const groups = new Map<string, SameFigure>();
  for (const claim of claims) {
    const group = groups.get(figureKey(claim));
    if (group) group.push(claim);
    else groups.set(figureKey(claim), [claim]);
  }
  return [...groups.values()];
}

/** "Deribit; Block Scholes via Outlet A; Outlet B": every party and outlet behind the figure. */
export function sameFigureSources(group: SameFigure): string {
  return [...new Set(group.map(claimAttribution))].join("; ");
}

/** Tip channels for a mark drawn from a group: the figure as stated, its date and all its sources. */
export const sameFigureTipChannels = {
  figure: (group: SameFigure) => formatClaimValue(group[0]),
  date: (group: SameFigure) => claimDate(group[0]),
  source: sameFigureSources
};

/** The group whose first claim has this metric; throws when the ledger has none. */
export function groupWithMetric(groups: readonly SameFigure[], metric: string): SameFigure {
  const group = groups.find((candidate) => candidate[0].metric === metric);
  if (!group) throw new Error(`no ledger figure with metric "${metric}"`);
  return group;
}
