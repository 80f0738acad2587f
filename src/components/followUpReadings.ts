import * as Plot from "@observablehq/plot";
import { formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { chartFigure, claimTipChannels } from "./chartFigure.js";
import { horizontalBoundSymbol, plottedValue, toUsdBn } from "./reportedBound.js";

export interface FollowUpReadingsOptions {
  width: number;
}

export interface FollowUpPanel {
  title: string;
  axisLabel: string;
  /** Start the axis at zero (amounts and ratios); price levels do not. */
  zero: boolean;
  claims: CitedClaim[];
  /** The value on this panel's axis (some panels put millions and billions on one axis). */
  x: (claim: CitedClaim) => number;
  tickFormat?: (value: number) => string;
}

const PANELS: { title: string; axisLabel: string; zero: boolean; metrics: string[]; usdBn?: boolean; tickFormat?: (value: number) => string }[] = [
  { title: "BTC price levels", axisLabel: "BTC price (USD)", zero: false, metrics: ["price", "rally_high", "etf_cost_basis"], tickFormat: (v) => `$${v / 1000}K` },
  { title: "BTC price change over “this week”", axisLabel: "%", zero: true, metrics: ["price_change"] },
  { title: "Realized profit/loss ratio", axisLabel: "ratio (profit ÷ loss)", zero: true, metrics: ["realized_profit_loss_ratio_7d_avg", "realized_profit_loss_ratio_90d_avg"] },
  { title: "Realized losses per day", axisLabel: "USD billions per day", zero: true, metrics: ["realized_loss", "realized_loss_long_term_holders"], usdBn: true },
  { title: "Futures long liquidations, one event", axisLabel: "USD millions", zero: true, metrics: ["liquidations"] }
];

/** Short names for the readings; the metric name is the fallback. */
const READING_LABELS: Record<string, string> = {
  "btc-followup-price": "price after the drop",
  "btc-followup-rally-high": "rally high",
  "btc-followup-etf-cost-basis": "ETF cost basis",
  "btc-followup-weekly-change": "this week",
  "btc-followup-realized-pl-ratio-7d-high": "7-day avg, local high",
  "btc-followup-realized-pl-ratio-7d": "7-day avg, after",
  "btc-followup-realized-pl-ratio-90d": "90-day avg",
  "btc-followup-realized-loss": "all holders",
  "btc-followup-realized-loss-lth": "long-term holders",
  "btc-followup-long-liquidations": "longs liquidated"
};

export function readingLabel(claim: Pick<CitedClaim, "id" | "metric">): string {
  return READING_LABELS[claim.id] ?? claim.metric.replaceAll("_", " ");
}

/** The undated follow-up figures (as_of empty), grouped into panels that share a unit. */
export function followUpPanels(claims: readonly CitedClaim[]): FollowUpPanel[] {
  const followUps = claims.filter((c) => c.sourceId === "marsbit-followup" && c.kind !== "label");
  return PANELS.map(({ metrics, usdBn, ...panel }) => ({
    ...panel,
    claims: followUps.filter((c) => metrics.includes(c.metric)),
    x: usdBn ? (c: CitedClaim) => toUsdBn(plottedValue(c), c.unit) : plottedValue
  })).filter((panel) => panel.claims.length > 0);
}

function panelChart(panel: FollowUpPanel, width: number): HTMLElement {
  const labels = panel.claims.map(readingLabel);
  const chart = Plot.plot({
    width,
    height: 34 * panel.claims.length + 56,
    marginLeft: 130,
    marginRight: 24,
    x: {
      label: panel.axisLabel,
      grid: true,
      zero: panel.zero,
      nice: true,
      ticks: Math.max(2, Math.floor(width / 90)),
      tickFormat: panel.tickFormat,
      // Room for the value labels, which are centred on their dots.
      insetLeft: 24,
      insetRight: 40
    },
    y: { label: null, domain: labels, tickSize: 0 },
    marks: [
      ...(panel.zero ? [Plot.ruleX([0])] : []),
      Plot.dot(panel.claims, {
        x: panel.x,
        y: readingLabel,
        r: 6,
        fill: "currentColor",
        symbol: (c: CitedClaim) => horizontalBoundSymbol(c).symbol,
        rotate: (c: CitedClaim) => horizontalBoundSymbol(c).rotate,
        channels: claimTipChannels,
        tip: { format: { x: false, y: false, symbol: false, rotate: false } }
      }),
      Plot.text(panel.claims, {
        x: panel.x,
        y: readingLabel,
        text: (c: CitedClaim) => formatClaimValue(c),
        dy: -12,
        fill: "currentColor"
      })
    ]
  });
  const box = document.createElement("div");
  const heading = document.createElement("div");
  heading.textContent = panel.title;
  heading.style.font = "600 13px/1.4 var(--sans-serif)";
  box.append(heading, chart);
  return box;
}

/**
 * The follow-up readings of a later, undated summary, in small panels by unit. They have no
 * date, so nothing here has a time axis; the figure is set apart and labelled as undated.
 */
export function followUpReadings(claims: readonly CitedClaim[], { width }: FollowUpReadingsOptions): HTMLElement {
  const panels = followUpPanels(claims);
  const inner = width - 26;
  const twoColumns = inner >= 620;
  const gap = 24;
  const panelWidth = twoColumns ? Math.floor((inner - gap) / 2) : inner;
  const grid = document.createElement("div");
  grid.style.display = "flex";
  grid.style.flexWrap = "wrap";
  grid.style.gap = `8px ${gap}px`;
  grid.append(...panels.map((panel) => panelChart(panel, panelWidth)));

  const figure = chartFigure(grid, panels.flatMap((panel) => panel.claims), {
    title: "Later readings from an undated follow-up",
    filename: "btc-undated-follow-up"
  });
  const badge = document.createElement("p");
  badge.className = "undated-follow-up";
  badge.textContent = "undated follow-up";
  badge.style.cssText =
    "display:inline-block;margin:0 0 0.5rem;padding:0 0.5rem;border:1px solid var(--theme-foreground-faint);border-radius:999px;font:600 12px/1.6 var(--sans-serif);text-transform:uppercase;letter-spacing:0.05em;color:var(--theme-foreground-muted)";
  figure.querySelector("h3")?.after(badge);
  figure.style.cssText = "border:1px dashed var(--theme-foreground-faint);border-radius:8px;padding:0.75rem 12px;margin:1.5rem 0";
  figure.dataset.chart = "follow-up-readings";
  figure.dataset.undated = "true";
  return figure;
}
