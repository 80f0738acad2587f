// Pure: raw market inputs in, dataset rows out. Percentages are in percent (5 = 5%), in
// fields whose names end in _pct.

import type { DvolCandle, FundingPoint } from "../live/deribit.ts";
import type { Observation } from "../live/fred.ts";
import type { MiningHistory } from "../live/mempool.ts";
import { annualizedBasis } from "../metrics/basis.ts";
import { dailyBars, type Candle } from "../metrics/candles.ts";
import { fundingApr } from "../metrics/funding.ts";
import { hashprice } from "../metrics/hashprice.ts";
import { pricePathStats } from "../metrics/pricePath.ts";
import { MS_PER_DAY, utcDay } from "../metrics/time.ts";
import { highestVolumeBand, volumeProfile, type VolumeBand } from "../metrics/volumeProfile.ts";

const iso = (ms: number) => new Date(ms).toISOString();

export interface PriceRow {
  time: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export function priceRows(candles: readonly Candle[]): PriceRow[] {
  return candles.map((c) => ({ time: iso(c.time), open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume }));
}

export interface BasisRow {
  date: string;
  instrument: string;
  future_close: number;
  spot_close: number;
  days_to_expiry: number;
  basis_pct: number;
}

/** Daily annualized basis: the future's daily close against the spot close of the same UTC day. */
export function basisRows(instrument: string, expiryMs: number, future: readonly Candle[], spotHourly: readonly Candle[]): BasisRow[] {
  const spotClose = new Map(dailyBars(spotHourly).map((bar) => [bar.date, bar.close]));
  const rows: BasisRow[] = [];
  for (const bar of dailyBars(future)) {
    const spot = spotClose.get(bar.date);
    const dayEnd = Date.parse(`${bar.date}T00:00:00Z`) + MS_PER_DAY;
    const daysToExpiry = (expiryMs - dayEnd) / MS_PER_DAY;
    if (spot === undefined || !(daysToExpiry > 0)) continue;
    rows.push({
      date: bar.date,
      instrument,
      future_close: bar.close,
      spot_close: spot,
      days_to_expiry: daysToExpiry,
      basis_pct: 100 * annualizedBasis(bar.close, spot, daysToExpiry),
    });
  }
  return rows;
}

export interface FundingRow {
  time: string;
  interest_1h: number;
  interest_8h: number;
  /** The 8-hour rate × 3 × 365. */
  apr_pct: number;
}

export function fundingRows(points: readonly FundingPoint[]): FundingRow[] {
  return points.map((p) => ({
    time: iso(p.time),
    interest_1h: p.interest1h,
    interest_8h: p.interest8h,
    apr_pct: 100 * fundingApr(p.interest8h, 8),
  }));
}

export interface DvolRow {
  time: string;
  open: number;
  high: number;
  low: number;
  close: number;
}

export function dvolRows(candles: readonly DvolCandle[]): DvolRow[] {
  return candles.map((c) => ({ time: iso(c.time), open: c.open, high: c.high, low: c.low, close: c.close }));
}

export interface MiningRow {
  date: string;
  hashrate_ehs: number | null;
  difficulty: number | null;
  blocks_per_day: number | null;
  reward_per_block_btc: number | null;
  price_usd: number | null;
  hashprice_usd_per_ph_day: number | null;
}

export interface DifficultyAdjustmentRow {
  time: string;
  /** The first block at the new difficulty; null where the source is a daily series. */
  height: number | null;
  difficulty: number;
  change_pct: number;
}

/**
 * One row per UTC day. Blocks per day come from the change in average block height between
 * consecutive reward points; the price is the mean of that day's hourly closes.
 */
export function miningRows(history: MiningHistory, spotHourly: readonly Candle[]): MiningRow[] {
  const hashrate = dailyMean(history.hashrates.map((p) => [p.time, p.hashrateHs]));
  const reward = dailyMean(history.rewards.map((p) => [p.time, p.rewardPerBlockBtc]));
  const price = dailyMean(spotHourly.map((c) => [c.time, c.close]));
  const blockRates: [number, number][] = [];
  history.rewards.forEach((point, i) => {
    const previous = history.rewards[i - 1];
    if (previous && point.time > previous.time) {
      blockRates.push([point.time, ((point.avgHeight - previous.avgHeight) / (point.time - previous.time)) * MS_PER_DAY]);
    }
  });
  const blocks = dailyMean(blockRates);
  const days = [...new Set([...hashrate.keys(), ...reward.keys()])].sort();
  return days.map((date) => {
    const dayEnd = Date.parse(`${date}T00:00:00Z`) + MS_PER_DAY;
    const inForce = history.adjustments.filter((a) => a.time < dayEnd).at(-1);
    const hs = hashrate.get(date) ?? null;
    const perBlock = reward.get(date) ?? null;
    const usd = price.get(date) ?? null;
    const blocksPerDay = blocks.get(date) ?? null;
    const value =
      hs !== null && perBlock !== null && usd !== null && blocksPerDay !== null
        ? hashprice({ blocksPerDay, rewardPerBlockBtc: perBlock, priceUsd: usd, hashrateHs: hs })
        : null;
    return {
      date,
      hashrate_ehs: hs === null ? null : hs / 1e18,
      difficulty: inForce?.difficulty ?? null,
      blocks_per_day: blocksPerDay,
      reward_per_block_btc: perBlock,
      price_usd: usd,
      hashprice_usd_per_ph_day: value,
    };
  });
}

export function difficultyAdjustmentRows(history: MiningHistory): DifficultyAdjustmentRow[] {
  return history.adjustments.map((a) => ({ time: iso(a.time), height: a.height, difficulty: a.difficulty, change_pct: 100 * a.change }));
}

export interface MacroRow {
  date: string;
  series: string;
  value: number;
  /** Change from the previous observation of the series, or null for its first. */
  change_pct: number | null;
}

export function macroRows(series: Record<string, readonly Observation[]>): MacroRow[] {
  return Object.entries(series).flatMap(([id, observations]) =>
    [...observations]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((o, i, sorted) => {
        const previous = sorted[i - 1];
        return { date: o.date, series: id, value: o.value, change_pct: previous ? 100 * (o.value / previous.value - 1) : null };
      }),
  );
}

export interface VolumeProfileRow {
  price_low: number;
  price_high: number;
  volume: number;
  in_band: boolean;
}

export interface VolumeProfileSummary {
  bin_usd: number;
  /** Share of the in-range volume the band must hold. */
  band_share: number;
  /** The price range the rebound covered: the trough and the highest high within 24 h after it. */
  rebound_range: { low: number; high: number } | null;
  band: VolumeBand | null;
}

export const VOLUME_BIN_USD = 250;
export const VOLUME_BAND_SHARE = 0.5;

export function volumeProfileRows(spotHourly: readonly Candle[]): { rows: VolumeProfileRow[]; summary: VolumeProfileSummary } {
  const bins = volumeProfile(spotHourly, VOLUME_BIN_USD);
  const stats = pricePathStats(spotHourly);
  const range = stats ? { low: stats.trough.price, high: stats.reboundHigh.price } : null;
  const band = range ? highestVolumeBand(bins, range.low, range.high, VOLUME_BAND_SHARE) : null;
  const rows = bins.map((bin) => ({
    ...bin,
    in_band: band !== null && bin.price_low >= band.price_low && bin.price_high <= band.price_high,
  }));
  return { rows, summary: { bin_usd: VOLUME_BIN_USD, band_share: VOLUME_BAND_SHARE, rebound_range: range, band } };
}

function dailyMean(points: readonly [number, number][]): Map<string, number> {
  const sums = new Map<string, [number, number]>();
  for (const [time, value] of points) {
    const day = utcDay(time);
    const sum = sums.get(day) ?? [0, 0];
    sum[0] += value;
    sum[1] += 1;
    sums.set(day, sum);
  }
  return new Map([...sums].map(([day, [total, count]]) => [day, total / count]));
}
