import type { Candle } from "./candles.ts";
import { MS_PER_HOUR } from "./time.ts";

export interface PricePoint {
  time: string;
  price: number;
}

export interface PricePathStats {
  /** Highest high before the trough of the largest drawdown. */
  peak: PricePoint;
  /** Lowest low of the largest peak-to-trough fall. */
  trough: PricePoint;
  /** (trough / peak - 1), a negative fraction. */
  maxDrawdown: number;
  /** Highest high within `reboundHours` after the trough. */
  reboundHigh: PricePoint;
  /** (rebound high / trough - 1), a fraction. */
  rebound: number;
  reboundHours: number;
}

/** Largest peak-to-trough fall over intraday bars, and the rebound that followed the trough. */
export function pricePathStats(candles: readonly Candle[], reboundHours = 24): PricePathStats | null {
  const sorted = [...candles].sort((a, b) => a.time - b.time);
  const first = sorted[0];
  if (!first) return null;
  let runningPeak = first;
  let best = { peak: first, trough: first, drawdown: 0 };
  for (const bar of sorted) {
    if (bar.high > runningPeak.high) runningPeak = bar;
    const drawdown = bar.low / runningPeak.high - 1;
    if (drawdown < best.drawdown) best = { peak: runningPeak, trough: bar, drawdown };
  }
  const until = best.trough.time + reboundHours * MS_PER_HOUR;
  let reboundBar = best.trough;
  for (const bar of sorted) {
    if (bar.time >= best.trough.time && bar.time < until && bar.high > reboundBar.high) reboundBar = bar;
  }
  return {
    peak: point(best.peak.time, best.peak.high),
    trough: point(best.trough.time, best.trough.low),
    maxDrawdown: best.drawdown,
    reboundHigh: point(reboundBar.time, reboundBar.high),
    rebound: reboundBar.high / best.trough.low - 1,
    reboundHours,
  };
}

function point(time: number, price: number): PricePoint {
  return { time: new Date(time).toISOString(), price };
}
