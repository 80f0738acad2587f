import * as Plot from "./plot/index.js";
import { formatClaimValue } from "../lib/claims.js";
import { CROSS_ASSETS, formatChangePct, reportedWindow, type CrossAssetRow, type ReportedBeside } from "../lib/public/crossAssetRows.js";
import { appendDataCredit, dataCredit, publicSeriesCredits } from "../lib/public/credits.js";
import type { PublicSource } from "../lib/public/load.js";
import { chartFigure, claimAttribution } from "./chartFigure.js";
import { shortUtcDate } from "./reportedBound.js";

export interface CrossAssetHeatmapOptions {
  width: number;
  /** First and last day shown, YYYY-MM-DD. */
  from: string;
  to: string;
  sources: readonly PublicSource[];
  /** The markets drawn, one row each, in this order (default every one of CROSS_ASSETS). */
  assets?: readonly string[];
}

/** One cell: an asset's close-to-close change on a day, and what the articles reported for it, if anything. */
export interface HeatmapCell {
  date: string;
  asset: string;
  changePct: number;
  close: number;
  /** "+1.97% (one day), framework-translation" or null when nothing was reported. */
  reported: string | null;
}

function reportedText(item: ReportedBeside): string {
  return `${formatClaimValue(item.claim)} (${reportedWindow(item.claim)}), ${claimAttribution(item.claim)}`;
}

/** The cells between `from` and `to`: one per asset and day with a computed change. */
export function heatmapCells(rows: readonly CrossAssetRow[], reported: readonly ReportedBeside[], from: string, to: string): HeatmapCell[] {
  return rows.flatMap((row) => {
    if (row.date < from || row.date > to || row.change_pct === null || row.close === null) return [];
    const matches = reported.filter((item) => item.asset === row.asset && item.date === row.date);
    return [
      {
        date: row.date,
        asset: row.asset,
        changePct: row.change_pct,
        close: row.close,
        reported: matches.length > 0 ? matches.map(reportedText).join("; ") : null
      }
    ];
  });
}

/**
 * Daily close-to-close % moves, asset by day, on a diverging scale; the cells the articles
 * reported a move for are outlined, and the tip gives both figures.
 */
export function crossAssetHeatmap(rows: readonly CrossAssetRow[], reported: readonly ReportedBeside[], options: CrossAssetHeatmapOptions): HTMLElement {
  const { width, from, to } = options;
  const cells = heatmapCells(rows, reported, from, to);
  const days = [...new Set(cells.map((cell) => cell.date))].sort();
  const assets = options.assets ?? CROSS_ASSETS.map((spec) => spec.asset);
  const outlined = cells.filter((cell) => cell.reported !== null);
  const narrow = width < 640;
  const tickStep = narrow ? 4 : 1;
  const chart = Plot.plot({
    width,
    height: 60 + 26 * assets.length,
    marginLeft: 92,
    marginBottom: 36,
    x: {
      domain: days,
      label: null,
      ticks: days.filter((_, i) => i % tickStep === 0),
      tickFormat: (day: string) => shortUtcDate(day),
      tickRotate: narrow ? 0 : -35
    },
    y: { domain: assets, label: null, tickSize: 0 },
    color: { type: "diverging-symlog", scheme: "RdBu", pivot: 0, legend: true, label: "Close-to-close change (%)", tickFormat: (v: number) => `${v}%` },
    marks: [
      Plot.cell(cells, {
        x: "date",
        y: "asset",
        fill: "changePct",
        inset: 0.5,
        className: "cross-asset-change",
        ariaLabel: (cell: HeatmapCell) => `${cell.asset}, ${cell.date}: ${formatChangePct(cell.changePct)}`
      }),
      ...(narrow
        ? []
        : [
            Plot.text(cells, {
              x: "date",
              y: "asset",
              text: (cell: HeatmapCell) => formatChangePct(cell.changePct, 1),
              fontSize: 8.5,
              fill: (cell: HeatmapCell) => (Math.abs(cell.changePct) >= 4 ? "white" : "black")
            })
          ]),
      Plot.cell(outlined, { x: "date", y: "asset", fill: "none", stroke: "currentColor", strokeWidth: 2.5, className: "reported-cell" }),
      Plot.tip(
        cells,
        Plot.pointer({
          x: "date",
          y: "asset",
          channels: {
            asset: { label: "asset", value: "asset" },
            day: { label: "day", value: "date" },
            computed: { label: "close to close", value: (cell: HeatmapCell) => formatChangePct(cell.changePct) },
            reported: { label: "reported", value: (cell: HeatmapCell) => cell.reported ?? "none" }
          },
          format: { x: false, y: false, fill: false }
        })
      )
    ]
  });
  const key = document.createElement("p");
  key.className = "chart-key";
  key.textContent =
    "Each cell is computed: the change from the asset's previous close, for the crypto assets at the end of every UTC day (Bitcoin and Ether at 00:00 UTC), for the others at their market's close on trading days only (blank: no session). Outlined cells are the moves the article reported for that asset and day; hover for the reported figure beside the computed one.";
  const box = document.createElement("div");
  box.append(key, chart);
  const reportedClaims = reported.map((item) => item.claim);
  const figure = chartFigure(box, reportedClaims, {
    title: `Daily moves, ${shortUtcDate(from)} to ${shortUtcDate(to)}: computed close to close, reported moves outlined`,
    filename: "cross-asset-daily-moves",
    // The series are credited in words below, their repositories folded away.
    public: { dataset: "daily-moves", sources: [], rows: cells }
  });
  appendDataCredit(figure, dataCredit(publicSeriesCredits(options.sources), { use: "computed" }));
  figure.dataset.chart = "cross-asset-heatmap";
  return figure;
}
