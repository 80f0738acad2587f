// Extremes of an hourly price series over a window, for statements such as "the series never
// reaches $82K again". Browser-safe: the Overview imports it.

export interface PriceBar {
  /** ISO date-time of the bar's start, UTC. */
  time: string;
  high: number;
  low: number;
  close: number;
}

export interface PriceAt {
  time: string;
  price: number;
}

/** Bars starting at or after `from` and before `to` (ISO date-times or dates, UTC). */
function within<Bar extends PriceBar>(bars: readonly Bar[], from: string, to?: string): Bar[] {
  const start = Date.parse(from);
  const end = to === undefined ? Number.POSITIVE_INFINITY : Date.parse(to);
  return bars.filter((bar) => {
    const time = Date.parse(bar.time);
    return time >= start && time < end;
  });
}

/** The highest high in the window and the bar it came in; null for an empty window. */
export function highestHigh(bars: readonly PriceBar[], from: string, to?: string): PriceAt | null {
  let best: PriceAt | null = null;
  for (const bar of within(bars, from, to)) if (best === null || bar.high > best.price) best = { time: bar.time, price: bar.high };
  return best;
}

/** The lowest low in the window and the bar it came in; null for an empty window. */
export function lowestLow(bars: readonly PriceBar[], from: string, to?: string): PriceAt | null {
  let best: PriceAt | null = null;
  for (const bar of within(bars, from, to)) if (best === null || bar.low < best.price) best = { time: bar.time, price: bar.low };
  return best;
}

/** The latest bar in the window that closed at or above `level`; null if none did. */
export function lastCloseAtOrAbove(bars: readonly PriceBar[], level: number, from: string, to?: string): PriceAt | null {
  let last: PriceBar | null = null;
  for (const bar of within(bars, from, to)) if (bar.close >= level && (last === null || Date.parse(bar.time) > Date.parse(last.time))) last = bar;
  return last ? { time: last.time, price: last.close } : null;
}
