import * as Plot from "./plot/index.js";
import { formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { chartFigure, claimTipChannels } from "./chartFigure.js";
import { liquidationWindow } from "./liquidationTotals.js";
import { toUsdBn } from "./reportedBound.js";

export interface LiquidationsBySideOptions {
  width: number;
}

export const SIDE_LABELS = ["long", "short", "total", "total (not split)"] as const;
export type SideLabel = (typeof SIDE_LABELS)[number];

export interface SideBar {
  asset: string;
  side: SideLabel;
  claim: CitedClaim;
}

/** The 24-hour liquidation rows of the rebound, one per asset and side, in the order the ledger lists them. */
export function liquidations24hClaims(claims: readonly CitedClaim[]): CitedClaim[] {
  return claims.filter((c) => c.topic === "liquidations" && c.period === "24h" && c.asset !== null && c.value !== null);
}

/**
 * One bar per ledger row. A row without a side is the asset's total: "total" when the same
 * source also splits that asset into longs and shorts, "total (not split)" when it does not.
 * No split is ever derived from a total.
 */
export function liquidationSideBars(claims: readonly CitedClaim[]): SideBar[] {
  const split = new Set(claims.filter((c) => c.side !== null).map((c) => c.asset));
  return claims.map((claim) => ({
    asset: claim.asset as string,
    side: claim.side ?? (split.has(claim.asset) ? "total" : "total (not split)"),
    claim
  }));
}

const barLabel = (bar: SideBar) => `${bar.asset} ${bar.side}`;
const usdMn = (bar: SideBar) => toUsdBn(bar.claim.value as number, bar.claim.unit) * 1000;

/** Liquidations over one window by asset and side, one bar per row given; the title states the window. */
export function liquidationsBySide(rows: readonly CitedClaim[], { width }: LiquidationsBySideOptions): HTMLElement {
  const windows = [...new Set(rows.map((claim) => liquidationWindow(claim)))];
  const bars = liquidationSideBars(rows);
  const narrow = width < 560;
  const chart = Plot.plot({
    width,
    height: 26 * bars.length + 70,
    marginLeft: narrow ? 118 : 140,
    marginRight: 64,
    x: { label: "Liquidated in 24 hours (USD millions)", grid: true, ticks: narrow ? 2 : 8, tickFormat: (v: number) => `$${v}M` },
    y: { label: null, domain: bars.map(barLabel), tickSize: 0 },
    color: {
      legend: true,
      domain: [...SIDE_LABELS],
      range: ["var(--theme-blue)", "var(--theme-red)", "var(--theme-foreground-faint)", "var(--theme-foreground-fainter)"]
    },
    marks: [
      Plot.barX(bars, {
        x: usdMn,
        y: barLabel,
        fill: "side",
        insetTop: 2,
        insetBottom: 2,
        channels: {
          asset: "asset",
          side: "side",
          figure: (bar: SideBar) => claimTipChannels.figure(bar.claim),
          date: (bar: SideBar) => claimTipChannels.date(bar.claim),
          source: (bar: SideBar) => claimTipChannels.source(bar.claim)
        },
        tip: { format: { x: false, y: false, fill: false } }
      }),
      Plot.text(bars, { x: usdMn, y: barLabel, text: (bar: SideBar) => formatClaimValue(bar.claim), textAnchor: "start", dx: 4, fill: "currentColor" }),
      Plot.ruleX([0])
    ]
  });
  const figure = chartFigure(chart, rows, { title: `Liquidations by asset and side, ${windows.join("; ")}`, filename: "liquidations-24h-by-side" });
  figure.dataset.chart = "liquidations-by-side";
  figure.dataset.bars = String(bars.length);
  return figure;
}
