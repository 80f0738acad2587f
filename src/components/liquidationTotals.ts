import * as Plot from "./plot/index.js";
import { formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { chartFigure, claimTipChannels } from "./chartFigure.js";
import { boundKind, horizontalBoundSymbol, plottedValue, shortUtcDate, shortUtcDateTime, toUsdBn } from "./reportedBound.js";

export interface LiquidationTotalsOptions {
  width: number;
  /** What to say for a total with no date printed, e.g. where it falls in the story. */
  undatedWhen?: string;
}

const SPANS: Record<string, string> = { event: "one event", "1d": "one day", "24h": "24 h" };

/**
 * The window a total covers, in words: "Feb 5, one day", "5 days to Feb 6", "Oct 2025 crash";
 * with no date printed, the span and `undatedWhen` ("one event,\ndate not printed").
 */
export function liquidationWindow(claim: Pick<CitedClaim, "asOf" | "period">, undatedWhen = "date not printed"): string {
  if (claim.asOf === null) return `${SPANS[claim.period ?? ""] ?? claim.period ?? "window not printed"},\n${undatedWhen}`;
  if (claim.period === "event") return `${shortUtcDate(claim.asOf)} crash`;
  if (claim.period === "24h") return `24 h to ${shortUtcDateTime(claim.asOf)}`;
  const days = /^(\d+)d$/.exec(claim.period ?? "")?.[1];
  if (days === "1") return `${shortUtcDate(claim.asOf)}, one day`;
  if (days) return `${days} days to ${shortUtcDate(claim.asOf)}`;
  return `${claim.period ?? "window not printed"}, ${shortUtcDate(claim.asOf)}`;
}

/** Which side was liquidated, when the source says. */
export function liquidationSide(claim: Pick<CitedClaim, "side">): string {
  return claim.side === null ? "sides not split" : `${claim.side}s only`;
}


const SIDES = { "longs only": "var(--theme-blue)", "shorts only": "var(--theme-red)", "sides not split": "var(--theme-foreground-faint)" };
const usdBn = (claim: CitedClaim) => toUsdBn(plottedValue(claim), claim.unit);

/**
 * BTC liquidation totals as separate labelled bars, one per reported window, in the order
 * given. The windows overlap and differ in length, so the bars sit side by side for scale and
 * are never a series; a "more than" figure ends in an arrowhead.
 */
export function liquidationTotals(totals: readonly CitedClaim[], { width, undatedWhen }: LiquidationTotalsOptions): HTMLElement {
  const narrow = width < 560;
  const windowOf = (claim: CitedClaim) => liquidationWindow(claim, undatedWhen);
  const rowLabel = (claim: CitedClaim) => `${windowOf(claim)}\n${liquidationSide(claim)}`;
  const bounds = totals.filter((c) => boundKind(c) !== "value");
  const sides = Object.keys(SIDES).filter((side) => totals.some((c) => liquidationSide(c) === side));
  const chart = Plot.plot({
    width,
    height: 62 * totals.length + 60,
    marginLeft: narrow ? 150 : 170,
    marginRight: 64,
    x: { label: "BTC liquidated (USD billions)", grid: true, ticks: narrow ? 3 : 8, tickFormat: (v: number) => `$${v}B` },
    y: { label: null, domain: totals.map(rowLabel), tickSize: 0 },
    color: { legend: true, domain: sides, range: sides.map((side) => SIDES[side as keyof typeof SIDES]) },
    marks: [
      Plot.barX(totals, {
        x: usdBn,
        y: rowLabel,
        fill: liquidationSide,
        insetTop: 8,
        insetBottom: 8,
        channels: { window: windowOf, ...claimTipChannels },
        tip: { format: { x: false, y: false, fill: false } }
      }),
      Plot.dot(bounds, {
        x: usdBn,
        y: rowLabel,
        symbol: (c: CitedClaim) => horizontalBoundSymbol(c).symbol,
        rotate: (c: CitedClaim) => horizontalBoundSymbol(c).rotate,
        r: 6,
        fill: "currentColor"
      }),
      Plot.text(totals, { x: usdBn, y: rowLabel, text: (c: CitedClaim) => formatClaimValue(c), textAnchor: "start", dx: 12, fill: "currentColor" }),
      Plot.ruleX([0])
    ]
  });
  const figure = chartFigure(chart, totals, { title: "BTC liquidations, one bar per reported window (never added up)", filename: "btc-liquidation-totals" });
  figure.dataset.chart = "liquidation-totals";
  return figure;
}
