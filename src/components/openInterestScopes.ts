import * as Plot from "@observablehq/plot";
import { claimsById, formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { chartFigure } from "./chartFigure.js";
import { groupSameFigure, sameFigureTipChannels, type SameFigure } from "./sameFigure.js";
import { shortUtcDate } from "./reportedBound.js";

export interface OpenInterestScopesOptions {
  width: number;
}

/** The USD open-interest figures of the sources, one row per scope; `weekEarlier` is the level a week before. */
export interface OpenInterestScope {
  scope: string;
  ids: readonly string[];
  weekEarlierIds?: readonly string[];
  /** False for a figure that is not a level of open interest (drawn hollow). */
  isLevel: boolean;
}

export const OPEN_INTEREST_SCOPES: readonly OpenInterestScope[] = [
  {
    scope: "CoinGlass aggregate, with the Feb 5 sell-off",
    ids: ["btc-open-interest-2026-02-05-framework-translation"],
    weekEarlierIds: ["btc-open-interest-prior-week-framework-translation"],
    isLevel: true
  },
  { scope: "CoinGlass aggregate, Feb 5 before the close", ids: ["btc-open-interest-ambcrypto"], isLevel: true },
  {
    scope: "Major exchanges only, notional",
    ids: ["btc-open-interest-notional-rally-71k"],
    weekEarlierIds: ["btc-open-interest-notional-prior-week-rally-71k"],
    isLevel: true
  },
  { scope: "Glassnode: “ends within 30 days” (not a level)", ids: ["btc-open-interest-30d-glassnode"], isLevel: false }
];

export interface OpenInterestMark {
  scope: string;
  group: SameFigure;
  weekEarlier: boolean;
  isLevel: boolean;
  /** Which way the labels run from the dot, so a week's move keeps both labels apart. */
  anchor: "start" | "middle" | "end";
}

function oneFigure(claims: readonly CitedClaim[], ids: readonly string[]): SameFigure {
  const groups = groupSameFigure(claimsById(claims, ids));
  const [group] = groups;
  if (!group || groups.length > 1) throw new Error(`claims ${ids.join(", ")} should state one figure`);
  return group;
}

/** One mark per reported figure: the level (and the week-earlier level where printed) for each scope. */
export function openInterestMarks(claims: readonly CitedClaim[], scopes: readonly OpenInterestScope[] = OPEN_INTEREST_SCOPES): OpenInterestMark[] {
  return scopes.flatMap(({ scope, ids, weekEarlierIds, isLevel }): OpenInterestMark[] => {
    const latest = oneFigure(claims, ids);
    if (!weekEarlierIds) return [{ scope, group: latest, weekEarlier: false, isLevel, anchor: "middle" }];
    const earlier = oneFigure(claims, weekEarlierIds);
    const fell = (earlier[0].value ?? 0) > (latest[0].value ?? 0);
    return [
      { scope, group: earlier, weekEarlier: true, isLevel, anchor: fell ? "start" : "end" },
      { scope, group: latest, weekEarlier: false, isLevel, anchor: fell ? "end" : "start" }
    ];
  });
}

const value = (d: OpenInterestMark) => d.group[0].value;
const when = (d: OpenInterestMark) => (d.weekEarlier ? "wk before" : shortUtcDate(d.group[0].asOf ?? ""));

/** Every USD open-interest figure of the sources on one axis, by scope, with the week's move where printed. */
export function openInterestScopes(claims: readonly CitedClaim[], { width }: OpenInterestScopesOptions): HTMLElement {
  const marks = openInterestMarks(claims);
  const scopes = [...new Set(marks.map((d) => d.scope))];
  const moves = scopes.flatMap((scope) => {
    const from = marks.find((d) => d.scope === scope && d.weekEarlier);
    const to = marks.find((d) => d.scope === scope && !d.weekEarlier);
    return from && to ? [{ scope, from: value(from), to: value(to) }] : [];
  });
  const max = Math.max(...marks.map((d) => value(d) ?? 0));
  const chart = Plot.plot({
    width,
    height: 40 + scopes.length * 80,
    marginLeft: 12,
    marginRight: 20,
    x: { domain: [0, max * 1.1], grid: true, ticks: width < 480 ? 4 : 8, label: "Open interest (USD bn)" },
    y: { type: "band", domain: scopes, axis: null, paddingInner: 0, paddingOuter: 0 },
    marks: [
      Plot.text(scopes, { y: (d: string) => d, text: (d: string) => d, frameAnchor: "left", dy: -28, fontWeight: "bold" }),
      Plot.arrow(moves, { x1: "from", x2: "to", y: "scope", inset: 8, stroke: "var(--theme-foreground-muted)" }),
      Plot.dot(
        marks.filter((d) => d.isLevel && !d.weekEarlier),
        { x: value, y: "scope", r: 6, fill: "currentColor" }
      ),
      Plot.dot(
        marks.filter((d) => d.weekEarlier),
        { x: value, y: "scope", r: 6, fill: "none", stroke: "currentColor", strokeWidth: 1.5 }
      ),
      Plot.dot(
        marks.filter((d) => !d.isLevel),
        { x: value, y: "scope", r: 6, fill: "none", stroke: "currentColor", strokeWidth: 1.5, strokeDasharray: "2,2" }
      ),
      ...(["start", "middle", "end"] as const).flatMap((anchor) => {
        const anchored = marks.filter((d) => d.anchor === anchor);
        const dx = anchor === "start" ? -6 : anchor === "end" ? 6 : 0;
        return [
          Plot.text(anchored, { x: value, y: "scope", text: (d: OpenInterestMark) => formatClaimValue(d.group[0]), dy: -13, dx, textAnchor: anchor }),
          Plot.text(anchored, { x: value, y: "scope", text: when, dy: 15, dx, textAnchor: anchor, fill: "var(--theme-foreground-muted)" })
        ];
      }),
      Plot.tip(
        marks,
        Plot.pointer({
          x: value,
          y: "scope",
          channels: {
            figure: (d: OpenInterestMark) => sameFigureTipChannels.figure(d.group),
            date: (d: OpenInterestMark) => (d.weekEarlier ? `about a week before ${d.group[0].asOf}` : sameFigureTipChannels.date(d.group)),
            source: (d: OpenInterestMark) => sameFigureTipChannels.source(d.group)
          },
          format: { x: false, y: false }
        })
      )
    ]
  });
  return chartFigure(chart, marks.flatMap((d) => d.group), {
    title: "BTC futures open interest in USD: four figures, different scopes",
    filename: "btc-open-interest-scopes"
  });
}
