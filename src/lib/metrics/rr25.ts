// 25-delta risk reversal per UTC day at constant maturities, from individual option trades.
//
// Method, per UTC day:
//  1. Each trade's forward is its index price × (1 + premium), the premium F / S - 1 of its
//     expiry read off that day's futures (see forwardPremium). Deribit quotes an option's IV
//     against its expiry's forward, so the delta must use that forward, not the index.
//  2. Each trade gets a Black-76 call-equivalent delta from its own IV, that forward and the
//     time to its expiry (08:00 UTC). A put's call-equivalent delta is its delta + 1, so a
//     -25 delta put sits at 0.75 and a +25 delta call at 0.25 on one axis.
//  3. Per expiry, the IV at 0.25 and at 0.75 is a local, amount-weighted quadratic fit of IV
//     against delta over the trades within ±deltaBand of the target: a straight line misses
//     the smile's curvature by tenths of a vol point. Each delta comes from the trade's own
//     IV, so the fitted IV at delta 0.25 is the IV at the strike whose delta, at that IV, is
//     0.25: the fixed point needs no iteration. Trades are needed on both sides of the
//     target, so the value is interpolated, never extrapolated. Where the deltas are too few
//     or too bunched for a steady quadratic, a straight line (see fitAtTarget).
//  4. Across expiries, each side is interpolated linearly in total variance (IV² × T) between
//     the two expiries that bracket the constant maturity; no row if none bracket it.
//  5. RR25 = IV(25Δ call) - IV(25Δ put), in vol points (Deribit IVs are in percent).
// Trades are consumed as a stream: memory grows with days × expiries, not with trades.

import { black76D1, normCdf } from "./black76.ts";
import { parseOptionInstrument, yearsBetween, type OptionInstrument } from "./instruments.ts";
import { DAYS_PER_YEAR, MS_PER_DAY, utcDay } from "./time.ts";

export interface OptionTrade {
  timestamp: number;
  instrumentName: string;
  /** Implied volatility in percent, as Deribit reports it. */
  iv: number;
  indexPrice: number;
  amount: number;
}

/** One future's annualized basis on one UTC day, e.g. a row of the basis dataset. */
export interface FutureBasis {
  /** UTC day, YYYY-MM-DD. */
  date: string;
  expiryMs: number;
  /** (F / S - 1) × 365 / days to expiry, as a fraction (0.05 = 5% a year). */
  annualized: number;
}

export type DayFuture = Pick<FutureBasis, "expiryMs" | "annualized">;

export interface Rr25Row {
  date: string;
  tenor_days: number;
  rr25: number;
  call_iv25: number;
  put_iv25: number;
  /** Expiries the constant maturity was interpolated between (one if it matched exactly). */
  expiries: string[];
}

export interface Rr25Options {
  tenorsDays?: readonly number[];
  /** Half-width of the delta band around each target used for the local fit. */
  deltaBand?: number;
  /** Trades closer to expiry than this are left out (their deltas are unstable). */
  minDaysToExpiry?: number;
}

const CALL_TARGET = 0.25;
const PUT_TARGET = 0.75;

// Layout of one (day, expiry) accumulator. Each side holds the weighted sums of a quadratic
// fit in u = (delta - target) / band: Σw·u^0..4, Σw·y·u^0..2, and trade counts below and
// above the target.
const SIDE_SIZE = 10;
const CALL = 0;
const PUT = SIDE_SIZE;
const TENOR_WEIGHT = 2 * SIDE_SIZE;
const TENOR_SUM = TENOR_WEIGHT + 1;
const GROUP_SIZE = TENOR_SUM + 1;

// The quadratic is read only while, for the same noise in the IVs, the variance of its value
// at the target is at most this many times that of the trades' mean IV: deltas bunched at the
// band's edges would otherwise let a few noisy trades swing it by several vol points.
const MAX_VARIANCE_RATIO = 10;
// Below this normalized determinant the trades sit at one delta: no line can be fitted.
const DEGENERATE = 1e-9;

interface Group {
  day: string;
  expiryMs: number;
  sums: Float64Array;
}

export class Rr25Accumulator {
  private readonly groups = new Map<number, Group>();
  private readonly instruments = new Map<string, OptionInstrument | null>();
  /** Futures by UTC day number, nearest expiry first. */
  private readonly futuresByDay = new Map<number, DayFuture[]>();
  private readonly deltaBand: number;
  private readonly minYears: number;
  private readonly tenorsDays: readonly number[];

  /** `futures`: each future's basis on each day; trades on a day without a live future are left out. */
  constructor(futures: readonly FutureBasis[], options: Rr25Options = {}) {
    this.tenorsDays = options.tenorsDays ?? [7, 30];
    this.deltaBand = options.deltaBand ?? 0.1;
    this.minYears = (options.minDaysToExpiry ?? 1) / DAYS_PER_YEAR;
    for (const future of futures) {
      const dayIndex = Date.parse(`${future.date}T00:00:00Z`) / MS_PER_DAY;
      const list = this.futuresByDay.get(dayIndex) ?? [];
      list.push({ expiryMs: future.expiryMs, annualized: future.annualized });
      this.futuresByDay.set(dayIndex, list.sort((a, b) => a.expiryMs - b.expiryMs));
    }
  }

  add(trade: OptionTrade): void {
    let instrument = this.instruments.get(trade.instrumentName);
    if (instrument === undefined) {
      instrument = parseOptionInstrument(trade.instrumentName);
      this.instruments.set(trade.instrumentName, instrument);
    }
    if (instrument === null || !(trade.iv > 0) || !(trade.indexPrice > 0)) return;
    const years = yearsBetween(trade.timestamp, instrument.expiryMs);
    if (years < this.minYears) return;
    const dayIndex = Math.floor(trade.timestamp / MS_PER_DAY);
    const futures = this.futuresByDay.get(dayIndex);
    const premium = futures === undefined ? null : forwardPremium(futures, trade.timestamp, years);
    if (premium === null || !(premium > -1)) return;
    const forward = trade.indexPrice * (1 + premium);

    const callDelta = normCdf(black76D1(forward, instrument.strike, trade.iv / 100, years));
    const weight = trade.amount > 0 ? trade.amount : 1;
    const key = dayIndex * 100_000 + Math.floor(instrument.expiryMs / MS_PER_DAY);
    let group = this.groups.get(key);
    if (group === undefined) {
      group = { day: utcDay(trade.timestamp), expiryMs: instrument.expiryMs, sums: new Float64Array(GROUP_SIZE) };
      this.groups.set(key, group);
    }
    const sums = group.sums;
    sums[TENOR_WEIGHT]! += weight;
    sums[TENOR_SUM]! += weight * years;
    const callOffset = callDelta - CALL_TARGET;
    if (Math.abs(callOffset) <= this.deltaBand) addPoint(sums, CALL, callOffset / this.deltaBand, trade.iv, weight);
    const putOffset = callDelta - PUT_TARGET;
    if (Math.abs(putOffset) <= this.deltaBand) addPoint(sums, PUT, putOffset / this.deltaBand, trade.iv, weight);
  }

  rows(): Rr25Row[] {
    const smilesByDay = new Map<string, ExpirySmile[]>();
    for (const group of this.groups.values()) {
      const callIv = fitAtTarget(group.sums, CALL);
      const putIv = fitAtTarget(group.sums, PUT);
      if (callIv === null || putIv === null) continue;
      const smile: ExpirySmile = {
        expiryMs: group.expiryMs,
        years: group.sums[TENOR_SUM]! / group.sums[TENOR_WEIGHT]!,
        callIv,
        putIv,
      };
      const list = smilesByDay.get(group.day);
      if (list) list.push(smile);
      else smilesByDay.set(group.day, [smile]);
    }
    const rows: Rr25Row[] = [];
    for (const day of [...smilesByDay.keys()].sort()) {
      const smiles = smilesByDay.get(day)!.sort((a, b) => a.years - b.years);
      for (const tenorDays of this.tenorsDays) {
        const row = constantMaturity(day, tenorDays, smiles);
        if (row) rows.push(row);
      }
    }
    return rows;
  }
}

export function computeRr25(trades: Iterable<OptionTrade>, futures: readonly FutureBasis[], options?: Rr25Options): Rr25Row[] {
  const accumulator = new Rr25Accumulator(futures, options);
  for (const trade of trades) accumulator.add(trade);
  return accumulator.rows();
}

/**
 * Forward premium F / S - 1 of an expiry `years` after `atMs`, or null when no future is live.
 * Each future's premium is its annualized basis × its own time to expiry; the premium is
 * linear in time to expiry between zero (an expiry now trades at the index) and each
 * future's, and beyond the longest future follows that future's annualized basis. With one
 * future, every expiry gets that future's annualized basis.
 */
export function forwardPremium(futures: readonly DayFuture[], atMs: number, years: number): number | null {
  let previousYears = 0;
  let previousPremium = 0;
  let annualized: number | null = null;
  for (const future of futures) {
    const futureYears = yearsBetween(atMs, future.expiryMs);
    if (futureYears <= previousYears) continue;
    const premium = future.annualized * futureYears;
    if (years <= futureYears) {
      return previousPremium + ((premium - previousPremium) * (years - previousYears)) / (futureYears - previousYears);
    }
    previousYears = futureYears;
    previousPremium = premium;
    annualized = future.annualized;
  }
  return annualized === null ? null : annualized * years;
}

interface ExpirySmile {
  expiryMs: number;
  years: number;
  callIv: number;
  putIv: number;
}

function addPoint(sums: Float64Array, side: number, u: number, y: number, w: number): void {
  const u2 = u * u;
  sums[side]! += w;
  sums[side + 1]! += w * u;
  sums[side + 2]! += w * u2;
  sums[side + 3]! += w * u2 * u;
  sums[side + 4]! += w * u2 * u2;
  sums[side + 5]! += w * y;
  sums[side + 6]! += w * y * u;
  sums[side + 7]! += w * y * u2;
  if (u < 0) sums[side + 8]! += 1;
  else if (u > 0) sums[side + 9]! += 1;
  else {
    // A trade exactly on the target brackets it from both sides.
    sums[side + 8]! += 1;
    sums[side + 9]! += 1;
  }
}

/**
 * IV at the target (u = 0) of the weighted least-squares quadratic in u, or null without
 * trades on both sides. With deltas too few or too bunched for a quadratic, the straight
 * line; with all trades at one delta (then the target itself), their mean.
 */
function fitAtTarget(sums: Float64Array, side: number): number | null {
  if (sums[side + 8]! === 0 || sums[side + 9]! === 0) return null;
  const s0 = sums[side]!;
  const s1 = sums[side + 1]!;
  const s2 = sums[side + 2]!;
  const s3 = sums[side + 3]!;
  const s4 = sums[side + 4]!;
  const t0 = sums[side + 5]!;
  const t1 = sums[side + 6]!;
  const t2 = sums[side + 7]!;
  // Cramer's rule on the normal equations [s0 s1 s2; s1 s2 s3; s2 s3 s4]·(a, b, c) = (t0, t1, t2).
  const minor0 = s2 * s4 - s3 * s3;
  const minor1 = s1 * s4 - s2 * s3;
  const minor2 = s1 * s3 - s2 * s2;
  const quadratic = s0 * minor0 - s1 * minor1 + s2 * minor2;
  // s0 × (inverse normal matrix)₀₀: the variance of the value at u = 0 over that of the mean.
  if (quadratic > 0 && s0 * minor0 <= MAX_VARIANCE_RATIO * quadratic) {
    return (t0 * minor0 - s1 * (t1 * s4 - s3 * t2) + s2 * (t1 * s3 - s2 * t2)) / quadratic;
  }
  const linear = s0 * s2 - s1 * s1;
  if (linear > DEGENERATE * s0 ** 2) return (s2 * t0 - s1 * t1) / linear;
  return t0 / s0;
}

function constantMaturity(day: string, tenorDays: number, smiles: ExpirySmile[]): Rr25Row | null {
  const target = tenorDays / DAYS_PER_YEAR;
  let below: ExpirySmile | undefined;
  let above: ExpirySmile | undefined;
  for (const smile of smiles) {
    if (smile.years <= target) below = smile;
    if (smile.years >= target && above === undefined) above = smile;
  }
  if (!below || !above) return null;
  const callIv = interpolateTotalVariance(below, above, target, "callIv");
  const putIv = interpolateTotalVariance(below, above, target, "putIv");
  const expiries = [...new Set([below.expiryMs, above.expiryMs])].map((ms) => new Date(ms).toISOString());
  return { date: day, tenor_days: tenorDays, rr25: callIv - putIv, call_iv25: callIv, put_iv25: putIv, expiries };
}

function interpolateTotalVariance(
  below: ExpirySmile,
  above: ExpirySmile,
  target: number,
  side: "callIv" | "putIv",
): number {
  if (above.years === below.years) return below[side];
  const varianceBelow = below[side] ** 2 * below.years;
  const varianceAbove = above[side] ** 2 * above.years;
  const share = (target - below.years) / (above.years - below.years);
  return Math.sqrt((varianceBelow + share * (varianceAbove - varianceBelow)) / target);
}
