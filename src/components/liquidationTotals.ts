import * as Plot from "@observablehq/plot";
import { formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { chartFigure, claimTipChannels } from "./chartFigure.js";
import { shortOutlet, shortUtcDate, shortUtcDateTime, toUsdBn } from "./reportedBound.js";

export interface LiquidationTotalsOptions {
  width: number;
}

/** Windows in reading order: the Feb 5 flush, the five days around it, the rebound day, then October 2025 for scale. */
const WINDOW_ORDER = ["1d", "5d", "24h", "event"];

/** BTC liquidation totals, one per window and source: each covers a different stretch of time. */
export function liquidationTotalClaims(claims: readonly CitedClaim[]): CitedClaim[] {
  return claims
    .filter((c) => c.topic === "liquidations" && c.metric === "liquidations_total" && c.asset === "BTC" && WINDOW_ORDER.includes(c.period ?? ""))
    .sort((a, b) => WINDOW_ORDER.indexOf(a.period ?? "") - WINDOW_ORDER.indexOf(b.period ?? ""));
}

/** The window a total covers, in words: "Feb 5, one day", "5 days to Feb 6", "Oct 2025 crash". */
export function liquidationWindow(claim: Pick<CitedClaim, "asOf" | "period">): string {
  const asOf = claim.asOf ?? "";
  if (claim.period === "event") return `${shortUtcDate(asOf)} crash`;
  if (claim.period === "24h") return `24 h to ${shortUtcDateTime(asOf)}`;
  const days = /^(\d+)d$/.exec(claim.period ?? "")?.[1];
  if (days === "1") return `${shortUtcDate(asOf)}, one day`;
  if (days) return `${days} days to ${shortUtcDate(asOf)}`;
  return `${claim.period ?? "undated"}, ${asOf}`;
}

/** Who reported it: the data party, else the outlet in a few words. */
export function liquidationReporter(claim: CitedClaim): string {
  return claim.attributedTo ?? shortOutlet(claim.source.outlet);
}

/** Which side was liquidated, when the source says. */
export function liquidationSide(claim: Pick<CitedClaim, "side">): string {
  return claim.side === null ? "sides not split" : `${claim.side}s only`;
}

const rowLabel = (claim: CitedClaim) => `${liquidationWindow(claim)}\n${liquidationReporter(claim)}\n${liquidationSide(claim)}`;

/**
 * BTC liquidation totals as separate labelled bars, one per reported window and source. The
 * windows overlap and differ in length, so the bars are side by side for scale, never a series.
 */
export function liquidationTotals(claims: readonly CitedClaim[], { width }: LiquidationTotalsOptions): HTMLElement {
  const totals = liquidationTotalClaims(claims);
  const narrow = width < 560;
  const chart = Plot.plot({
    width,
    height: 60 * totals.length + 50,
    marginLeft: narrow ? 140 : 150,
    marginRight: 56,
    x: { label: "BTC liquidated (USD billions)", grid: true, ticks: narrow ? 3 : 8, tickFormat: (v: number) => `$${v}B` },
    y: { label: null, domain: totals.map(rowLabel), tickSize: 0 },
    color: { domain: WINDOW_ORDER, range: ["var(--theme-red)", "var(--theme-yellow)", "var(--theme-blue)", "var(--theme-foreground-faint)"] },
    marks: [
      Plot.barX(totals, {
        x: (c: CitedClaim) => toUsdBn(c.value as number, c.unit),
        y: rowLabel,
        fill: "period",
        insetTop: 6,
        insetBottom: 6,
        channels: { window: liquidationWindow, ...claimTipChannels },
        tip: { format: { x: false, y: false, fill: false } }
      }),
      Plot.text(totals, {
        x: (c: CitedClaim) => toUsdBn(c.value as number, c.unit),
        y: rowLabel,
        text: (c: CitedClaim) => formatClaimValue(c),
        textAnchor: "start",
        dx: 4,
        fill: "currentColor"
      }),
      Plot.ruleX([0])
    ]
  });
  const figure = chartFigure(chart, totals, { title: "BTC liquidations, by reported window (not one series)", filename: "btc-liquidation-totals" });
  figure.dataset.chart = "liquidation-totals";
  return figure;
}
