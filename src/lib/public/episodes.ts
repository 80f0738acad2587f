// The sell-offs the articles compare February 2026 with, measured from the public extracts:
// each episode's low day, the high before it, the fall, the rebound, and DVOL and funding at
// the low. What src/data/public-episodes.json.ts emits.
import type { Candle, DailyBar } from "../metrics/candles.ts";
import { addUtcDays, MS_PER_DAY, utcDay } from "../metrics/time.ts";
import { CROSS_ASSETS } from "./crossAssetRows.ts";
import { hourlyCandles } from "./datasets.ts";
import { publicRows, publicSource, type PublicSource } from "./load.ts";
import { publicDir } from "./store.ts";
import { PRICE_SERIES, publicVolatility, type FundingDay } from "./volatility.ts";

/** How an episode's low day is picked among the days of its month. */
export type LowDayRule = "largest-close-fall" | "lowest-low";

export const LOW_DAY_RULES: Record<LowDayRule, string> = {
  "largest-close-fall": "the day of the month's largest close-to-close fall",
  "lowest-low": "the day of the month's lowest price",
};

export interface EpisodeSpec {
  id: string;
  name: string;
  /** The month searched for the low day, YYYY-MM. */
  month: string;
  rule: LowDayRule;
  /** The day the articles print for the episode; null when they print only the month. */
  printedDay: string | null;
}

/** October: the articles print only the month of the crash. November and February: the rule must land on the printed day. */
export const EPISODES: readonly EpisodeSpec[] = [
  { id: "oct-2025", name: "October 2025 crash", month: "2025-10", rule: "largest-close-fall", printedDay: null },
  { id: "nov-2025", name: "November 2025 low", month: "2025-11", rule: "lowest-low", printedDay: "2025-11-21" },
  { id: "feb-2026", name: "February 2026 low", month: "2026-02", rule: "lowest-low", printedDay: "2026-02-06" },
];

/** The prior high is the highest daily high in this many days before the low day. */
export const LOOKBACK_DAYS = 45;
/** Rebounds: the close this many days after the low day against the low (0 = the low day's own close). */
export const REBOUND_DAYS = [0, 1, 7] as const;
/** The price paths run this many days either side of the low day. */
export const PATH_DAYS = 10;

export interface Rebound {
  afterDays: number;
  date: string;
  /** Null when the extract has no close that day. */
  close: number | null;
  /** (close / low − 1) × 100. */
  pct: number | null;
}

export interface EpisodeMeasure {
  id: string;
  name: string;
  day: string;
  /** The rule that picked `day`, in words. */
  dayRule: string;
  printedDay: string | null;
  priorHigh: { date: string; high: number };
  /** First day the prior high was searched from: the lookback's start, or the extract's first day when that is later. */
  lookbackFrom: string;
  /** True when the extract starts inside the lookback, so the search covers fewer days. */
  lookbackCut: boolean;
  low: number;
  /** (low / prior high − 1) × 100. */
  drawdownPct: number;
  rebounds: Rebound[];
  /** DVOL in the hour whose hourly candle holds the low day's lowest price; null when either series lacks it. */
  dvolAtLow: { time: string; dvol: number } | null;
  /** Daily mean 8-hour funding rate × 3 × 365, in %, on the low day. */
  fundingAprPct: number | null;
}

/** One day of an episode's price path, aligned on its low day. */
export interface EpisodePathRow {
  episode: string;
  /** Days from the low day. */
  offset: number;
  date: string;
  close: number;
  low: number;
  high: number;
  /** (close / prior high − 1) × 100. */
  closePct: number;
  lowPct: number;
}

export interface EpisodeInputs {
  /** Daily candles, one per UTC day, in date order. */
  daily: readonly DailyBar[];
  /** Hourly candles: they place the low within its day. */
  hourly: readonly Candle[];
  /** DVOL by hour start, ISO UTC. */
  dvol: readonly { time: string; dvol: number | null }[];
  funding: readonly FundingDay[];
}

const pct = (value: number, base: number) => (value / base - 1) * 100;

function monthDays(daily: readonly DailyBar[], month: string): DailyBar[] {
  const days = daily.filter((bar) => bar.date.startsWith(`${month}-`));
  if (days.length === 0) throw new Error(`the daily series has no day in ${month}`);
  return days;
}

/** The low day of a month by the rule; the earliest day wins a tie. */
export function lowDay(daily: readonly DailyBar[], month: string, rule: LowDayRule): DailyBar {
  const days = monthDays(daily, month);
  if (rule === "lowest-low") return days.reduce((best, bar) => (bar.low < best.low ? bar : best));
  const byDate = new Map(daily.map((bar) => [bar.date, bar]));
  const falls = days.flatMap((bar) => {
    const previous = byDate.get(addUtcDays(bar.date, -1));
    return previous ? [{ bar, change: pct(bar.close, previous.close) }] : [];
  });
  if (falls.length === 0) throw new Error(`no close-to-close change in ${month}: the daily series lacks the days before`);
  return falls.reduce((best, fall) => (fall.change < best.change ? fall : best)).bar;
}

/** Highest daily high in the `lookbackDays` days before `day`, searched from the extract's first day at the earliest. */
export function priorHigh(daily: readonly DailyBar[], day: string, lookbackDays: number = LOOKBACK_DAYS) {
  const lookbackStart = addUtcDays(day, -lookbackDays);
  const first = daily[0]?.date;
  if (first === undefined) throw new Error("the daily series is empty");
  const window = daily.filter((bar) => bar.date >= lookbackStart && bar.date < day);
  if (window.length === 0) throw new Error(`no daily candle in the ${lookbackDays} days before ${day}`);
  const best = window.reduce((top, bar) => (bar.high > top.high ? bar : top));
  return { date: best.date, high: best.high, lookbackFrom: first > lookbackStart ? first : lookbackStart, lookbackCut: first > lookbackStart };
}

/** The hour of `day` whose candle has the lowest low, ISO UTC; null when the hourly series has no candle that day. */
export function hourOfLow(hourly: readonly Candle[], day: string): string | null {
  const hours = hourly.filter((candle) => utcDay(candle.time) === day);
  if (hours.length === 0) return null;
  const lowest = hours.reduce((best, candle) => (candle.low < best.low ? candle : best));
  return new Date(lowest.time).toISOString().replace(".000Z", "Z");
}

export function measureEpisode(spec: EpisodeSpec, inputs: EpisodeInputs, lookbackDays: number = LOOKBACK_DAYS): EpisodeMeasure {
  const bar = lowDay(inputs.daily, spec.month, spec.rule);
  const high = priorHigh(inputs.daily, bar.date, lookbackDays);
  const closes = new Map(inputs.daily.map((candle) => [candle.date, candle.close]));
  const rebounds = REBOUND_DAYS.map((afterDays) => {
    const date = addUtcDays(bar.date, afterDays);
    const close = closes.get(date) ?? null;
    return { afterDays, date, close, pct: close === null ? null : pct(close, bar.low) };
  });
  const lowHour = hourOfLow(inputs.hourly, bar.date);
  const dvol = lowHour === null ? null : (inputs.dvol.find((reading) => reading.time === lowHour)?.dvol ?? null);
  return {
    id: spec.id,
    name: spec.name,
    day: bar.date,
    dayRule: LOW_DAY_RULES[spec.rule],
    printedDay: spec.printedDay,
    priorHigh: { date: high.date, high: high.high },
    lookbackFrom: high.lookbackFrom,
    lookbackCut: high.lookbackCut,
    low: bar.low,
    drawdownPct: pct(bar.low, high.high),
    rebounds,
    dvolAtLow: lowHour === null || dvol === null ? null : { time: lowHour, dvol },
    fundingAprPct: inputs.funding.find((day) => day.date === bar.date)?.apr_pct ?? null,
  };
}

/** The daily candles from `pathDays` before to `pathDays` after the low day, against the prior high; days the extract lacks are left out. */
export function episodePath(daily: readonly DailyBar[], episode: EpisodeMeasure, pathDays: number = PATH_DAYS): EpisodePathRow[] {
  const from = addUtcDays(episode.day, -pathDays);
  const to = addUtcDays(episode.day, pathDays);
  const base = episode.priorHigh.high;
  return daily
    .filter((bar) => bar.date >= from && bar.date <= to)
    .map((bar) => ({
      episode: episode.id,
      offset: Math.round((Date.parse(bar.date) - Date.parse(episode.day)) / MS_PER_DAY),
      date: bar.date,
      close: bar.close,
      low: bar.low,
      high: bar.high,
      closePct: pct(bar.close, base),
      lowPct: pct(bar.low, base),
    }));
}

export interface EpisodesDataset {
  episodes: EpisodeMeasure[];
  paths: EpisodePathRow[];
  rules: { lookbackDays: number; reboundDays: readonly number[]; pathDays: number };
  sources: { daily: PublicSource; hourly: PublicSource; dvol: PublicSource; funding: PublicSource };
}

/** The daily BTC candles the site's cross-asset charts draw. */
const DAILY_PRICE_SERIES = CROSS_ASSETS.find((asset) => asset.asset === "BTC")!.series;

export function dailyBarsFromExtract(id: string, dir: string): DailyBar[] {
  return publicRows(id, dir).map((row) => ({
    date: row.date as string,
    open: row.open as number,
    high: row.high as number,
    low: row.low as number,
    close: row.close as number,
    volume: row.volume as number,
  }));
}

export function episodesDataset(dir: string = publicDir(), specs: readonly EpisodeSpec[] = EPISODES): EpisodesDataset {
  const daily = dailyBarsFromExtract(DAILY_PRICE_SERIES, dir);
  const volatility = publicVolatility(dir);
  const inputs: EpisodeInputs = { daily, hourly: hourlyCandles(publicRows(PRICE_SERIES, dir)), dvol: volatility.hourly, funding: volatility.funding };
  const episodes = specs.map((spec) => measureEpisode(spec, inputs));
  return {
    episodes,
    paths: episodes.flatMap((episode) => episodePath(daily, episode)),
    rules: { lookbackDays: LOOKBACK_DAYS, reboundDays: REBOUND_DAYS, pathDays: PATH_DAYS },
    sources: { daily: publicSource(DAILY_PRICE_SERIES, dir), hourly: volatility.sources.price, dvol: volatility.sources.dvol, funding: volatility.sources.funding },
  };
}
