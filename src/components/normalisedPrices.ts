import * as Plot from "./plot/index.js";
import { NORMALISED_ASSETS, type NormalisedRow } from "../lib/public/crossAssetRows.js";
import { appendDataCredit, dataCredit, publicSeriesCredits } from "../lib/public/credits.js";
import type { PublicSource } from "../lib/public/load.js";
import { chartFigure } from "./chartFigure.js";
import { shortUtcDate } from "./reportedBound.js";
import { utcNoon } from "./utcDays.js";

export interface NormalisedPricesOptions {
  width: number;
  /** The day every asset is 100 on, YYYY-MM-DD. */
  baseDay: string;
  sources: readonly PublicSource[];
  /** Some of the assets, in their usual colours (default all of NORMALISED_ASSETS). */
  assets?: readonly string[];
  /** The span in the title (default "October to February", the extracts' span). */
  period?: string;
}

// The colour each asset has when all are drawn, so that a subset keeps them.
const usualColours = Plot.scale({ color: { domain: [...NORMALISED_ASSETS] } }).range as string[];

/** Each asset's daily close as an index, 100 on the base day, one line per asset. */
export function normalisedPrices(rows: readonly NormalisedRow[], { width, baseDay, sources, assets, period = "October to February" }: NormalisedPricesOptions): HTMLElement {
  const points = rows.map((row) => ({ ...row, time: utcNoon(row.date) }));
  const chart = Plot.plot({
    width,
    height: 380,
    marginLeft: 48,
    x: { type: "utc", label: null },
    y: { label: `Close, ${shortUtcDate(baseDay)} = 100`, grid: true },
    color: assets
      ? { domain: [...assets], range: assets.map((asset) => usualColours[NORMALISED_ASSETS.indexOf(asset)]!), legend: true }
      : { domain: [...NORMALISED_ASSETS], legend: true },
    marks: [
      Plot.ruleY([100], { stroke: "currentColor", strokeOpacity: 0.5 }),
      Plot.ruleX([utcNoon(baseDay)], { stroke: "currentColor", strokeDasharray: "3,3", strokeOpacity: 0.6 }),
      Plot.text([utcNoon(baseDay)], { x: (time: Date) => time, frameAnchor: "top", text: () => `base day, ${shortUtcDate(baseDay)}`, dy: 4, dx: -4, textAnchor: "end", fontSize: 10 }),
      Plot.line(points, { x: "time", y: "index", stroke: "asset", strokeWidth: 1.5, className: "normalised-close" }),
      Plot.tip(
        points,
        Plot.pointerX({
          x: "time",
          y: "index",
          stroke: "asset",
          channels: { day: { label: "day", value: "date" }, index: { label: "index", value: (row: NormalisedRow) => row.index?.toFixed(1) ?? "gap" } },
          format: { x: false, y: false, stroke: true }
        })
      )
    ]
  });
  const figure = chartFigure(chart, [], {
    title: `Daily closes, ${period}, indexed to ${shortUtcDate(baseDay)} = 100 (computed)`,
    filename: "normalised-closes",
    // The series are credited in words below, their repositories folded away.
    public: { dataset: "normalised-closes", sources: [], rows }
  });
  appendDataCredit(figure, dataCredit(publicSeriesCredits(sources), { use: "computed" }));
  figure.dataset.chart = "normalised-prices";
  return figure;
}
