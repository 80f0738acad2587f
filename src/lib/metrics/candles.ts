import { utcDay } from "./time.ts";

/** One OHLCV bar; `time` is the bar's start in ms since the epoch (UTC). */
export interface Candle {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface DailyBar extends Omit<Candle, "time"> {
  date: string;
}

/** Aggregates intraday bars, sorted by time, into UTC-day bars. */
export function dailyBars(candles: readonly Candle[]): DailyBar[] {
  const bars: DailyBar[] = [];
  for (const candle of [...candles].sort((a, b) => a.time - b.time)) {
    const date = utcDay(candle.time);
    const last = bars[bars.length - 1];
    if (last && last.date === date) {
      last.high = Math.max(last.high, candle.high);
      last.low = Math.min(last.low, candle.low);
      last.close = candle.close;
      last.volume += candle.volume;
    } else {
      bars.push({ date, open: candle.open, high: candle.high, low: candle.low, close: candle.close, volume: candle.volume });
    }
  }
  return bars;
}
