import * as Plot from "./plot/index.js";
import { appendDataCredit, dataCredit, publicSeriesCredits } from "../lib/public/credits.js";
import type { PublicDataset } from "../lib/public/dataset.js";
import { chartFigure } from "./chartFigure.js";
import { shortUtcDate } from "./reportedBound.js";
import { utcNoon } from "./utcDays.js";

export interface FearGreedOptions {
  width: number;
  /** UTC days to mark on the line, YYYY-MM-DD, with a short label each. */
  events: readonly { date: string; label: string }[];
}

export interface FearGreedRow {
  date: string;
  fear_greed: number | null;
}

/** Alternative.me calls readings below 25 "Extreme Fear". */
export const EXTREME_FEAR_BELOW = 25;

/** The index day by day on its 0–100 scale, with the extreme-fear zone shaded. */
export function fearGreed(dataset: PublicDataset<FearGreedRow>, { width, events }: FearGreedOptions): HTMLElement {
  const points = dataset.rows.map((row) => ({ ...row, time: utcNoon(row.date) }));
  const chart = Plot.plot({
    width,
    height: 300,
    marginLeft: 40,
    x: { type: "utc", label: null },
    y: { domain: [0, 100], label: "Fear & Greed (0 = extreme fear, 100 = extreme greed)", grid: true, ticks: [0, 25, 50, 75, 100] },
    marks: [
      Plot.rect([{ low: 0, high: EXTREME_FEAR_BELOW }], { y1: "low", y2: "high", fill: "var(--theme-red)", fillOpacity: 0.12, className: "extreme-fear-zone" }),
      Plot.ruleX(events, { x: (event: { date: string }) => utcNoon(event.date), strokeDasharray: "3,3", strokeOpacity: 0.6 }),
      Plot.text(events, { x: (event: { date: string }) => utcNoon(event.date), frameAnchor: "top", text: "label", dy: 4, dx: -4, textAnchor: "end", fontSize: 10 }),
      Plot.line(points, { x: "time", y: "fear_greed", strokeWidth: 1.5, className: "fear-greed-line" }),
      // After the line, so its halo keeps the label readable where the line crosses it.
      Plot.text([EXTREME_FEAR_BELOW], { y: (top: number) => top / 2, frameAnchor: "left", text: () => `extreme fear (below ${EXTREME_FEAR_BELOW})`, dx: 6, fontSize: 10, fill: "var(--theme-red)", stroke: "var(--theme-background)", strokeWidth: 3, paintOrder: "stroke" }),
      Plot.tip(points, Plot.pointerX({ x: "time", y: "fear_greed", channels: { day: { label: "day", value: "date" } }, format: { x: false } }))
    ]
  });
  const first = dataset.rows[0]?.date ?? "";
  const last = dataset.rows.at(-1)?.date ?? "";
  const figure = chartFigure(chart, [], {
    title: `Crypto Fear & Greed Index, daily, ${shortUtcDate(first)} ${first.slice(0, 4)} to ${shortUtcDate(last)} ${last.slice(0, 4)}`,
    filename: "fear-greed",
    // The series is credited in words below, its repository folded away.
    public: { dataset: "fear-greed", sources: [], rows: dataset.rows }
  });
  appendDataCredit(figure, dataCredit(publicSeriesCredits([dataset.source]), { use: "drawn" }));
  figure.dataset.chart = "fear-greed";
  return figure;
}
