// Realized volatility from hourly closes, in annualized vol points (the unit of Deribit's DVOL).
import * as aq from "arquero";
import { DAYS_PER_YEAR, MS_PER_HOUR, utcDay } from "./time.ts";

export interface HourlyClose {
  /** Start of the hour, ISO UTC. */
  time: string;
  /** Close of the hour; null when the hour is missing from the source. */
  close: number | null;
}

export interface RealizedVolatilityRow {
  time: string;
  /** Hourly log returns inside the trailing window ending at this hour. */
  returns: number;
  /** Annualized realized volatility in vol points, or null with fewer than the minimum returns. */
  realized: number | null;
}

export interface RealizedVolatilityOptions {
  windowHours: number;
  minReturns: number;
}

/** Seven days of hourly returns. */
export const REALIZED_WINDOW_HOURS = 7 * 24;
/** Six days' worth of the seven: a window with more hours missing than one day has no value. */
export const MIN_REALIZED_RETURNS = 6 * 24;
export const HOURS_PER_YEAR = 24 * DAYS_PER_YEAR;

const DEFAULT_OPTIONS: RealizedVolatilityOptions = { windowHours: REALIZED_WINDOW_HOURS, minReturns: MIN_REALIZED_RETURNS };

/** Every hour from the first close's to the last's, with the close where the source has one and null where not. */
function hourGrid(closes: readonly HourlyClose[]): { ms: number; close: number | null }[] {
  const byHour = new Map<number, number | null>();
  let previous = -Infinity;
  for (const { time, close } of closes) {
    const ms = Date.parse(time);
    if (Number.isNaN(ms) || ms % MS_PER_HOUR !== 0) throw new Error(`"${time}" is not the start of a UTC hour`);
    if (ms <= previous) throw new Error(`hourly closes must be in time order without duplicates; ${time} is out of place`);
    if (close !== null && !(close > 0)) throw new Error(`close ${close} at ${time} is not a positive price`);
    byHour.set(ms, close);
    previous = ms;
  }
  if (closes.length === 0) return [];
  const first = Date.parse(closes[0]!.time);
  return Array.from({ length: (previous - first) / MS_PER_HOUR + 1 }, (_, i) => {
    const ms = first + i * MS_PER_HOUR;
    return { ms, close: byHour.get(ms) ?? null };
  });
}

/**
 * Trailing realized volatility at every hour: the root mean square of the hourly log returns
 * in the window ending at that hour (zero mean, as realized variance is conventionally taken),
 * × √(24 × 365) to annualize, × 100 for vol points. A return needs the closes of two
 * consecutive hours; a missing hour drops the returns on either side of it and is not filled.
 */
export function realizedVolatility(closes: readonly HourlyClose[], options: RealizedVolatilityOptions = DEFAULT_OPTIONS): RealizedVolatilityRow[] {
  const { windowHours, minReturns } = options;
  if (!(Number.isInteger(windowHours) && windowHours > 0 && Number.isInteger(minReturns) && minReturns > 0 && minReturns <= windowHours)) {
    throw new Error(`need whole windowHours > 0 and 0 < minReturns ≤ windowHours; got ${windowHours} and ${minReturns}`);
  }
  const grid = hourGrid(closes);
  if (grid.length === 0) return [];
  // The grid holds one row per hour, so a frame of rows is a span of hours and op.lag is the previous hour.
  // Expressions are strings: Arquero parses them itself, so no build step can rename `op`.
  const frame: [number, number] = [-(windowHours - 1), 0];
  const table = aq
    .from(grid)
    .orderby("ms")
    .derive({ log_return: "d => d.close != null && op.lag(d.close, 1) != null ? op.log(d.close / op.lag(d.close, 1)) : null" })
    .derive({ squared: "d => d.log_return == null ? null : d.log_return * d.log_return" })
    .derive({
      returns: aq.rolling("d => op.valid(d.log_return)", frame),
      sum_squared: aq.rolling("d => op.sum(d.squared)", frame)
    });
  return table.objects().map((row) => {
    const { ms, returns, sum_squared } = row as { ms: number; returns: number; sum_squared: number };
    return {
      time: new Date(ms).toISOString().replace(".000Z", "Z"),
      returns,
      realized: returns >= minReturns ? Math.sqrt((sum_squared / returns) * HOURS_PER_YEAR) * 100 : null
    };
  });
}

/** One reading per UTC day: the trailing window that ends with the day's last hour (23:00 UTC). */
export function dailyRealizedVolatility(hourly: readonly RealizedVolatilityRow[]): { date: string; realized: number | null }[] {
  return hourly.filter((row) => new Date(row.time).getUTCHours() === 23).map((row) => ({ date: utcDay(Date.parse(row.time)), realized: row.realized }));
}
