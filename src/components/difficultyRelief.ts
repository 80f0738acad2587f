import * as Plot from "@observablehq/plot";
import { claimDate, formatClaimValue, formatInUnit } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { chartFigure, claimAttribution, marketAttribution } from "./chartFigure.js";
import {
  computedHashprice,
  difficultyAdjustments,
  firstAdjustmentAfter,
  hashpriceAround,
  reliefFactor,
  type MiningDataset
} from "./miningSeries.js";

export interface DifficultyReliefOptions {
  width: number;
}

/** One row of the relief chart: a ceiling (reported or derived from reported figures) or a computed value. */
export interface ReliefRow {
  /** The chart row. */
  label: string;
  usdPerPhDay: number;
  kind: "ceiling" | "computed";
  /** The figure with its unit, for the tip. */
  figure: string;
  /** The short text drawn beside the mark; the axis carries the unit. */
  mark: string;
  how: string;
  date: string;
  source: string;
}

const monthDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const rounded = (value: number) => Math.round(value * 100) / 100;
const usdPerPhDay = (value: number) => formatInUnit(rounded(value), "usd_per_ph_day");
const usd = (value: number) => formatInUnit(rounded(value), "usd");

/**
 * The reported hashprice ceiling, and the ceiling it becomes once difficulty falls by the
 * expected amount at unchanged price and fees (hashprice scales with 1 / difficulty).
 */
export function reliefCeilings(bound: CitedClaim, expected: CitedClaim): ReliefRow[] {
  if (bound.high === null || expected.value === null) throw new Error(`claims "${bound.id}" and "${expected.id}" need a bound and a value`);
  const after = bound.high * reliefFactor(expected.value);
  return [
    {
      label: "Reported",
      usdPerPhDay: bound.high,
      kind: "ceiling",
      figure: formatClaimValue(bound),
      mark: `< ${usd(bound.high)}`,
      how: "as reported, an upper bound",
      date: claimDate(bound),
      source: claimAttribution(bound)
    },
    {
      label: "After, computed",
      usdPerPhDay: after,
      kind: "ceiling",
      figure: `< ${usdPerPhDay(after)}`,
      mark: `< ${usd(after)}`,
      how: `computed: ${formatClaimValue(bound)} ÷ (1 ${formatClaimValue(expected).replace("−", "− ")}), price and fees unchanged`,
      date: expected.asOf === null ? "after the next adjustment (date not printed)" : `after the adjustment expected on ${expected.asOf}`,
      source: `${claimAttribution(bound)}; ${claimAttribution(expected)}`
    }
  ];
}

/** Computed hashprice on the last full day before and the first full day after the first adjustment after the report. */
export function measuredRelief(bound: CitedClaim, mining: MiningDataset): ReliefRow[] {
  // Without a report date there is no "next" adjustment to measure around.
  if (bound.asOf === null) return [];
  const adjustment = firstAdjustmentAfter(difficultyAdjustments(mining), bound.asOf.slice(0, 10));
  if (!adjustment) return [];
  const { before, after } = hashpriceAround(computedHashprice(mining), adjustment);
  const how = `computed daily hashprice around the ${formatInUnit(Math.round(adjustment.changePct * 100) / 100, "pct")} adjustment of ${adjustment.time.toISOString().slice(0, 10)}`;
  return [before, after].flatMap((point) =>
    point
      ? [
          {
            label: `${monthDay(point.day)}, computed`,
            usdPerPhDay: point.usdPerPhDay,
            kind: "computed" as const,
            figure: usdPerPhDay(point.usdPerPhDay),
            mark: usd(point.usdPerPhDay),
            how,
            date: point.day,
            source: marketAttribution(mining)
          }
        ]
      : []
  );
}

export function difficultyRelief(bound: CitedClaim, expected: CitedClaim, mining: MiningDataset, { width }: DifficultyReliefOptions): HTMLElement {
  const ceilings = reliefCeilings(bound, expected);
  const measured = mining.rows.length > 0 ? measuredRelief(bound, mining) : [];
  const rows = [...ceilings, ...measured];
  const tipChannels = {
    figure: { label: "figure", value: "figure" },
    how: { label: "how", value: "how" },
    date: { label: "date", value: "date" },
    source: { label: "source", value: "source" }
  };
  const narrow = width < 520;
  const chart = Plot.plot({
    width,
    height: 60 + 44 * rows.length,
    marginLeft: narrow ? 104 : 118,
    marginRight: 64,
    x: { label: "Hashprice (USD per PH/s per day) →", grid: true, zero: true, nice: true, tickFormat: "$,.0f", ticks: narrow ? 4 : 8 },
    y: { label: null, domain: rows.map((row) => row.label) },
    marks: [
      Plot.barX(ceilings, { x1: 0, x2: "usdPerPhDay", y: "label", fill: "currentColor", fillOpacity: 0.12 }),
      Plot.tickX(ceilings, { x: "usdPerPhDay", y: "label", stroke: "currentColor", strokeWidth: 2.5 }),
      Plot.text(ceilings, { x: "usdPerPhDay", y: "label", text: "mark", dx: 6, textAnchor: "start", fontWeight: "bold" }),
      Plot.dot(measured, { x: "usdPerPhDay", y: "label", r: 5, fill: "var(--theme-foreground-focus)" }),
      Plot.text(measured, { x: "usdPerPhDay", y: "label", text: "mark", dx: 8, textAnchor: "start", fill: "var(--theme-foreground-focus)" }),
      Plot.ruleX([0]),
      Plot.tip(rows, Plot.pointerY({ x: "usdPerPhDay", y: "label", channels: tipChannels, format: { x: false, y: false } }))
    ]
  });
  const figure = chartFigure(chart, [bound, expected], {
    title: "What relief looks like: the hashprice ceiling before and after the adjustment",
    filename: "btc-hashprice-relief",
    market: mining
  });
  figure.dataset.chart = "difficulty-relief";
  return figure;
}
