// Implied against realized volatility, with price and funding, from the public extracts:
// what src/data/public-volatility.json prints.
import { fundingApr } from "../metrics/funding.ts";
import {
  dailyRealizedVolatility,
  MIN_REALIZED_RETURNS,
  realizedVolatility,
  REALIZED_WINDOW_HOURS
} from "../metrics/realizedVolatility.ts";
import { MS_PER_HOUR } from "../metrics/time.ts";
import { PUBLIC_WINDOW, windowEndMs, windowStartMs, type EventWindow } from "../window.ts";
import { publicRows, publicSource, type PublicSource } from "./load.ts";
import { publicDir } from "./store.ts";

export interface VolatilityHour {
  /** Start of the hour, ISO UTC. */
  time: string;
  /** BTC-USD hourly close (Yahoo); null for an hour the source lacks. */
  close: number | null;
  /** Deribit DVOL at the same hour, vol points; null when missing. */
  dvol: number | null;
  /** Trailing 7-day realized volatility of the hourly closes, annualized vol points. */
  realized_7d: number | null;
  /** dvol − realized_7d, vol points: positive when options price more movement than the past week showed. */
  spread: number | null;
}

export interface VolatilityDay {
  date: string;
  /** Both at the day's last hour (23:00 UTC). */
  dvol: number | null;
  realized_7d: number | null;
}

export interface FundingDay {
  date: string;
  /** Daily mean of the per-8-hour funding rates, a fraction per 8 hours. */
  funding_rate: number;
  /** funding_rate × 3 × 365, in %. */
  apr_pct: number;
}

export interface PublicVolatility {
  hourly: VolatilityHour[];
  daily: VolatilityDay[];
  funding: FundingDay[];
  sources: { price: PublicSource; dvol: PublicSource; funding: PublicSource };
  method: { realizedWindowHours: number; minReturns: number; fundingIntervalHours: number };
}

export const PRICE_SERIES = "btc-yahoo-1h";
export const DVOL_SERIES = "btc-dvol-1h";
export const FUNDING_SERIES = "btc-funding-1d";
/** The mirror's funding rates are per 8-hour funding interval: three payments a day. */
export const FUNDING_INTERVAL_HOURS = 8;

const hundredths = (value: number) => Math.round(value * 100) / 100;
const isoHour = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

function valuesByHour(id: string, column: string, dir: string): Map<string, number | null> {
  return new Map(publicRows(id, dir).map((row) => [String(row.time), row[column] as number | null]));
}

/** Every hour of the window, with each series' value where it has one and null where not. */
export function publicVolatility(dir: string = publicDir(), window: EventWindow = PUBLIC_WINDOW): PublicVolatility {
  const start = windowStartMs(window);
  const hours = Array.from({ length: (windowEndMs(window) - start) / MS_PER_HOUR }, (_, i) => isoHour(start + i * MS_PER_HOUR));
  const closes = valuesByHour(PRICE_SERIES, "close", dir);
  const dvols = valuesByHour(DVOL_SERIES, "dvol", dir);
  const realized = realizedVolatility(hours.map((time) => ({ time, close: closes.get(time) ?? null })));
  const hourly = realized.map(({ time, realized }): VolatilityHour => {
    const dvol = dvols.get(time) ?? null;
    return {
      time,
      close: closes.get(time) ?? null,
      dvol,
      realized_7d: realized === null ? null : hundredths(realized),
      spread: dvol === null || realized === null ? null : hundredths(dvol - realized)
    };
  });
  const daily = dailyRealizedVolatility(realized).map(({ date, realized }) => ({
    date,
    dvol: dvols.get(`${date}T23:00:00Z`) ?? null,
    realized_7d: realized === null ? null : hundredths(realized)
  }));
  const funding = publicRows(FUNDING_SERIES, dir).map((row) => {
    const rate = row.funding_rate as number;
    return { date: String(row.date), funding_rate: rate, apr_pct: fundingApr(rate, FUNDING_INTERVAL_HOURS) * 100 };
  });
  return {
    hourly,
    daily,
    funding,
    sources: { price: publicSource(PRICE_SERIES, dir), dvol: publicSource(DVOL_SERIES, dir), funding: publicSource(FUNDING_SERIES, dir) },
    method: { realizedWindowHours: REALIZED_WINDOW_HOURS, minReturns: MIN_REALIZED_RETURNS, fundingIntervalHours: FUNDING_INTERVAL_HOURS }
  };
}
