// Reported figures beside the same quantity computed from market data. A claim that has no
// computable counterpart, or whose inputs are missing, simply produces no row.

import type { Claim } from "../ledger/types.ts";
import { toConvention, isSkewConvention } from "../skew.ts";
import { dailyBars, type Candle } from "./candles.ts";
import { claimDating, weekLabel, type ClaimDating } from "./claimDating.ts";
import { addUtcDays, MS_PER_DAY, MS_PER_HOUR } from "./time.ts";

/** The ledger fields the fact-check reads. */
export type CheckableClaim = Pick<
  Claim,
  "id" | "topic" | "metric" | "asset" | "value" | "low" | "high" | "unit" | "asOf" | "period" | "convention" | "tenorDays"
> &
  Partial<Pick<Claim, "kind">>;

export interface FactCheckInputs {
  /** Hourly BTC-USD bars. */
  price?: readonly Candle[];
  /** Who the hourly bars come from, as the table names them (default: Coinbase BTC-USD). */
  priceSource?: string;
  /** Who the daily macro closes come from (default: FRED). */
  macroSource?: string;
  basis?: readonly { date: string; basis_pct: number }[];
  skew?: readonly { date: string; tenor_days: number; rr25: number }[];
  mining?: readonly { date: string; hashprice_usd_per_ph_day: number | null }[];
  adjustments?: readonly { time: string; change_pct: number }[];
  /** Daily closes; `low` where the source gives the day's range. */
  macro?: readonly { date: string; series: string; value: number; change_pct: number | null; low?: number }[];
  /** Funding per day (`time` at 00:00 UTC) or per interval; `interest_8h` is the 8-hour rate as a fraction. */
  funding?: readonly { time: string; interest_8h: number }[];
}

export interface FactCheckRow {
  claim_id: string;
  topic: string;
  metric: string;
  asset: string | null;
  /** The UTC day, or the ISO week ("2026-W06") for a figure its source dates only to a week. */
  as_of: string;
  unit: string;
  /** The printed value, or the printed bound when the article gave only a bound or range. */
  claimed: number;
  computed: number;
  /** computed - claimed, in the claim's unit. */
  difference: number;
  dataset: string;
  /** How the computed value was obtained, in words. */
  computed_from: string;
  /** What can make the two differ (venue, close time, spot vs futures, a daily mean vs a reading). */
  why_they_differ: string;
}

interface Computed {
  value: number;
  dataset: string;
  from: string;
  why: string;
}

const WHY = {
  composite:
    "The computed value comes from one price source's UTC-day bars; the article does not say which venue or clock its figure uses, prices differ between venues by tenths of a percent (more in a crash), and an article written during the day sees only part of it.",
  extreme:
    "An intraday extreme depends on the venue (one exchange can print lower than a composite of venues) and on when the article was written: a piece published during the day sees only part of it.",
  closeToClose:
    "Close-to-close on daily bars; a reported move may be measured at another time of day, intraday, or on spot rather than futures (gold and silver here are front-month futures).",
  rebound: "Depends on which low and which later high are taken, and on the venue of each.",
  hourly: "The computed price is the close of the last full hour before the quoted time, on one price source; the quote is a snapshot at a minute the hourly bars do not resolve.",
  hashprice: "Hashprice depends on the hash rate estimate (a statistic from block times, noisy day to day), the fees counted and the price used.",
  difficulty: "The reported figure was a projection made days before the adjustment; the computed one is the change that took effect.",
  funding: "The computed value is a daily mean of one venue's 8-hour rates; the article reports a sign across major venues at a moment, and a day's mean can be positive while some hours were negative.",
  fundingWeek:
    "The source dates the reading only to the week. The computed value is the lowest daily mean of one venue's 8-hour rates that week; the article reports a sign across major venues, and single hours can be lower than any daily mean.",
  skew: "Same kind of measure, but the tenor may differ and the article may quote another day; see Methodology.",
  skewWeek: "The source gives the week's low, not a day's reading; the computed value is the lowest daily reading of that week at one constant tenor, and the source's tenor is not printed.",
  basis: "The computed basis uses one dated future and one spot venue.",
} as const;

/**
 * A threshold, a normal range or a key level, or words without a number: not a reading to check
 * (older ledgers said so in the period). A projection is checked against what happened.
 */
const NOT_READINGS = new Set(["reference", "label"]);
const isReading = (claim: CheckableClaim) => !NOT_READINGS.has(claim.kind ?? "");

/** Days a dated reading may fall back to the latest earlier value (markets close on weekends). */
const MAX_STALENESS_DAYS = 3;

const MACRO_SERIES: Record<string, string> = {
  SP500: "SP500",
  SPX: "SP500",
  NASDAQ: "NASDAQCOM",
  NASDAQCOM: "NASDAQCOM",
  IXIC: "NASDAQCOM",
  DJIA: "DJIA",
  DOW: "DJIA",
  SOX: "SOX",
  GOLD: "GOLD",
  SILVER: "SILVER",
  DXY: "DXY",
};

/** The figure a fact-check row states for a claim: its value, else the bound or range it prints (high first). */
export function claimedFigure(claim: Pick<CheckableClaim, "value" | "low" | "high">): number | null {
  return claim.value ?? claim.high ?? claim.low;
}

export function factCheckRows(claims: readonly CheckableClaim[], inputs: FactCheckInputs): FactCheckRow[] {
  const rows: FactCheckRow[] = [];
  for (const claim of claims) {
    const claimed = claimedFigure(claim);
    const dating = claimDating(claim);
    if (claimed === null || !isReading(claim)) continue;
    // A day's figure against that day; a week's against the week; a month or no date against nothing.
    const computed = dating.kind === "day" ? computeCounterpart(claim, dating.day, inputs) : dating.kind === "week" ? weekCounterpart(claim, dating, inputs) : null;
    if (!computed) continue;
    rows.push({
      claim_id: claim.id,
      topic: claim.topic,
      metric: claim.metric,
      asset: claim.asset,
      as_of: dating.kind === "week" ? dating.week : (dating as { day: string }).day,
      unit: claim.unit,
      claimed,
      computed: computed.value,
      difference: computed.value - claimed,
      dataset: computed.dataset,
      computed_from: computed.from,
      why_they_differ: computed.why,
    });
  }
  return rows;
}

/** A figure the fact check could compare with a series but does not, and why. */
export interface FactCheckSkip {
  claim_id: string;
  reason: string;
}

/** The kind of series a claim would be checked against, from what it measures alone (null: none). */
export function counterpartKind(claim: CheckableClaim): "skew" | "basis" | "hashprice" | "difficulty" | "funding" | "macro" | "price" | null {
  const metric = claim.metric.toLowerCase();
  const percent = claim.unit === "pct" || claim.unit === "pct_annualized";
  const asset = claim.asset?.toUpperCase() ?? null;
  if (/skew|risk_reversal/.test(metric) && claim.convention && isSkewConvention(claim.convention)) return "skew";
  if (/basis/.test(metric) && percent) return "basis";
  if (/hash_?price/.test(metric) || claim.unit === "usd_per_ph_day") return "hashprice";
  if (/difficulty/.test(metric) && percent) return "difficulty";
  if (metric === "funding_rate" && claim.unit === "pct") return "funding";
  if (asset && MACRO_SERIES[asset]) return "macro";
  if (asset === "BTC" && (BTC_PRICE_METRICS.has(metric) || claim.period === "since-low" || /rebound/.test(metric))) return "price";
  return null;
}

const BTC_PRICE_METRICS = new Set(["open", "close", "low", "high", "price", "price_change", "distance_from_ath"]);

/**
 * Readings of a kind the series cover that get no row because of how their source dates them:
 * no date printed (never pinned to a day), or only a week that no series covers for that measure.
 */
export function factCheckSkipped(claims: readonly CheckableClaim[], rows: readonly Pick<FactCheckRow, "claim_id">[]): FactCheckSkip[] {
  const checked = new Set(rows.map((row) => row.claim_id));
  return claims.flatMap((claim) => {
    if (checked.has(claim.id) || !isReading(claim) || counterpartKind(claim) === null) return [];
    const dating = claimDating(claim);
    if (dating.kind === "undated") return [{ claim_id: claim.id, reason: "No day printed: not set against any one day of the series." }];
    if (dating.kind === "week") return [{ claim_id: claim.id, reason: `Dated only to ${weekLabel(dating)}: no series in this build covers that week for this measure.` }];
    return [];
  });
}

/**
 * A figure dated only to a week is that week's extreme on the fear side: the lowest funding rate
 * or risk reversal of the ISO week. Other measures have no weekly counterpart.
 */
function weekCounterpart(claim: CheckableClaim, week: Extract<ClaimDating, { kind: "week" }>, inputs: FactCheckInputs): Computed | null {
  const kind = counterpartKind(claim);
  const inWeek = (day: string) => day >= week.start && day <= week.end;
  const span = weekLabel(week);
  if (kind === "funding") {
    const days = (inputs.funding ?? []).filter((r) => inWeek(r.time.slice(0, 10)));
    if (days.length === 0) return null;
    const lowest = days.reduce((low, r) => (r.interest_8h < low.interest_8h ? r : low));
    return { value: 100 * lowest.interest_8h, dataset: "funding", from: `lowest daily mean 8-hour funding rate over ${span}, on ${lowest.time.slice(0, 10)}`, why: WHY.fundingWeek };
  }
  if (kind === "skew" && claim.convention === "rr25") {
    const wanted = claim.tenorDays ?? 7;
    const days = (inputs.skew ?? []).filter((r) => inWeek(r.date));
    if (days.length === 0) return null;
    const tenor = days.reduce((best, r) => (Math.abs(r.tenor_days - wanted) < Math.abs(best - wanted) ? r.tenor_days : best), days[0]!.tenor_days);
    const lowest = days.filter((r) => r.tenor_days === tenor).reduce((low, r) => (r.rr25 < low.rr25 ? r : low));
    return { value: lowest.rr25, dataset: "options-skew", from: `lowest RR25 at constant ${tenor}-day maturity over ${span}, on ${lowest.date}`, why: WHY.skewWeek };
  }
  return null;
}

function computeCounterpart(claim: CheckableClaim, day: string, inputs: FactCheckInputs): Computed | null {
  const metric = claim.metric.toLowerCase();
  const priceSource = inputs.priceSource ?? "Coinbase BTC-USD";
  switch (counterpartKind(claim)) {
    case "skew":
      return skewCounterpart(claim.convention as "rr25" | "put_minus_call", claim.tenorDays, day, inputs);
    case "basis": {
      const row = latestOnOrBefore(inputs.basis, day);
      return row && { value: row.basis_pct, dataset: "basis", from: `annualized basis of the quarterly future on ${row.date}`, why: WHY.basis };
    }
    case "hashprice": {
      const row = latestOnOrBefore(inputs.mining?.filter((r) => r.hashprice_usd_per_ph_day !== null), day);
      return row && { value: row.hashprice_usd_per_ph_day!, dataset: "mining", from: `hashprice on ${row.date}`, why: WHY.hashprice };
    }
    case "difficulty": {
      const next = inputs.adjustments?.find((a) => a.time.slice(0, 10) > day);
      return next ? { value: next.change_pct, dataset: "mining", from: `difficulty adjustment at ${next.time}`, why: WHY.difficulty } : null;
    }
    case "funding": {
      const row = inputs.funding?.find((r) => r.time.slice(0, 10) === day);
      return row ? { value: 100 * row.interest_8h, dataset: "funding", from: `mean 8-hour funding rate on ${day}`, why: WHY.funding } : null;
    }
    case "macro":
      return macroCounterpart(claim, MACRO_SERIES[claim.asset!.toUpperCase()]!, day, inputs);
    case "price":
      return inputs.price ? btcCounterpart(claim, metric, day, inputs.price, priceSource) : null;
    default:
      return null;
  }
}

function macroCounterpart(claim: CheckableClaim, series: string, day: string, inputs: FactCheckInputs): Computed | null {
  const rows = (inputs.macro ?? []).filter((r) => r.series === series).sort((a, b) => a.date.localeCompare(b.date));
  const index = rows.findIndex((r) => r.date === day);
  const row = rows[index];
  const previous = rows[index - 1];
  if (!row) return null;
  const source = inputs.macroSource ?? "FRED";
  if (claim.unit === "pct" && claim.period === "1d" && row.change_pct !== null) {
    return { value: row.change_pct, dataset: "macro", from: `${source} ${series} close-to-close change on ${day}`, why: WHY.closeToClose };
  }
  // "Fell as much as X% to about Y": the day's low, against the previous close.
  if (claim.period === "intraday" && row.low !== undefined && previous) {
    if (claim.unit === "pct") return { value: 100 * (row.low / previous.value - 1), dataset: "macro", from: `${source} ${series} low on ${day} against the ${previous.date} close`, why: WHY.extreme };
    if (claim.unit === "usd") return { value: row.low, dataset: "macro", from: `${source} ${series} low on ${day}`, why: WHY.extreme };
  }
  return null;
}

function btcCounterpart(claim: CheckableClaim, metric: string, day: string, price: readonly Candle[], source: string): Computed | null {
  if (claim.period === "since-low" || /rebound/.test(metric)) return reboundCounterpart(price, day, claim.unit);
  const bars = dailyBars(price);
  const bar = bars.find((b) => b.date === day);
  const timed = claim.asOf !== null && claim.asOf.length > 10;
  if (timed && (metric === "price" || metric === "price_change")) return timedCounterpart(claim, metric, price, source);
  if (metric === "price_change" && claim.unit === "pct" && bar) {
    if (claim.period === "1d") return { value: 100 * (bar.close / bar.open - 1), dataset: "price", from: `${source} open-to-close change on ${day} (UTC day)`, why: WHY.composite };
    if (claim.period === "7d") {
      const weekBefore = bars.find((b) => b.date === addUtcDays(day, -7));
      return weekBefore ? { value: 100 * (bar.close / weekBefore.close - 1), dataset: "price", from: `${source} close on ${day} against the close on ${weekBefore.date}`, why: WHY.composite } : null;
    }
  }
  if (metric === "distance_from_ath" && claim.unit === "pct" && bar) {
    const peak = bars.filter((b) => b.date <= day).reduce((best, b) => (b.high > best.high ? b : best));
    return { value: 100 * (bar.close / peak.high - 1), dataset: "price", from: `${source} close on ${day} against the highest high in the series, ${Math.round(peak.high)} on ${peak.date} (the series starts ${bars[0]!.date})`, why: WHY.composite };
  }
  if (claim.unit === "usd" && ["open", "close", "low", "high"].includes(metric) && bar) {
    const field = metric as "open" | "close" | "low" | "high";
    const why = field === "low" || field === "high" ? WHY.extreme : WHY.composite;
    return { value: bar[field], dataset: "price", from: `${source} ${field} of ${day} (UTC day, hourly bars)`, why };
  }
  return null;
}

/** A price or 24-hour move quoted at a time of day: the last full hour before it. */
function timedCounterpart(claim: CheckableClaim, metric: string, price: readonly Candle[], source: string): Computed | null {
  const at = Date.parse(claim.asOf!);
  const closeAt = (ms: number) => price.find((c) => c.time + MS_PER_HOUR <= ms && c.time + 2 * MS_PER_HOUR > ms);
  const last = closeAt(at);
  if (!last) return null;
  const lastEnd = new Date(last.time + MS_PER_HOUR).toISOString().slice(0, 16);
  if (metric === "price" && claim.unit === "usd") return { value: last.close, dataset: "price", from: `${source} close of the hour ending ${lastEnd} UTC`, why: WHY.hourly };
  if (claim.period === "24h" && claim.unit === "pct") {
    const dayBefore = closeAt(at - MS_PER_DAY);
    return dayBefore ? { value: 100 * (last.close / dayBefore.close - 1), dataset: "price", from: `${source} close of the hour ending ${lastEnd} UTC against 24 hours earlier`, why: WHY.hourly } : null;
  }
  return null;
}

function skewCounterpart(
  convention: "rr25" | "put_minus_call",
  tenorDays: number | null,
  day: string,
  inputs: FactCheckInputs,
): Computed | null {
  const onDay = inputs.skew?.filter((r) => r.date === day) ?? [];
  if (onDay.length === 0) return null;
  // Without a stated tenor: the Deribit RR25 quotes were short-dated, the put-minus-call
  // "options skew" is the 30-day reading.
  const wanted = tenorDays ?? (convention === "rr25" ? 7 : 30);
  const row = onDay.reduce((best, r) => (Math.abs(r.tenor_days - wanted) < Math.abs(best.tenor_days - wanted) ? r : best));
  const converted = toConvention(row.rr25, "rr25", convention);
  const note = convention === "rr25" ? "" : ", its sign flipped to read put minus call (the same kind of measure quoted the other way; the article prints no tenor)";
  return { value: converted, dataset: "options-skew", from: `RR25 at constant ${row.tenor_days}-day maturity on ${day}${note}`, why: WHY.skew };
}

/** The lowest low up to the end of the day, and the highest high within 24 h after it. */
function reboundCounterpart(price: readonly Candle[], day: string, unit: string): Computed | null {
  const dayEnd = Date.parse(`${day}T00:00:00Z`) + MS_PER_DAY;
  const upToDay = price.filter((c) => c.time < dayEnd);
  if (upToDay.length === 0) return null;
  const trough = upToDay.reduce((low, c) => (c.low < low.low ? c : low));
  const after = price.filter((c) => c.time >= trough.time && c.time < trough.time + 24 * MS_PER_HOUR);
  const high = Math.max(...after.map((c) => c.high));
  const from = `highest high within 24 h after the low of ${trough.low} at ${new Date(trough.time).toISOString()}`;
  if (unit === "pct") return { value: 100 * (high / trough.low - 1), dataset: "price", from: `rise to the ${from}`, why: WHY.rebound };
  if (unit === "usd") return { value: high, dataset: "price", from, why: WHY.rebound };
  return null;
}

function latestOnOrBefore<T extends { date: string }>(rows: readonly T[] | undefined, day: string): T | null {
  const earliest = new Date(Date.parse(`${day}T00:00:00Z`) - MAX_STALENESS_DAYS * MS_PER_DAY).toISOString().slice(0, 10);
  const candidates = (rows ?? []).filter((r) => r.date <= day && r.date >= earliest);
  return candidates.reduce<T | null>((latest, r) => (latest === null || r.date > latest.date ? r : latest), null);
}
