import * as Plot from "@observablehq/plot";
import { claimsById, formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { chartFigure } from "./chartFigure.js";
import { groupSameFigure, sameFigureTipChannels, type SameFigure } from "./sameFigure.js";

export interface OpenInterestUsdVsBtcOptions {
  width: number;
}

/** The same futures positions counted two ways, as the Cointelegraph-style pieces reported them. */
export const OPEN_INTEREST_POSITIONING_IDS = {
  notionalWeekEarlier: ["btc-open-interest-notional-prior-week-rally-71k"],
  notional: ["btc-open-interest-notional-rally-71k"],
  coins: ["btc-open-interest-btc-rally-71k"]
} as const;

export interface OpenInterestPositioning {
  notionalWeekEarlier: SameFigure;
  notional: SameFigure;
  coins: SameFigure;
}

function oneFigure(claims: readonly CitedClaim[], ids: readonly string[]): SameFigure {
  const groups = groupSameFigure(claimsById(claims, ids));
  const [group] = groups;
  if (!group || groups.length > 1) throw new Error(`claims ${ids.join(", ")} should state one figure`);
  return group;
}

export function openInterestPositioning(claims: readonly CitedClaim[]): OpenInterestPositioning {
  const ids = OPEN_INTEREST_POSITIONING_IDS;
  return {
    notionalWeekEarlier: oneFigure(claims, ids.notionalWeekEarlier),
    notional: oneFigure(claims, ids.notional),
    coins: oneFigure(claims, ids.coins)
  };
}

function valueOf(group: SameFigure, unit: string): number {
  const [claim] = group;
  if (claim.value === null || claim.unit !== unit) throw new Error(`claim "${claim.id}" should have a value in ${unit}`);
  return claim.value;
}

/** USD per BTC implied by a notional (USD bn) and a coin count: what the notional was priced at. */
export function impliedPricePerBtc(positioning: OpenInterestPositioning, which: "notional" | "notionalWeekEarlier"): number {
  return (valueOf(positioning[which], "usd_bn") * 1e9) / valueOf(positioning.coins, "btc");
}

/** The week's change in notional open interest, in percent. */
export function notionalChangePct(positioning: OpenInterestPositioning): number {
  return (valueOf(positioning.notional, "usd_bn") / valueOf(positioning.notionalWeekEarlier, "usd_bn") - 1) * 100;
}

interface PanelPoint {
  when: string;
  group: SameFigure;
}

const WEEK_EARLIER = "a week earlier";
const LATEST = "Feb 6";
const tipChannels = {
  figure: (d: PanelPoint) => sameFigureTipChannels.figure(d.group),
  date: (d: PanelPoint) => (d.when === WEEK_EARLIER ? `about a week before ${d.group[0].asOf}` : sameFigureTipChannels.date(d.group)),
  source: (d: PanelPoint) => sameFigureTipChannels.source(d.group)
};

function panel(points: PanelPoint[], { width, label, notes }: { width: number; label: string; notes: { when: string; y: number; text: string }[] }) {
  const max = Math.max(...points.map((d) => d.group[0].value ?? 0));
  const y = (d: PanelPoint) => d.group[0].value;
  const [from, to] = points;
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 64,
    marginRight: 16,
    x: { type: "point", domain: [WEEK_EARLIER, LATEST], padding: 0.6, label: "Reported (UTC)" },
    y: { domain: [0, max * 1.2], grid: true, label, ticks: 5 },
    marks: [
      ...(from && to ? [Plot.arrow([{ from, to }], { x1: () => WEEK_EARLIER, y1: () => y(from), x2: () => LATEST, y2: () => y(to), inset: 12, stroke: "var(--theme-foreground-muted)" })] : []),
      Plot.dot(points, { x: "when", y, r: 6, fill: "currentColor" }),
      Plot.text(points, { x: "when", y, text: (d: PanelPoint) => formatClaimValue(d.group[0]), dy: -14, className: "open-interest-value" }),
      Plot.text(notes, { x: "when", y: "y", text: "text", lineWidth: 8, fill: "var(--theme-foreground-muted)", dy: -14 }),
      Plot.tip(points, Plot.pointer({ x: "when", y, channels: tipChannels, format: { x: false, y: false } }))
    ]
  });
}

/**
 * Futures open interest on major exchanges in USD and in BTC side by side: the notional fell
 * over the week while the coin count held, so the drop is the price, not fewer contracts.
 */
export function openInterestUsdVsBtc(claims: readonly CitedClaim[], { width }: OpenInterestUsdVsBtcOptions): HTMLElement {
  const positioning = openInterestPositioning(claims);
  const sideBySide = width >= 560;
  const panelWidth = sideBySide ? Math.floor((width - 32) / 2) : width;
  const coins = valueOf(positioning.coins, "btc");
  const panels = document.createElement("div");
  panels.style.display = "flex";
  panels.style.flexWrap = sideBySide ? "nowrap" : "wrap";
  panels.style.gap = "0 24px";
  panels.append(
    panel(
      [
        { when: WEEK_EARLIER, group: positioning.notionalWeekEarlier },
        { when: LATEST, group: positioning.notional }
      ],
      { width: panelWidth, label: "Open interest, notional (USD bn)", notes: [] }
    ),
    panel([{ when: LATEST, group: positioning.coins }], {
      width: panelWidth,
      label: "Open interest (BTC)",
      notes: [{ when: WEEK_EARLIER, y: coins, text: "“stable” on the week (no figure printed)" }]
    })
  );
  return chartFigure(panels, Object.values(positioning).flat(), {
    title: "BTC futures open interest: dollars against coins",
    filename: "btc-open-interest-usd-vs-btc"
  });
}
