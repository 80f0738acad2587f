import * as Plot from "./plot/index.js";
import { formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { chartFigure } from "./chartFigure.js";
import { claimWhen } from "./reportedBound.js";
import { groupSameFigure, sameFigureTipChannels, type SameFigure } from "./sameFigure.js";

export interface OpenInterestUsdVsBtcOptions {
  width: number;
}

export interface OpenInterestPositioning {
  notionalWeekEarlier: SameFigure;
  notional: SameFigure;
  coins: SameFigure;
}

function oneFigure(claims: readonly CitedClaim[], what: string): SameFigure {
  const groups = groupSameFigure(claims);
  const [group] = groups;
  if (!group || groups.length > 1) throw new Error(`open interest: ${what} should be one figure, found ${claims.map((c) => c.id).join(", ") || "none"}`);
  return group;
}

/**
 * The same futures positions counted two ways by one report: its open interest in coins, and
 * that report's notional in USD at the same reading and a week earlier.
 */
export function openInterestPositioning(claims: readonly CitedClaim[]): OpenInterestPositioning {
  const openInterest = claims.filter((c) => c.metric === "open_interest" && c.value !== null);
  const coins = oneFigure(openInterest.filter((c) => c.unit === "btc"), "the count in coins");
  const notional = openInterest.filter((c) => c.unit === "usd_bn" && c.sourceId === coins[0].sourceId);
  return {
    notionalWeekEarlier: oneFigure(notional.filter((c) => c.period === "prior-week"), "the notional a week earlier"),
    notional: oneFigure(notional.filter((c) => c.period !== "prior-week" && c.asOf === coins[0].asOf), "the notional"),
    coins
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
const tipChannels = {
  figure: (d: PanelPoint) => sameFigureTipChannels.figure(d.group),
  date: (d: PanelPoint) => (d.when === WEEK_EARLIER ? `about a week before ${d.group[0].asOf}` : sameFigureTipChannels.date(d.group)),
  source: (d: PanelPoint) => sameFigureTipChannels.source(d.group)
};

/** One unit's panel: the printed readings as dots on the two moments, an arrow for the week's move; `note` sits in the frame, not at a value. */
function panel(points: PanelPoint[], { width, label, moments, note }: { width: number; label: string; moments: [string, string]; note?: string }) {
  const max = Math.max(...points.map((d) => d.group[0].value ?? 0));
  const y = (d: PanelPoint) => d.group[0].value;
  const [from, to] = points;
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 64,
    marginRight: 16,
    x: { type: "point", domain: moments, padding: 0.6, label: "Reported (UTC)" },
    y: { domain: [0, max * 1.25], grid: true, label, ticks: 5 },
    marks: [
      ...(from && to ? [Plot.arrow([{ from, to }], { x1: () => from.when, y1: () => y(from), x2: () => to.when, y2: () => y(to), inset: 12, stroke: "var(--theme-foreground-muted)" })] : []),
      Plot.dot(points, { x: "when", y, r: 6, fill: "currentColor" }),
      Plot.text(points, { x: "when", y, text: (d: PanelPoint) => formatClaimValue(d.group[0]), dy: -14, className: "open-interest-value" }),
      ...(note ? [Plot.text([note], { frameAnchor: "bottom-left", dx: 6, dy: -6, text: (d: string) => d, lineWidth: 14, fill: "var(--theme-foreground-muted)" })] : []),
      Plot.tip(points, Plot.pointer({ x: "when", y, channels: tipChannels, format: { x: false, y: false } }))
    ]
  });
}

/**
 * One report's futures open interest in USD and in BTC side by side: the notional fell over the
 * week while the coin count held, so the dollar drop was mostly the price, not fewer contracts.
 */
export function openInterestUsdVsBtc(claims: readonly CitedClaim[], { width }: OpenInterestUsdVsBtcOptions): HTMLElement {
  const positioning = openInterestPositioning(claims);
  const sideBySide = width >= 560;
  const panelWidth = sideBySide ? Math.floor((width - 32) / 2) : width;
  const latest = claimWhen(positioning.notional[0]);
  const moments: [string, string] = [WEEK_EARLIER, latest];
  const panels = document.createElement("div");
  panels.style.display = "flex";
  panels.style.flexWrap = sideBySide ? "nowrap" : "wrap";
  panels.style.gap = "0 24px";
  panels.append(
    panel(
      [
        { when: WEEK_EARLIER, group: positioning.notionalWeekEarlier },
        { when: latest, group: positioning.notional }
      ],
      { width: panelWidth, label: "Open interest, notional (USD bn)", moments }
    ),
    panel([{ when: latest, group: positioning.coins }], {
      width: panelWidth,
      label: "Open interest (BTC)",
      moments,
      note: "A week earlier: “stable”, the report says; it prints no count"
    })
  );
  const figure = chartFigure(panels, Object.values(positioning).flat(), {
    title: "BTC futures open interest on major exchanges: dollars against coins",
    filename: "btc-open-interest-usd-vs-btc"
  });
  figure.dataset.chart = "open-interest-usd-vs-btc";
  return figure;
}
