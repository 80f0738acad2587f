import * as Plot from "./plot/index.js";
import { formatClaimValue, formatInUnit } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { chartFigure } from "./chartFigure.js";
import { computedHashprice, creditMining, hashpriceAround, type AdjustmentPoint, type HashpricePoint, type MiningDataset } from "./miningSeries.js";
import { shortUtcDate } from "./reportedBound.js";

export interface HashpriceReadingOptions {
  width: number;
  /** A difficulty adjustment to mark, with the computed hashprice on the full days either side of it. */
  adjustment?: AdjustmentPoint;
}

const perPhDay = (value: number) => formatInUnit(Math.round(value * 100) / 100, "usd_per_ph_day");
const usd = (value: number) => `$${value.toFixed(2)}`;
const signedPct = (value: number) => `${value > 0 ? "+" : "−"}${Math.abs(value).toFixed(2)}%`;

/**
 * The daily hashprice computed from the mining dataset, with a reported upper bound ("expected
 * below $32") as a line across the chart: a forecast the source gives no day for, so it sits on
 * the value axis only. An adjustment, when given, is marked with the days either side of it.
 */
export function hashpriceReading(bound: CitedClaim, mining: MiningDataset, { width, adjustment }: HashpriceReadingOptions): HTMLElement {
  if (bound.high === null || bound.value !== null || bound.low !== null) throw new Error(`claim "${bound.id}" is not an upper bound`);
  const points = computedHashprice(mining);
  const { before, after } = adjustment ? hashpriceAround(points, adjustment) : {};
  const aroundPoints = [before, after].filter((point): point is HashpricePoint => point !== undefined);
  const narrow = width < 520;
  const chart = Plot.plot({
    width,
    height: narrow ? 300 : 340,
    marginLeft: 48,
    x: { type: "utc", label: null, ticks: narrow ? 4 : 8, tickFormat: "%b %-d" },
    y: { label: "↑ Hashprice (USD per PH/s per day)", grid: true, zero: true, nice: true, tickFormat: "$,.0f" },
    marks: [
      Plot.ruleY([0]),
      Plot.ruleY([bound], { y: "high", stroke: "var(--theme-red)", strokeWidth: 1.5, strokeDasharray: "6,4", title: (claim: CitedClaim) => `${formatClaimValue(claim)}: “${claim.quote}”`, className: "reported-bound" }),
      Plot.text([bound], {
        y: "high",
        frameAnchor: "left",
        text: (claim: CitedClaim) => `Reported: expected ${formatClaimValue(claim).replace("<", "below")} ↓ (${claim.attributedTo ?? claim.source.outlet}; a forecast bound, no day printed)`,
        dx: 4,
        dy: 8,
        lineAnchor: "top",
        textAnchor: "start",
        fill: "var(--theme-red)",
        fontSize: 11,
        lineWidth: narrow ? 18 : 80
      }),
      Plot.lineY(points, { x: "date", y: "usdPerPhDay", stroke: "var(--theme-foreground-focus)", strokeWidth: 1.5 }),
      Plot.dot(points, { x: "date", y: "usdPerPhDay", r: 2, fill: "var(--theme-foreground-focus)", className: "computed-hashprice" }),
      ...(adjustment
        ? [
            Plot.ruleX([adjustment], { x: "time", stroke: "currentColor", strokeDasharray: "2,3", className: "adjustment-marker" }),
            Plot.text([adjustment], {
              x: "time",
              // At the foot of the rule, where the chart is empty under the series.
              frameAnchor: "bottom",
              text: (a: AdjustmentPoint) => `difficulty ${signedPct(a.changePct)} on ${shortUtcDate(a.time.toISOString())} (computed)`,
              dx: -4,
              dy: -8,
              textAnchor: "end",
              fontSize: 10
            }),
            Plot.dot(aroundPoints, { x: "date", y: "usdPerPhDay", r: 4.5, stroke: "currentColor", strokeWidth: 1.5, fill: "var(--theme-foreground-focus)", className: "relief-point" }),
            // The day before the adjustment labelled below-left, the day after above, clear of the line
            // between them; a phone has no room beside the forecast's label, and the prose gives both values.
            Plot.text(before && !narrow ? [before] : [], { x: "date", y: "usdPerPhDay", text: (p: HashpricePoint) => usd(p.usdPerPhDay), dx: -8, dy: 10, textAnchor: "end", fontSize: 10, fontWeight: "bold" }),
            Plot.text(after && !narrow ? [after] : [], { x: "date", y: "usdPerPhDay", text: (p: HashpricePoint) => usd(p.usdPerPhDay), dy: -12, fontSize: 10, fontWeight: "bold" })
          ]
        : []),
      Plot.tip(
        points,
        Plot.pointerX({
          x: "date",
          y: "usdPerPhDay",
          channels: { day: { label: "UTC day", value: "day" }, kind: { label: "kind", value: () => "computed" } },
          format: { x: false, y: (v: number) => perPhDay(v) }
        })
      )
    ]
  });
  const key = document.createElement("p");
  key.className = "chart-key";
  key.textContent =
    "Blue line: hashprice computed for each UTC day (blocks' subsidy and fees × price ÷ hash rate). Dashed red line: the reported forecast, a ceiling the source expected hashprice to fall below." +
    (adjustment ? " Dotted line: the difficulty adjustment, with the computed hashprice on the full days either side of it." : "");
  const box = document.createElement("div");
  box.append(key, chart);
  const figure = chartFigure(box, [bound], {
    title: "Hashprice: computed day by day, beside the reported forecast",
    filename: "btc-hashprice",
    // The mining series are credited in words below, their repositories folded away.
    public: { dataset: "hashprice", sources: [], rows: points.map(({ day, usdPerPhDay }) => ({ day, usd_per_ph_day: usdPerPhDay })) }
  });
  creditMining(figure, mining);
  figure.dataset.chart = "hashprice-reading";
  return figure;
}
