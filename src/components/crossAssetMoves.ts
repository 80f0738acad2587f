import * as Plot from "./plot/index.js";
import { formatClaimValue } from "../lib/claims.js";
import { appendDataCredit, dataCredit, publicSeriesCredits } from "../lib/public/credits.js";
import { formatChangePct, previousClose, sourcesFor, type CrossAssetRow, type ReportedBeside } from "../lib/public/crossAssetRows.js";
import type { PublicSource } from "../lib/public/load.js";
import { chartFigure, claimAttribution } from "./chartFigure.js";
import { shortUtcDate } from "./reportedBound.js";

export const REPORTED = "Reported in the article";
export const COMPUTED = "Computed: close to close";

/** One bar: a reported % move, or the close-to-close change computed for the same asset and day. */
export interface MoveBar {
  asset: string;
  kind: typeof REPORTED | typeof COMPUTED;
  changePct: number;
  /** The figure as shown in the tip. */
  figure: string;
  /** What the change runs over. */
  basis: string;
  source: string;
}

export interface CrossAssetMovesOptions {
  width: number;
  /** Every row of the cross-asset dataset, for the close each change is measured from. */
  rows: readonly CrossAssetRow[];
  sources: readonly PublicSource[];
}

const closeText = (row: CrossAssetRow) => `${row.close?.toLocaleString("en-US", { maximumFractionDigits: 2 }) ?? "gap"} on ${shortUtcDate(row.date)}`;

/** Two bars per pair, the reported one first; a pair whose day has no close in the extract keeps its reported bar alone. */
export function moveBars(pairs: readonly ReportedBeside[], rows: readonly CrossAssetRow[]): MoveBar[] {
  return pairs.flatMap(({ claim, asset, computed }) => {
    if (claim.value === null) throw new Error(`claim "${claim.id}" has no value to draw`);
    const reported: MoveBar = {
      asset,
      kind: REPORTED,
      changePct: claim.value,
      figure: formatClaimValue(claim),
      basis: "one day; price and hours not printed",
      source: claimAttribution(claim)
    };
    if (computed?.change_pct == null) return [reported];
    const previous = previousClose(rows, computed);
    return [
      reported,
      {
        asset,
        kind: COMPUTED,
        changePct: computed.change_pct,
        figure: formatChangePct(computed.change_pct),
        basis: previous ? `close ${closeText(previous)} to close ${closeText(computed)}` : `close on ${shortUtcDate(computed.date)}`,
        source: computed.source
      }
    ];
  });
}

/** The bar's value as printed: a reported figure to its own precision, a computed one to two decimals. */
const valueLabel = (bar: MoveBar) => (bar.kind === REPORTED ? bar.figure.replace(/^(?=\d)/, "+") : formatChangePct(bar.changePct));

/**
 * Reported one-day % moves beside the change computed from the public daily closes of the same
 * asset and day: two bars per asset on one % axis, told apart by color and legend.
 */
export function crossAssetMoves(pairs: readonly ReportedBeside[], { width, rows, sources }: CrossAssetMovesOptions): HTMLElement {
  const bars = moveBars(pairs, rows);
  const assets = [...new Set(bars.map((bar) => bar.asset))];
  const days = [...new Set(pairs.map((pair) => pair.date))];
  const narrow = width < 520;
  const marginLeft = narrow ? 92 : 110;
  const marginRight = 12;
  // Room for a value label (about 44 px) beyond the longest bar on either side.
  const values = bars.map((bar) => bar.changePct);
  const [low, high] = [Math.min(...values, 0), Math.max(...values, 0)];
  const pad = ((high - low) * 44) / Math.max(width - marginLeft - marginRight - 88, 1);
  const chart = Plot.plot({
    width,
    height: 60 + 36 * assets.length,
    marginLeft,
    marginRight,
    x: {
      label: "Change on the day (%) →",
      grid: true,
      domain: [low - (low < 0 ? pad : 0), high + pad],
      tickFormat: (v: number) => `${v}%`,
      ticks: narrow ? 5 : 10
    },
    fy: { label: null, domain: assets, padding: 0.2 },
    y: { axis: null, domain: [REPORTED, COMPUTED], padding: 0.1 },
    color: { legend: true, domain: [REPORTED, COMPUTED], range: ["var(--theme-foreground-focus)", "var(--theme-foreground-muted)"] },
    marks: [
      Plot.barX(bars, {
        x: "changePct",
        y: "kind",
        fy: "asset",
        fill: "kind",
        className: "move-bar",
        ariaLabel: (bar: MoveBar) => `${bar.asset}, ${bar.kind}: ${bar.figure}`
      }),
      ...[true, false].map((rising) =>
        Plot.text(
          bars.filter((bar) => bar.changePct >= 0 === rising),
          { x: "changePct", y: "kind", fy: "asset", text: valueLabel, dx: rising ? 4 : -4, textAnchor: rising ? "start" : "end", fontSize: 10 }
        )
      ),
      Plot.ruleX([0]),
      Plot.tip(
        bars,
        Plot.pointerY({
          x: "changePct",
          y: "kind",
          fy: "asset",
          channels: {
            asset: { label: "asset", value: "asset" },
            kind: { label: "kind", value: "kind" },
            move: { label: "move", value: "figure" },
            basis: { label: "over", value: "basis" },
            source: { label: "source", value: "source" }
          },
          format: { x: false, y: false, fy: false, fill: false }
        })
      )
    ]
  });
  const figure = chartFigure(
    chart,
    pairs.map((pair) => pair.claim),
    // The computed changes' series are credited in words below, their repositories folded away.
    {
      title: `${days.map(shortUtcDate).join(", ")}: the reported moves beside the close-to-close changes computed from daily closes`,
      filename: "cross-asset-moves",
      public: { dataset: "computed-changes", sources: [], rows: bars.filter((bar) => bar.kind === COMPUTED) }
    }
  );
  appendDataCredit(figure, dataCredit(publicSeriesCredits(sourcesFor(sources, assets)), { use: "computed" }));
  figure.dataset.chart = "cross-asset-moves";
  return figure;
}
