import * as Plot from "./plot/index.js";
import { formatClaimValue, formatInUnit } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { chartFigure } from "./chartFigure.js";
import { creditMining, difficultyAdjustments, type AdjustmentPoint, type MiningDataset } from "./miningSeries.js";

export interface DifficultyAdjustmentOptions {
  width: number;
}

const percent = (value: number) => formatInUnit(Math.round(value * 100) / 100, "pct");

const when = (a: AdjustmentPoint) =>
  a.height === null ? `${a.time.toISOString().slice(0, 10)} (UTC day the daily series steps)` : `${a.time.toISOString().slice(0, 16).replace("T", " ")} UTC, block ${a.height}`;

/**
 * The difficulty adjustments computed from the mining dataset, one stem each, with the change a
 * source expected at the next adjustment as a line across the chart: the report gives it no
 * day, so it sits on the value axis only.
 */
export function difficultyAdjustment(expected: CitedClaim, mining: MiningDataset, { width }: DifficultyAdjustmentOptions): HTMLElement {
  if (expected.value === null) throw new Error(`claim "${expected.id}" has no value`);
  const actual = difficultyAdjustments(mining);
  const narrow = width < 520;
  const chart = Plot.plot({
    width,
    height: narrow ? 280 : 300,
    marginLeft: 48,
    marginRight: 16,
    insetLeft: 12,
    insetRight: 12,
    insetBottom: 8,
    x: { type: "utc", label: null, ticks: narrow ? 4 : 8, tickFormat: "%b %-d" },
    y: { label: "↑ Change in difficulty at each adjustment (%)", grid: true, zero: true, nice: true, tickFormat: (v: number) => `${v}%` },
    marks: [
      Plot.ruleY([0]),
      Plot.ruleY([expected], { y: "value", stroke: "var(--theme-red)", strokeWidth: 1.5, strokeDasharray: "6,4", title: (claim: CitedClaim) => `${formatClaimValue(claim)}: “${claim.quote}”`, className: "expected-adjustment" }),
      Plot.text([expected], {
        y: "value",
        frameAnchor: "left",
        text: (claim: CitedClaim) =>
          `Reported: about ${formatClaimValue(claim)} expected at the next adjustment (${claim.attributedTo ?? claim.source.outlet}; a forecast, no day printed)`,
        dx: 4,
        dy: -6,
        lineAnchor: "bottom",
        textAnchor: "start",
        fill: "var(--theme-red)",
        fontSize: 11,
        lineWidth: narrow ? 18 : 80
      }),
      Plot.ruleX(actual, { x: "time", y1: 0, y2: "changePct", stroke: "var(--theme-foreground-focus)", strokeWidth: 2 }),
      Plot.dot(actual, { x: "time", y: "changePct", r: 4, fill: "var(--theme-foreground-focus)", className: "actual-adjustment" }),
      // Each value beyond the end of its stem: above a rise, below a cut.
      ...[true, false].map((rise) =>
        Plot.text(
          actual.filter((a) => a.changePct >= 0 === rise && (!narrow || Math.abs(a.changePct) >= 3)),
          { x: "time", y: "changePct", text: (a: AdjustmentPoint) => percent(a.changePct), dy: rise ? -8 : 8, lineAnchor: rise ? "bottom" : "top", fontSize: narrow ? 9 : 10, fill: "var(--theme-foreground-focus)" }
        )
      ),
      Plot.tip(
        actual,
        Plot.pointerX({
          x: "time",
          y: "changePct",
          channels: {
            change: { label: "computed change", value: (a: AdjustmentPoint) => percent(a.changePct) },
            at: { label: "at", value: when }
          },
          format: { x: false, y: false }
        })
      )
    ]
  });
  const key = document.createElement("p");
  key.className = "chart-key";
  const how =
    mining.mode === "public"
      ? "computed from a daily difficulty series as the step from the last value before it to the first value after it, dated by the day the step begins"
      : "from the captured list of adjustments";
  key.textContent = `Blue stems: each adjustment's change in difficulty, ${how}. Dashed red line: the change the source expected at the next adjustment.`;
  const box = document.createElement("div");
  box.append(key, chart);
  const figure = chartFigure(box, [expected], {
    title: "Difficulty: the adjustments computed from the daily series, beside the expected cut",
    filename: "btc-difficulty-adjustment",
    // The mining series are credited in words below, their repositories folded away.
    public: { dataset: "difficulty-adjustments", sources: [], rows: actual.map((a) => ({ time: a.time.toISOString(), height: a.height, change_pct: a.changePct })) }
  });
  creditMining(figure, mining);
  figure.dataset.chart = "difficulty-adjustment";
  return figure;
}
