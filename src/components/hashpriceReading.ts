import * as Plot from "@observablehq/plot";
import { formatClaimValue, formatInUnit } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { chartFigure, claimTipChannels, marketAttribution } from "./chartFigure.js";
import { addDays, computedHashprice, utcDayStart, type MiningDataset } from "./miningSeries.js";

export interface HashpriceReadingOptions {
  width: number;
}

/** Days of axis either side of the reported day, so a lone bound is drawn in context. */
const CONTEXT_DAYS = 3;

/**
 * The x extent: the bound's day with context, widened to the computed series when there is one.
 * A bound the source gives no date for spans the computed series only.
 */
export function hashpriceDomain(bound: CitedClaim, mining: MiningDataset): [Date, Date] {
  const around = bound.asOf === null ? [] : [addDays(utcDayStart(bound.asOf), -CONTEXT_DAYS), addDays(utcDayStart(bound.asOf), 1 + CONTEXT_DAYS)];
  const dates = [...around, ...computedHashprice(mining).map((point) => point.date)];
  if (dates.length === 0) throw new Error(`claim "${bound.id}" has no date and there is no computed series to draw it against`);
  const times = dates.map((date) => date.getTime());
  return [new Date(Math.min(...times)), new Date(Math.max(...times))];
}

/**
 * A reported one-sided hashprice bound ("below $32"), drawn as a line at the bound with the
 * region under it shaded, over the daily hashprice computed from the mining snapshot when captured.
 */
export function hashpriceReading(bound: CitedClaim, mining: MiningDataset, { width }: HashpriceReadingOptions): HTMLElement {
  if (bound.high === null) throw new Error(`claim "${bound.id}" is not an upper bound`);
  const domain = hashpriceDomain(bound, mining);
  // Dated: the bound covers its day. Undated: a level across the chart, never pinned to a day.
  const dayStart = (claim: CitedClaim) => (claim.asOf === null ? domain[0] : utcDayStart(claim.asOf));
  const dayEnd = (claim: CitedClaim) => (claim.asOf === null ? domain[1] : addDays(dayStart(claim), 1));
  const midday = (claim: CitedClaim) => new Date((dayStart(claim).getTime() + dayEnd(claim).getTime()) / 2);
  const points = computedHashprice(mining);
  const narrow = width < 520;
  const chart = Plot.plot({
    width,
    height: narrow ? 280 : 320,
    marginLeft: 48,
    marginTop: 30,
    x: { type: "utc", domain, label: "Date (UTC)", ticks: narrow ? 4 : 8, tickFormat: "%b %-d" },
    y: { label: "↑ Hashprice (USD per PH/s per day)", grid: true, zero: true, nice: true, tickFormat: "$,.0f" },
    marks: [
      Plot.rectY([bound], { x1: dayStart, x2: dayEnd, y1: 0, y2: "high", fill: "currentColor", fillOpacity: 0.12, className: "reported-bound-region" }),
      Plot.ruleY([bound], { x1: dayStart, x2: dayEnd, y: "high", stroke: "currentColor", strokeWidth: 2.5, className: "reported-bound" }),
      Plot.text([bound], { x: midday, y: "high", text: (claim: CitedClaim) => `${formatClaimValue(claim)} expected${claim.asOf === null ? " (date not printed)" : ""}`, dy: -10, lineAnchor: "bottom", fontWeight: "bold" }),
      Plot.text([bound], { x: midday, y: "high", text: () => "↓", dy: 16, fontSize: 20 }),
      Plot.ruleY([0]),
      ...(points.length > 0
        ? [
            Plot.lineY(points, { x: "date", y: "usdPerPhDay", stroke: "var(--theme-foreground-focus)", strokeWidth: 1.5 }),
            Plot.dot(points, { x: "date", y: "usdPerPhDay", r: 2.5, fill: "var(--theme-foreground-focus)", className: "computed-hashprice" }),
            Plot.tip(
              points,
              Plot.pointerX({
                x: "date",
                y: "usdPerPhDay",
                channels: { day: { label: "UTC day", value: "day" }, source: { label: "computed from", value: () => marketAttribution(mining) } },
                format: { x: false, y: (v: number) => formatInUnit(Math.round(v * 100) / 100, "usd_per_ph_day") }
              })
            )
          ]
        : []),
      Plot.tip(
        [bound],
        Plot.pointer({
          x: midday,
          y: "high",
          channels: { ...claimTipChannels, reading: { label: "reading", value: () => "upper bound: the value is below the line" } },
          format: { x: false, y: false }
        })
      )
    ]
  });
  const figure = chartFigure(chart, [bound], {
    title: "Hashprice: the reported ceiling" + (points.length > 0 ? " and the computed daily value" : ""),
    filename: "btc-hashprice",
    market: mining
  });
  figure.dataset.chart = "hashprice-reading";
  return figure;
}
