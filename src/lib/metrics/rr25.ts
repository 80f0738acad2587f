// 25-delta risk reversal per UTC day at constant maturities, from individual option trades.
//
// Method, per UTC day:
//  1. Each trade gets a Black-76 call-equivalent delta from its own IV, its index price as the
//     forward, and the time to its expiry (08:00 UTC). A put's call-equivalent delta is its
//     delta + 1, so a -25 delta put sits at 0.75 and a +25 delta call at 0.25 on one axis.
//  2. Per expiry, the IV at 0.25 and at 0.75 is a local, amount-weighted linear fit of
//     IV against delta over the trades within ±DELTA_BAND of the target. Trades are needed on
//     both sides of the target, so the value is interpolated, never extrapolated.
//  3. Across expiries, each side is interpolated linearly in total variance (IV² × T) between
//     the two expiries that bracket the constant maturity; no row if none bracket it.
//  4. RR25 = IV(25Δ call) - IV(25Δ put), in vol points (Deribit IVs are in percent).
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

// Layout of one (day, expiry) accumulator; each side holds weighted sums for a linear fit.
const SIDE_SIZE = 7; // Σw, Σwx, Σwy, Σwxx, Σwxy, count below target, count above target
const CALL = 0;
const PUT = SIDE_SIZE;
const TENOR_WEIGHT = 2 * SIDE_SIZE;
const TENOR_SUM = TENOR_WEIGHT + 1;
const GROUP_SIZE = TENOR_SUM + 1;

interface Group {
  day: string;
  expiryMs: number;
  sums: Float64Array;
}

export class Rr25Accumulator {
  private readonly groups = new Map<number, Group>();
  private readonly instruments = new Map<string, OptionInstrument | null>();
  private readonly deltaBand: number;
  private readonly minYears: number;
  private readonly tenorsDays: readonly number[];

  constructor(options: Rr25Options = {}) {
    this.tenorsDays = options.tenorsDays ?? [7, 30];
    this.deltaBand = options.deltaBand ?? 0.1;
    this.minYears = (options.minDaysToExpiry ?? 1) / DAYS_PER_YEAR;
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

    const callDelta = normCdf(black76D1(trade.indexPrice, instrument.strike, trade.iv / 100, years));
    const weight = trade.amount > 0 ? trade.amount : 1;
    const dayIndex = Math.floor(trade.timestamp / MS_PER_DAY);
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
    if (Math.abs(callOffset) <= this.deltaBand) addPoint(sums, CALL, callOffset, trade.iv, weight);
    const putOffset = callDelta - PUT_TARGET;
    if (Math.abs(putOffset) <= this.deltaBand) addPoint(sums, PUT, putOffset, trade.iv, weight);
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

export function computeRr25(trades: Iterable<OptionTrade>, options?: Rr25Options): Rr25Row[] {
  const accumulator = new Rr25Accumulator(options);
  for (const trade of trades) accumulator.add(trade);
  return accumulator.rows();
}

interface ExpirySmile {
  expiryMs: number;
  years: number;
  callIv: number;
  putIv: number;
}

function addPoint(sums: Float64Array, side: number, x: number, y: number, w: number): void {
  sums[side]! += w;
  sums[side + 1]! += w * x;
  sums[side + 2]! += w * y;
  sums[side + 3]! += w * x * x;
  sums[side + 4]! += w * x * y;
  if (x < 0) sums[side + 5]! += 1;
  else if (x > 0) sums[side + 6]! += 1;
  else {
    // A trade exactly on the target brackets it from both sides.
    sums[side + 5]! += 1;
    sums[side + 6]! += 1;
  }
}

/** Intercept at the target of the weighted linear fit, or null without trades on both sides. */
function fitAtTarget(sums: Float64Array, side: number): number | null {
  if (sums[side + 5]! === 0 || sums[side + 6]! === 0) return null;
  const sw = sums[side]!;
  const swx = sums[side + 1]!;
  const swy = sums[side + 2]!;
  const swxx = sums[side + 3]!;
  const swxy = sums[side + 4]!;
  const denominator = sw * swxx - swx * swx;
  if (denominator <= 1e-12 * sw * sw) return swy / sw; // all points at one delta: that is the target
  return (swxx * swy - swx * swxy) / denominator;
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
