import * as Plot from "@observablehq/plot";
import { formatClaimValue, formatInUnit } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { chartFigure, claimTipChannels, marketAttribution } from "./chartFigure.js";
import { addDays, difficultyAdjustments, utcDayStart, type AdjustmentPoint, type MiningDataset } from "./miningSeries.js";

export interface DifficultyAdjustmentOptions {
  width: number;
}

/** Days of axis either side of the report, so the expected change is drawn in context. */
const CONTEXT_DAYS = 3;

/** The report's day with context, widened to every captured adjustment; an undated report spans the adjustments only. */
export function adjustmentDomain(expected: CitedClaim, adjustments: readonly AdjustmentPoint[]): [Date, Date] {
  const around = expected.asOf === null ? [] : [addDays(utcDayStart(expected.asOf), -CONTEXT_DAYS), addDays(utcDayStart(expected.asOf), 1 + CONTEXT_DAYS)];
  const times = [...around, ...adjustments.map((a) => a.time)].map((date) => date.getTime());
  if (times.length === 0) throw new Error(`claim "${expected.id}" has no date and there are no adjustments to draw it against`);
  return [new Date(Math.min(...times)), new Date(Math.max(...times))];
}

const percent = (value: number) => formatInUnit(Math.round(value * 100) / 100, "pct");

/**
 * The difficulty change a source expected at the next adjustment, drawn (hollow) at the day it
 * was reported, beside the adjustments that actually happened (filled) when the mining snapshot
 * holds them.
 */
export function difficultyAdjustment(expected: CitedClaim, mining: MiningDataset, { width }: DifficultyAdjustmentOptions): HTMLElement {
  if (expected.value === null) throw new Error(`claim "${expected.id}" has no value`);
  const actual = difficultyAdjustments(mining);
  const domain = adjustmentDomain(expected, actual);
  // A report the source dates sits at its day; an undated one is a level across the chart, never pinned to a day.
  const undated = expected.asOf === null;
  const reportedAt = (claim: CitedClaim) => (claim.asOf === null ? domain[0] : addDays(utcDayStart(claim.asOf), 0.5));
  const expectedMarks = undated
    ? [
        Plot.ruleY([expected], { y: "value", stroke: "currentColor", strokeDasharray: "4,3", strokeWidth: 2, className: "expected-adjustment" }),
        Plot.text([expected], {
          x: reportedAt,
          y: "value",
          text: (claim: CitedClaim) => `${formatClaimValue(claim)} expected at the next adjustment (date not printed)`,
          dy: -8,
          textAnchor: "start",
          fontWeight: "bold"
        })
      ]
    : [
        Plot.ruleX([expected], { x: reportedAt, y1: 0, y2: "value", stroke: "currentColor", strokeDasharray: "4,3" }),
        Plot.dot([expected], { x: reportedAt, y: "value", r: 6, stroke: "currentColor", strokeWidth: 2, fill: "var(--theme-background)", className: "expected-adjustment" }),
        Plot.text([expected], {
          x: reportedAt,
          y: "value",
          text: (claim: CitedClaim) => `${formatClaimValue(claim)} expected`,
          dx: -10,
          textAnchor: "end",
          fontWeight: "bold"
        })
      ];
  const narrow = width < 520;
  const chart = Plot.plot({
    width,
    height: narrow ? 260 : 300,
    marginLeft: 48,
    insetBottom: 28,
    insetTop: 10,
    insetLeft: 24,
    insetRight: 24,
    x: { type: "utc", domain, label: "Date (UTC)", ticks: narrow ? 4 : 8, tickFormat: "%b %-d" },
    y: { label: "↑ Difficulty change at the adjustment (%)", grid: true, zero: true, nice: true, tickFormat: (v: number) => `${v}%` },
    marks: [
      Plot.ruleY([0]),
      ...expectedMarks,
      ...(actual.length > 0
        ? [
            Plot.ruleX(actual, { x: "time", y1: 0, y2: "changePct", stroke: "var(--theme-foreground-focus)", strokeWidth: 2 }),
            Plot.dot(actual, { x: "time", y: "changePct", r: 5, fill: "var(--theme-foreground-focus)", className: "actual-adjustment" }),
            Plot.text(actual, {
              x: "time",
              y: "changePct",
              text: (a: AdjustmentPoint) => percent(a.changePct),
              dy: 12,
              lineAnchor: "top",
              fill: "var(--theme-foreground-focus)"
            }),
            Plot.tip(
              actual,
              Plot.pointerX({
                x: "time",
                y: "changePct",
                channels: {
                  change: { label: "actual change", value: (a: AdjustmentPoint) => percent(a.changePct) },
                  at: { label: "at", value: (a: AdjustmentPoint) => a.height === null ? `${a.time.toISOString().slice(0, 10)} (UTC day)` : `${a.time.toISOString().slice(0, 16).replace("T", " ")} UTC, block ${a.height}` },
                  source: { label: "computed from", value: () => marketAttribution(mining) }
                },
                format: { x: false, y: false }
              })
            )
          ]
        : []),
      Plot.tip(
        [expected],
        Plot.pointer({
          x: reportedAt,
          y: "value",
          channels: { ...claimTipChannels, when: { label: "due", value: (claim: CitedClaim) => `“${claim.quote}”` } },
          format: { x: false, y: false }
        })
      )
    ]
  });
  const figure = chartFigure(chart, [expected], {
    title: actual.length > 0 ? "Difficulty: the expected adjustment and the actual ones" : "Difficulty: the expected next adjustment",
    filename: "btc-difficulty-adjustment",
    market: { ...mining, rows: mining.rows.length > 0 ? (mining.meta?.summary?.difficultyAdjustments ?? []) : [] }
  });
  figure.dataset.chart = "difficulty-adjustment";
  return figure;
}
