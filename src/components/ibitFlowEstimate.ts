import * as Plot from "./plot/index.js";
import { formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import type { PublicDataset } from "../lib/public/dataset.js";
import { chartFigure, claimTipChannels } from "./chartFigure.js";
import { shortUtcDate } from "./reportedBound.js";
import { utcDayStart, utcNoon } from "./utcDays.js";

export interface IbitFlowRow {
  date: string;
  flow_usd_estimate: number | null;
}

export interface IbitFlowEstimateOptions {
  width: number;
  /** The ledger's daily flow figures for all US spot Bitcoin ETFs, drawn beside the estimate, never added to it. */
  allEtfDaily: readonly CitedClaim[];
}

export const IBIT_ESTIMATE_LABEL = "IBIT only: estimate from shares outstanding, not the issuer's reported flow";
export const ALL_ETF_LABEL = "All US spot Bitcoin ETFs: Farside daily figure, as reported";

/** The estimated IBIT flow per trading day as bars (a missing estimate stays blank), the all-ETF figures as points. */
export function ibitFlowEstimate(dataset: PublicDataset<IbitFlowRow>, { width, allEtfDaily }: IbitFlowEstimateOptions): HTMLElement {
  const bars = dataset.rows.flatMap((row) => (row.flow_usd_estimate === null ? [] : [{ date: row.date, start: utcDayStart(row.date), usdMn: row.flow_usd_estimate / 1e6 }]));
  const reported = allEtfDaily.map((claim) => ({ claim, time: utcNoon(claim.asOf ?? ""), usdMn: claim.value as number }));
  const chart = Plot.plot({
    width,
    height: 320,
    marginLeft: 64,
    x: { type: "utc", label: null },
    y: { label: "Net flow (USD millions)", grid: true, tickFormat: (v: number) => `${v < 0 ? "−" : ""}$${Math.abs(v)}M` },
    color: { domain: [IBIT_ESTIMATE_LABEL, ALL_ETF_LABEL], range: ["var(--theme-foreground-muted)", "var(--theme-red)"], legend: true },
    marks: [
      Plot.rectY(bars, {
        x: "start",
        interval: "day",
        y: "usdMn",
        fill: () => IBIT_ESTIMATE_LABEL,
        inset: 1,
        className: "ibit-flow-estimate",
        channels: { day: { label: "day", value: "date" }, kind: { label: "kind", value: () => "estimate, IBIT only" } },
        tip: { format: { x: false, y: (v: number) => `$${v.toFixed(1)}M`, fill: false } }
      }),
      Plot.ruleY([0]),
      Plot.dot(reported, {
        x: "time",
        y: "usdMn",
        r: 5,
        symbol: "diamond",
        fill: () => ALL_ETF_LABEL,
        stroke: "var(--theme-background)",
        className: "all-etf-reported",
        channels: {
          figure: { label: "figure", value: (point: { claim: CitedClaim }) => formatClaimValue(point.claim) },
          date: { label: "date", value: (point: { claim: CitedClaim }) => claimTipChannels.date(point.claim) },
          source: { label: "source", value: (point: { claim: CitedClaim }) => claimTipChannels.source(point.claim) },
          kind: { label: "kind", value: () => "reported, all US spot BTC ETFs" }
        },
        tip: { format: { x: false, y: false, fill: false } }
      }),
      Plot.text(reported, { x: "time", y: "usdMn", text: (point: { claim: CitedClaim }) => `all ETFs ${formatClaimValue(point.claim)}`, dx: 8, textAnchor: "start", fontSize: 10, fill: "var(--theme-red)" })
    ]
  });
  const first = dataset.rows[0]?.date ?? "";
  const last = dataset.rows.at(-1)?.date ?? "";
  const figure = chartFigure(chart, allEtfDaily, {
    title: `IBIT's estimated daily flow, ${shortUtcDate(first)} to ${shortUtcDate(last)}, beside the all-ETF totals the articles reported`,
    filename: "ibit-flow-estimate",
    public: { dataset: "ibit-flow-estimate", sources: [dataset.source], rows: dataset.rows }
  });
  figure.dataset.chart = "ibit-flow-estimate";
  return figure;
}
