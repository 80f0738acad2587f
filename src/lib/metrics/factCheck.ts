// Reported figures beside the same quantity computed from market data. A claim that has no
// computable counterpart, or whose inputs are missing, simply produces no row.

import type { Claim } from "../ledger/types.ts";
import { toConvention, isSkewConvention } from "../skew.ts";
import { dailyBars, type Candle } from "./candles.ts";
import { MS_PER_DAY, MS_PER_HOUR } from "./time.ts";

/** The ledger fields the fact-check reads. */
export type CheckableClaim = Pick<
  Claim,
  "id" | "topic" | "metric" | "asset" | "value" | "low" | "high" | "unit" | "asOf" | "period" | "convention" | "tenorDays"
>;

export interface FactCheckInputs {
  /** Hourly BTC-USD bars. */
  price?: readonly Candle[];
  basis?: readonly { date: string; basis_pct: number }[];
  skew?: readonly { date: string; tenor_days: number; rr25: number }[];
  mining?: readonly { date: string; hashprice_usd_per_ph_day: number | null }[];
  adjustments?: readonly { time: string; change_pct: number }[];
  macro?: readonly { date: string; series: string; change_pct: number | null }[];
}

export interface FactCheckRow {
  claim_id: string;
  topic: string;
  metric: string;
  asset: string | null;
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
}

interface Computed {
  value: number;
  dataset: string;
  from: string;
}

/** Periods that state a threshold, a projection or an undated figure, not a reading to check. */
const UNCHECKABLE_PERIODS = new Set(["reference", "scenario", "undated-follow-up"]);

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
};

export function factCheckRows(claims: readonly CheckableClaim[], inputs: FactCheckInputs): FactCheckRow[] {
  const rows: FactCheckRow[] = [];
  for (const claim of claims) {
    const claimed = claim.value ?? claim.high ?? claim.low;
    const day = claim.asOf?.slice(0, 10);
    if (claimed === null || !day || UNCHECKABLE_PERIODS.has(claim.period ?? "")) continue;
    const computed = computeCounterpart(claim, day, inputs);
    if (!computed) continue;
    rows.push({
      claim_id: claim.id,
      topic: claim.topic,
      metric: claim.metric,
      asset: claim.asset,
      as_of: day,
      unit: claim.unit,
      claimed,
      computed: computed.value,
      difference: computed.value - claimed,
      dataset: computed.dataset,
      computed_from: computed.from,
    });
  }
  return rows;
}

function computeCounterpart(claim: CheckableClaim, day: string, inputs: FactCheckInputs): Computed | null {
  const metric = claim.metric.toLowerCase();
  const asset = claim.asset?.toUpperCase() ?? null;
  const percent = claim.unit === "pct" || claim.unit === "pct_annualized";

  if (/skew|risk_reversal/.test(metric) && claim.convention && isSkewConvention(claim.convention)) {
    return skewCounterpart(claim.convention, claim.tenorDays, day, inputs);
  }
  if (/basis/.test(metric) && percent) {
    const row = latestOnOrBefore(inputs.basis, day);
    return row && { value: row.basis_pct, dataset: "basis", from: `annualized basis of the quarterly future on ${row.date}` };
  }
  if (/hash_?price/.test(metric) || claim.unit === "usd_per_ph_day") {
    const row = latestOnOrBefore(inputs.mining?.filter((r) => r.hashprice_usd_per_ph_day !== null), day);
    return row && { value: row.hashprice_usd_per_ph_day!, dataset: "mining", from: `hashprice on ${row.date}` };
  }
  if (/difficulty/.test(metric) && percent) {
    const next = inputs.adjustments?.find((a) => a.time.slice(0, 10) > day);
    return next ? { value: next.change_pct, dataset: "mining", from: `difficulty adjustment at ${next.time}` } : null;
  }
  if (asset && MACRO_SERIES[asset] && percent) {
    const series = MACRO_SERIES[asset]!;
    const row = inputs.macro?.find((r) => r.series === series && r.date === day && r.change_pct !== null);
    return row ? { value: row.change_pct!, dataset: "macro", from: `FRED ${series} close-to-close change on ${day}` } : null;
  }
  if (asset === "BTC" && inputs.price) {
    if (claim.period === "since-low" || /rebound/.test(metric)) return reboundCounterpart(inputs.price, day, claim.unit);
    if (metric === "price_change" && claim.period === "1d" && claim.unit === "pct") {
      const bar = dailyBars(inputs.price).find((b) => b.date === day);
      return bar ? { value: 100 * (bar.close / bar.open - 1), dataset: "price", from: `Coinbase BTC-USD open-to-close change on ${day} (UTC day)` } : null;
    }
    if (claim.unit === "usd" && ["open", "close", "low", "high"].includes(metric)) {
      const bar = dailyBars(inputs.price).find((b) => b.date === day);
      const field = metric as "open" | "close" | "low" | "high";
      return bar ? { value: bar[field], dataset: "price", from: `Coinbase BTC-USD ${field} of ${day} (UTC day, hourly bars)` } : null;
    }
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
  const note = convention === "rr25" ? "" : ", sign flipped to put_minus_call (a different construction, so magnitudes are not comparable)";
  return { value: converted, dataset: "options-skew", from: `RR25 at constant ${row.tenor_days}-day maturity on ${day}${note}` };
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
  if (unit === "pct") return { value: 100 * (high / trough.low - 1), dataset: "price", from: `rise to the ${from}` };
  if (unit === "usd") return { value: high, dataset: "price", from };
  return null;
}

function latestOnOrBefore<T extends { date: string }>(rows: readonly T[] | undefined, day: string): T | null {
  const earliest = new Date(Date.parse(`${day}T00:00:00Z`) - MAX_STALENESS_DAYS * MS_PER_DAY).toISOString().slice(0, 10);
  const candidates = (rows ?? []).filter((r) => r.date <= day && r.date >= earliest);
  return candidates.reduce<T | null>((latest, r) => (latest === null || r.date > latest.date ? r : latest), null);
}
