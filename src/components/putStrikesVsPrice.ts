import * as Plot from "./plot/index.js";
import { formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { MS_PER_DAY, shortUtcDay } from "../lib/metrics/time.js";
import type { PublicVolatility, VolatilityHour } from "../lib/public/volatility.js";
import { chartFigure, claimTipChannels } from "./chartFigure.js";
import { utcDayStart } from "./utcDays.js";

export interface PutStrikesVsPriceOptions {
  width: number;
  /** First and last UTC day shown, YYYY-MM-DD. */
  from: string;
  to: string;
  /** The lowest hourly close is marked from the start of this UTC day to the start of the expiry day. */
  lowestFrom: string;
}

/** A reported strike level or band and the options expiry it belongs to. */
export interface StrikeMark {
  claim: CitedClaim;
  low: number;
  high: number;
  expiryStart: Date;
  expiryEnd: Date;
}

/** Strike figures with an expiry: a range ("$50,000 to $60,000") as a band, a value as a line. */
export function strikeMarks(claims: readonly CitedClaim[]): StrikeMark[] {
  return claims.flatMap((claim) => {
    const low = claim.value ?? claim.low;
    const high = claim.value ?? claim.high;
    if (!claim.expiry || low === null || high === null) return [];
    const expiryStart = utcDayStart(claim.expiry);
    return [{ claim, low, high, expiryStart, expiryEnd: new Date(expiryStart.getTime() + MS_PER_DAY) }];
  });
}

/** The hour with the lowest close in [from, to), or null when no hour there has one. */
export function lowestClose(hourly: readonly VolatilityHour[], from: Date, to: Date): VolatilityHour | null {
  let lowest: VolatilityHour | null = null;
  for (const row of hourly) {
    const time = new Date(row.time);
    if (row.close === null || time < from || time >= to) continue;
    if (lowest === null || row.close < (lowest.close ?? Infinity)) lowest = row;
  }
  return lowest;
}

const usd = (value: number) => `$${Math.round(value).toLocaleString("en-US")}`;
const hourTime = (row: VolatilityHour) => new Date(row.time);

/**
 * Where the reported put open interest sat against the price: the strike band and the largest
 * strike drawn up to their expiry day, over the hourly BTC-USD close, with the lowest close
 * between `lowestFrom` and the expiry marked as computed.
 */
export function putStrikesVsPrice(volatility: PublicVolatility, strikes: readonly CitedClaim[], options: PutStrikesVsPriceOptions): HTMLElement {
  const { width } = options;
  const domain: [Date, Date] = [utcDayStart(options.from), new Date(utcDayStart(options.to).getTime() + MS_PER_DAY)];
  const hourly = volatility.hourly.filter((row) => hourTime(row) >= domain[0] && hourTime(row) < domain[1]);
  const marks = strikeMarks(strikes);
  const bands = marks.filter((d) => d.low < d.high);
  const levels = marks.filter((d) => d.low === d.high);
  const expiries = [...new Map(marks.map((d) => [d.expiryStart.getTime(), d])).values()];
  const firstExpiry = expiries.map((d) => d.expiryStart).sort((a, b) => a.getTime() - b.getTime())[0] ?? domain[1];
  const lowest = lowestClose(hourly, utcDayStart(options.lowestFrom), firstExpiry);
  const narrow = width < 600;
  const closes = hourly.flatMap((row) => (row.close === null ? [] : [row.close]));
  const yLow = Math.min(...marks.map((d) => d.low), ...closes);
  const yHigh = Math.max(...marks.map((d) => d.high), ...closes);
  const chart = Plot.plot({
    width,
    height: narrow ? 300 : 360,
    marginLeft: 64,
    marginRight: narrow ? 12 : 24,
    marginTop: 20,
    x: { type: "utc", domain, label: null, ticks: narrow ? 4 : 8 },
    y: { domain: [yLow * 0.92, yHigh * 1.03], grid: true, tickFormat: "$,.0f", label: "BTC-USD, hourly close" },
    marks: [
      Plot.rect(bands, {
        x1: domain[0],
        x2: "expiryEnd",
        y1: "low",
        y2: "high",
        fill: "#ff725c",
        fillOpacity: 0.14,
        className: "put-strike-band"
      }),
      Plot.text(bands, {
        x: domain[0],
        y: "high",
        text: (d: StrikeMark) => `${narrow ? "puts at" : "puts concentrated at strikes"} ${formatClaimValue(d.claim)}`,
        textAnchor: "start",
        dx: 6,
        dy: 10,
        fill: "currentColor"
      }),
      Plot.ruleY(levels, { y: "low", x1: domain[0], x2: "expiryEnd", stroke: "#ff725c", strokeWidth: 2, strokeDasharray: "5,3", className: "put-strike-level" }),
      Plot.text(levels, {
        x: domain[0],
        y: "low",
        text: (d: StrikeMark) => `largest concentration: ${formatClaimValue(d.claim)} strike`,
        textAnchor: "start",
        dx: 6,
        dy: -8,
        fill: "currentColor"
      }),
      Plot.rectX(expiries, { x1: "expiryStart", x2: "expiryEnd", fill: "currentColor", fillOpacity: 0.12, className: "put-expiry" }),
      Plot.text(expiries, {
        x: "expiryStart",
        frameAnchor: "top",
        text: (d: StrikeMark) => `${shortUtcDay(d.expiryStart)} expiry${narrow ? "" : " (hour not printed)"}`,
        textAnchor: "end",
        dx: -4,
        dy: 2,
        fill: "var(--theme-foreground-muted)"
      }),
      Plot.lineY(hourly, { x: hourTime, y: "close", stroke: "currentColor", strokeWidth: 1.2, className: "price-line" }),
      ...(lowest
        ? [
            Plot.dot([lowest], { x: hourTime, y: "close", r: 4, fill: "currentColor", className: "lowest-close" }),
            Plot.text([lowest], {
              x: hourTime,
              y: "close",
              text: (row: VolatilityHour) =>
                `${narrow ? "lowest close" : `lowest close ${shortUtcDay(new Date(options.lowestFrom))}–${shortUtcDay(new Date(firstExpiry.getTime() - MS_PER_DAY))}:`} ${usd(row.close ?? 0)} (computed)`,
              textAnchor: "end",
              dx: -6,
              dy: narrow ? -12 : 14,
              fill: "currentColor",
              stroke: "var(--theme-background)",
              paintOrder: "stroke"
            })
          ]
        : []),
      Plot.tip(hourly, Plot.pointerX({ x: hourTime, y: "close", format: { y: (v: number) => usd(v) } })),
      Plot.tip(
        marks,
        Plot.pointer({
          x: (d: StrikeMark) => new Date((domain[0].getTime() + d.expiryStart.getTime()) / 2),
          y: (d: StrikeMark) => (d.low + d.high) / 2,
          channels: {
            figure: (d: StrikeMark) => claimTipChannels.figure(d.claim),
            expiry: (d: StrikeMark) => d.claim.expiry ?? "",
            source: (d: StrikeMark) => claimTipChannels.source(d.claim)
          },
          format: { x: false, y: false }
        })
      )
    ]
  });
  const figure = chartFigure(chart, marks.map((d) => d.claim), {
    title: "Where the put open interest sat: reported strikes against the BTC price",
    filename: "btc-put-strikes-vs-price",
    public: [{ dataset: "hourly", rows: hourly.map(({ time, close }) => ({ time, close })), sources: [volatility.sources.price] }]
  });
  figure.dataset.chart = "put-strikes";
  return figure;
}
