import * as Plot from "@observablehq/plot";
import { asOfInterval } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import type { FundingRow } from "../lib/snapshot/rows.js";
import { chartFigure, type MarketDataset } from "./chartFigure.js";
import { groupSameFigure, sameFigureTipChannels, type SameFigure } from "./sameFigure.js";
import { dayTicks, paddedDayDomain } from "./utcDays.js";

export interface FundingRegimeOptions {
  width: number;
  /** Computed funding APR (dataset "funding"), drawn when it has rows. */
  market?: MarketDataset<FundingRow>;
}

/** A reported funding regime: the day it held and the side of zero it sat on. */
export interface FundingBound {
  group: SameFigure;
  dayStart: Date;
  dayEnd: Date;
  /** The bound the source printed: below `upper` and/or above `lower`, in % (same sign as an APR). */
  upper: number | null;
  lower: number | null;
}

/** Reported funding-rate figures as one-sided bounds on the day they describe. */
export function fundingBounds(claims: readonly CitedClaim[]): FundingBound[] {
  // Shaded over the span its date names (a day, or a week for a weekly report); undated figures are left out.
  const readings = claims.filter((claim) => claim.metric === "funding_rate" && asOfInterval(claim.asOf) !== null);
  return groupSameFigure(readings).map((group) => {
    const [claim] = group;
    const { from, to } = asOfInterval(claim.asOf)!;
    return {
      group,
      dayStart: from,
      dayEnd: to,
      upper: claim.high ?? claim.value,
      lower: claim.low ?? claim.value
    };
  });
}

/** "below 0%", "above 0%" or "at 0.01%": what a bound says, in words. */
export function boundLabel(bound: Pick<FundingBound, "upper" | "lower">): string {
  if (bound.upper !== null && bound.lower !== null && bound.upper === bound.lower) return `at ${bound.upper}%`;
  if (bound.upper !== null && bound.lower !== null) return `between ${bound.lower}% and ${bound.upper}%`;
  if (bound.upper !== null) return `below ${bound.upper}%`;
  if (bound.lower !== null) return `above ${bound.lower}%`;
  throw new Error("a funding bound needs a value or a side");
}

const marketTime = (row: FundingRow) => new Date(row.time);

/**
 * The perpetual funding regime as reported: a shaded day on the side of zero the source
 * gave (no rate was printed), with computed funding APR over it when captured.
 */
export function fundingRegime(claims: readonly CitedClaim[], { width, market }: FundingRegimeOptions): HTMLElement {
  const bounds = fundingBounds(claims);
  const rows = market?.rows ?? [];
  const narrow = width < 480;
  const xDomain = paddedDayDomain([...bounds.flatMap((b) => [b.dayStart, b.dayEnd]), ...rows.map(marketTime)], 2);
  const extent = rows.length > 0 ? Math.max(...rows.map((row) => Math.abs(row.apr_pct))) : 1;
  const yDomain: [number, number] = [-extent, extent];
  const chart = Plot.plot({
    width,
    height: 260,
    marginLeft: 44,
    marginRight: 28,
    x: {
      type: "utc",
      domain: xDomain,
      ticks: dayTicks(xDomain, narrow ? 4 : 8),
      tickFormat: "%b %-d",
      label: "Date (UTC)"
    },
    y: {
      domain: yDomain,
      nice: rows.length > 0,
      grid: rows.length > 0,
      ticks: rows.length > 0 ? 6 : [0],
      tickFormat: (v: number) => `${v}%`,
      label: rows.length > 0 ? "Perpetual funding, APR (%)" : "Perpetual funding (sign only)"
    },
    marks: [
      Plot.rect(bounds, {
        x1: "dayStart",
        x2: "dayEnd",
        y1: (b: FundingBound) => b.upper ?? yDomain[1],
        y2: (b: FundingBound) => b.lower ?? yDomain[0],
        fill: "var(--theme-foreground-focus)",
        fillOpacity: 0.25,
        className: "funding-bound"
      }),
      Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.6 }),
      Plot.text(["above 0: longs pay shorts"], { frameAnchor: "top-left", dx: 4, dy: 4, lineWidth: narrow ? 7 : 20, fill: "var(--theme-foreground-muted)" }),
      Plot.text(["below 0: shorts pay longs"], { frameAnchor: "bottom-left", dx: 4, dy: -4, lineWidth: narrow ? 7 : 20, fill: "var(--theme-foreground-muted)" }),
      ...(rows.length > 0
        ? [
            Plot.line(rows, { x: marketTime, y: "apr_pct", stroke: "var(--theme-foreground-muted)" }),
            Plot.tip(rows, Plot.pointerX({ x: marketTime, y: "apr_pct", channels: { "8-hour rate": "interest_8h" }, format: { y: ".1f" } }))
          ]
        : []),
      Plot.text(bounds, {
        x: (b: FundingBound) => new Date((b.dayStart.getTime() + b.dayEnd.getTime()) / 2),
        y: (b: FundingBound) => (b.upper !== null && b.lower === null ? yDomain[0] / 2 : yDomain[1] / 2),
        text: (b: FundingBound) => `reported ${boundLabel(b)}`,
        lineWidth: 7,
        className: "funding-label"
      }),
      Plot.tip(
        bounds,
        Plot.pointerX({
          x: (b: FundingBound) => new Date((b.dayStart.getTime() + b.dayEnd.getTime()) / 2),
          y: (b: FundingBound) => (b.upper !== null && b.lower === null ? yDomain[0] / 2 : yDomain[1] / 2),
          channels: {
            figure: (b: FundingBound) => sameFigureTipChannels.figure(b.group),
            date: (b: FundingBound) => sameFigureTipChannels.date(b.group),
            source: (b: FundingBound) => sameFigureTipChannels.source(b.group)
          },
          format: { x: false, y: false }
        })
      )
    ]
  });
  return chartFigure(chart, bounds.flatMap((b) => b.group), {
    title: "BTC perpetual funding regime",
    filename: "btc-funding-regime",
    market: rows.length > 0 ? market : undefined
  });
}
