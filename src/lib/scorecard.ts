// The signal scorecard: six buckets from the framework-translation table, a status per bucket
// derived from a reading and thresholds kept as data (data/scorecard-thresholds.csv).
// Browser-safe: the scorecard page imports it.
import type { CitedClaim } from "./ledger/types.ts";
import { toConvention, isSkewConvention } from "./skew.js";

export const BUCKET_IDS = ["funding", "skew", "open-interest", "etf-flows", "realized-loss", "hashprice"] as const;
export type BucketId = (typeof BUCKET_IDS)[number];

export const STATUSES = ["bearish", "neutral", "bullish", "indeterminate", "no reading"] as const;
export type ScorecardStatus = (typeof STATUSES)[number];

export const OPERATORS = ["<", "<=", ">", ">="] as const;
export type Operator = (typeof OPERATORS)[number];

/** One row of data/scorecard-thresholds.csv: a reading that satisfies `operator value` has `status`. */
export interface ScorecardThreshold {
  bucket: BucketId;
  status: "bearish" | "bullish";
  operator: Operator;
  value: number;
  unit: string;
  /** Ledger claim the threshold comes from, if it is a ledger figure. */
  claimId: string | null;
  /** Where the threshold comes from: the article's table, a ledger figure, or a definition. */
  basis: "article" | "ledger" | "definition";
  note: string;
}

/**
 * A reading as the ledger states it: a value, or a bound when the article gave only one
 * side. One-sided bounds are strict ("less than 0%", "over $1.26B"); a two-sided range is
 * inclusive.
 */
export interface Reading {
  value: number | null;
  low: number | null;
  high: number | null;
}

export interface ScorecardBucket {
  id: BucketId;
  title: string;
  metric: string;
  /** Ledger unit of the reading, for formatting (see formatInUnit in ./claims.ts). */
  unit: string;
  /**
   * Where the ledger reading comes from: one claim, or the percent change from the first
   * claim (earlier) to the second (later) when the table's reading is a change.
   */
  reading: { kind: "claim"; claimId: string } | { kind: "change"; fromClaimId: string; toClaimId: string };
  /** Ledger figures shown beside the reading for context (not used for the status). */
  contextClaimIds: string[];
  /** Captured market dataset whose latest row replaces the ledger reading, if one exists. */
  marketDataset: "funding" | "options-skew" | "mining" | null;
  /** What the table's source column credits. */
  tableSource: string;
  /** Conditions in prose; `{claim-id}` is replaced by that ledger figure, linked to its source. */
  bullish: string;
  bearish: string;
}

export const SCORECARD_BUCKETS: readonly ScorecardBucket[] = [
  {
    id: "funding",
    title: "Perpetual funding",
    metric: "Funding rate (% per funding interval)",
    unit: "pct",
    reading: { kind: "claim", claimId: "btc-funding-rate-2026-02-05" },
    contextClaimIds: [],
    marketDataset: "funding",
    tableSource: "Deribit Insights / Block Scholes, week 6",
    bullish: "Funding turns positive and stays there on the major venues for days, not for an hour or two.",
    bearish: "Funding stays below zero, or flips back and forth while the price slides: shorts stay crowded and rallies are relief only."
  },
  {
    id: "skew",
    title: "Options skew",
    metric: "25-delta risk reversal, short-dated (vol points, rr25: negative = puts richer)",
    unit: "vol_pts",
    reading: { kind: "claim", claimId: "btc-risk-reversal-2026-02-05" },
    contextClaimIds: ["btc-skew-2026-02-06-rally-71k", "btc-skew-fear-line-rally-71k"],
    marketDataset: "options-skew",
    tableSource: "Deribit Insights / Block Scholes, week 6",
    bullish: "The risk reversal climbs back to zero and holds: traders stop paying up for downside protection.",
    bearish: "It stays deep in negative territory: the bid for puts persists and the market keeps pricing another leg down."
  },
  {
    id: "open-interest",
    title: "Futures open interest",
    metric: "Week-over-week change in BTC futures open interest, USD (%)",
    unit: "pct",
    reading: {
      kind: "change",
      fromClaimId: "btc-open-interest-prior-week-framework-translation",
      toClaimId: "btc-open-interest-2026-02-05-framework-translation"
    },
    contextClaimIds: ["btc-open-interest-btc-rally-71k", "btc-open-interest-notional-rally-71k"],
    marketDataset: null,
    tableSource: "Glassnode (forced deleveraging), CoinGlass (open interest)",
    bullish: "Open interest levels off without a fast rebuild while the price holds above {btc-resistance-70k-2026-02-06}.",
    bearish: "Open interest piles back in as the price rallies: fresh leverage sets up another liquidation leg."
  },
  {
    id: "etf-flows",
    title: "Spot ETF net flows",
    metric: "US spot Bitcoin ETF net flow, one day (USD millions; negative = outflow)",
    unit: "usd_mn",
    reading: { kind: "claim", claimId: "btc-etf-flow-2026-02-05" },
    contextClaimIds: ["btc-etf-flow-2026-02-04", "btc-etf-flow-month-to-date-2026-02-05"],
    marketDataset: null,
    tableSource: "Farside Investors daily ETF flows",
    bullish: "Outflows shrink to flat, then modest inflows arrive; in thin liquidity even smaller outflows help.",
    bearish: "Outflows speed up again with another heavy day: the shakeout can repeat."
  },
  {
    id: "realized-loss",
    title: "Realized loss",
    metric: "Realized loss, 7-day average (USD billions per day)",
    unit: "usd_bn",
    reading: { kind: "claim", claimId: "btc-realized-loss-7d-sma-glassnode" },
    contextClaimIds: ["btc-followup-realized-loss"],
    marketDataset: null,
    tableSource: "Glassnode Week On-chain, week 05",
    bullish: "Losses peak and then trend lower while the price holds near {btc-resistance-70k-2026-02-06}: forced sellers are running out.",
    bearish: "Losses stay high or jump again: coins are being distributed, not accumulated."
  },
  {
    id: "hashprice",
    title: "Hashprice and difficulty",
    metric: "Hashprice (USD per PH/s per day)",
    unit: "usd_per_ph_day",
    reading: { kind: "claim", claimId: "btc-hashprice-2026-02-05" },
    contextClaimIds: ["btc-difficulty-change-expected-2026-02-05"],
    marketDataset: "mining",
    tableSource: "TheMinerMag",
    bullish: "The difficulty cut brings relief and hashrate steadies while BTC stays above {btc-resistance-70k-2026-02-06}: less pressure on miners to sell.",
    bearish: "Hashprice keeps falling and hashrate drops further: more miner selling and balance-sheet strain."
  }
];

function isNumber(x: number | null | undefined): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

function satisfies(x: number, operator: Operator, threshold: number): boolean {
  switch (operator) {
    case "<":
      return x < threshold;
    case "<=":
      return x <= threshold;
    case ">":
      return x > threshold;
    case ">=":
      return x >= threshold;
  }
}

/** Status of one number: bearish or bullish when it meets that side's threshold, else neutral. */
function pointStatus(x: number, thresholds: readonly ScorecardThreshold[]): "bearish" | "neutral" | "bullish" {
  const met = new Set(thresholds.filter((t) => satisfies(x, t.operator, t.value)).map((t) => t.status));
  if (met.size > 1) throw new Error(`thresholds of bucket "${thresholds[0]?.bucket}" overlap at ${x}: a reading cannot be both bearish and bullish`);
  return [...met][0] ?? "neutral";
}

/**
 * Status of a reading against its bucket's thresholds.
 * - A value is compared directly (`value <= -400` holds at exactly -400).
 * - A bound or range is one status only when every number it allows has that status
 *   ("< 0" against "bearish if < 0" is bearish); when it straddles a threshold the status
 *   is "indeterminate". One-sided bounds are strict, two-sided ranges inclusive.
 * - No reading (null, or no finite value or bound) is "no reading".
 */
export function scorecardStatus(reading: Reading | null | undefined, thresholds: readonly ScorecardThreshold[]): ScorecardStatus {
  if (!reading) return "no reading";
  const { value, low, high } = reading;
  if (isNumber(value)) return pointStatus(value, thresholds);
  if (!isNumber(low) && !isNumber(high)) return "no reading";
  const bothSides = isNumber(low) && isNumber(high);
  // Statuses are constant between threshold values, so checking each threshold inside the
  // interval, one point in each gap between them, and the included ends covers every case.
  const cuts = [...new Set(thresholds.map((t) => t.value))]
    .filter((v) => (!isNumber(low) || v > low) && (!isNumber(high) || v < high))
    .sort((a, b) => a - b);
  const start = isNumber(low) ? low : Math.min(...cuts, high as number) - 1;
  const end = isNumber(high) ? high : Math.max(...cuts, low as number) + 1;
  const edges = [start, ...cuts, end];
  const probes = [...cuts, ...edges.slice(1).map((edge, i) => (edges[i]! + edge) / 2)];
  if (bothSides) probes.push(low as number, high as number);
  const statuses = new Set(probes.map((x) => pointStatus(x, thresholds)));
  return statuses.size === 1 ? [...statuses][0]! : "indeterminate";
}

export function thresholdsFor(bucket: BucketId, thresholds: readonly ScorecardThreshold[]): ScorecardThreshold[] {
  return thresholds.filter((t) => t.bucket === bucket);
}

export type StatusTally = Record<ScorecardStatus, number>;

export function tallyStatuses(statuses: readonly ScorecardStatus[]): StatusTally {
  const tally = Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusTally;
  for (const status of statuses) tally[status] += 1;
  return tally;
}

export function claimReading(claim: Pick<CitedClaim, "value" | "low" | "high">): Reading {
  return { value: claim.value, low: claim.low, high: claim.high };
}

/** Percent change from one reported level to a later one (both must be values). */
export function percentChange(from: number, to: number): number {
  if (from === 0) throw new RangeError("percent change from zero is undefined");
  return (to / from - 1) * 100;
}

/** The bucket's ledger reading and the claims it comes from. */
export function ledgerReading(bucket: ScorecardBucket, claims: readonly CitedClaim[]): { reading: Reading | null; claims: CitedClaim[] } {
  const find = (id: string) => claims.find((claim) => claim.id === id);
  if (bucket.reading.kind === "claim") {
    const claim = find(bucket.reading.claimId);
    return claim ? { reading: claimReading(claim), claims: [claim] } : { reading: null, claims: [] };
  }
  const from = find(bucket.reading.fromClaimId);
  const to = find(bucket.reading.toClaimId);
  if (!from || !to || !isNumber(from.value) || !isNumber(to.value)) return { reading: null, claims: [from, to].filter((c): c is CitedClaim => !!c) };
  return { reading: { value: percentChange(from.value, to.value), low: null, high: null }, claims: [from, to] };
}

/** Latest reading computed from a captured market dataset's rows, or null when it has none. */
export interface ComputedReading {
  reading: Reading;
  /** Time or day of the row the reading comes from (UTC). */
  asOf: string;
  dataset: string;
}

interface FundingRowLike {
  time: string;
  interest_8h: number;
}
interface Rr25RowLike {
  date: string;
  tenor_days: number;
  rr25: number;
}
interface MiningRowLike {
  date: string;
  hashprice_usd_per_ph_day: number | null;
}

const byTime = <T>(key: (row: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));

/**
 * The table the scorecard follows was written on February 6 (its ETF row says Feb 6 flows were
 * not yet posted), so computed readings are taken as of the end of that UTC day.
 */
export const SCORECARD_AS_OF = "2026-02-06";

/**
 * The bucket's latest computed reading from its market dataset's rows up to the end of UTC day
 * `through` (all rows when omitted): the last 8-hour funding rate in percent, the
 * shortest-tenor RR25 of the last day, the last day's hashprice.
 */
export function marketReading(bucket: ScorecardBucket, allRows: readonly unknown[], through?: string): ComputedReading | null {
  const day = (row: { time?: string; date?: string }) => (row.date ?? row.time ?? "").slice(0, 10);
  const rows = through === undefined ? allRows : (allRows as { time?: string; date?: string }[]).filter((row) => day(row) <= through);
  if (!bucket.marketDataset || rows.length === 0) return null;
  const point = (value: number): Reading => ({ value, low: null, high: null });
  switch (bucket.marketDataset) {
    case "funding": {
      const last = (rows as FundingRowLike[]).filter((r) => isNumber(r.interest_8h)).sort(byTime((r) => r.time)).at(-1);
      return last ? { reading: point(last.interest_8h * 100), asOf: last.time, dataset: "funding" } : null;
    }
    case "options-skew": {
      const valid = (rows as Rr25RowLike[]).filter((r) => isNumber(r.rr25));
      const shortest = Math.min(...valid.map((r) => r.tenor_days));
      const last = valid.filter((r) => r.tenor_days === shortest).sort(byTime((r) => r.date)).at(-1);
      return last ? { reading: point(last.rr25), asOf: last.date, dataset: "options-skew" } : null;
    }
    case "mining": {
      const last = (rows as MiningRowLike[]).filter((r) => isNumber(r.hashprice_usd_per_ph_day)).sort(byTime((r) => r.date)).at(-1);
      return last ? { reading: point(last.hashprice_usd_per_ph_day as number), asOf: last.date, dataset: "mining" } : null;
    }
  }
}

/** Slider domain for the what-if control: the thresholds and the reading with room either side. */
export function whatIfDomain(reading: Reading | null, thresholds: readonly ScorecardThreshold[]): { min: number; max: number; step: number } {
  const anchors = [...thresholds.map((t) => t.value), ...[reading?.value, reading?.low, reading?.high].filter(isNumber)];
  const lo = Math.min(...anchors, 0);
  const hi = Math.max(...anchors, 0);
  const span = hi - lo || Math.max(Math.abs(hi), 1);
  const step = 10 ** Math.floor(Math.log10(span / 100));
  const round = (x: number) => Number((Math.round(x / step) * step).toFixed(Math.max(0, -Math.log10(step))));
  return { min: round(lo - span / 2), max: round(hi + span / 2), step };
}

/** A starting point for the what-if control: the value, or the bound the article gave. */
export function whatIfStart(reading: Reading | null): number {
  return [reading?.value, reading?.high, reading?.low].find(isNumber) ?? 0;
}

const operatorText: Record<Operator, string> = { "<": "below", "<=": "at or below", ">": "above", ">=": "at or above" };

export function operatorPhrase(operator: Operator): string {
  return operatorText[operator];
}

/**
 * Validates threshold rows (CSV records as strings) and checks each row that cites a ledger
 * claim against that claim: the value must be one of its figures (a skew figure quoted in the
 * put-minus-call convention is compared after converting to rr25). Throws with the row named.
 */
export function parseThresholds(records: readonly Record<string, string | undefined>[], claims: readonly CitedClaim[], file = "data/scorecard-thresholds.csv"): ScorecardThreshold[] {
  return records.map((record, i) => {
    const where = `${file}:${i + 2}`;
    const bucket = record.bucket ?? "";
    const status = record.status ?? "";
    const operator = record.operator ?? "";
    const basis = record.basis ?? "";
    const value = Number(record.value);
    if (!(BUCKET_IDS as readonly string[]).includes(bucket)) throw new Error(`${where}: bucket "${bucket}" is not one of ${BUCKET_IDS.join(", ")}`);
    if (status !== "bearish" && status !== "bullish") throw new Error(`${where}: status must be bearish or bullish, not "${status}"`);
    if (!(OPERATORS as readonly string[]).includes(operator)) throw new Error(`${where}: operator must be one of ${OPERATORS.join(" ")}`);
    if (basis !== "article" && basis !== "ledger" && basis !== "definition") throw new Error(`${where}: basis must be article, ledger or definition`);
    if (record.value === undefined || record.value.trim() === "" || !Number.isFinite(value)) throw new Error(`${where}: value "${record.value}" is not a number`);
    if (!record.note?.trim()) throw new Error(`${where}: note is empty; say where the threshold comes from`);
    const claimId = record.claim_id?.trim() || null;
    if (basis === "ledger" && !claimId) throw new Error(`${where}: a ledger threshold must name its claim in claim_id`);
    if (claimId) {
      const claim = claims.find((c) => c.id === claimId);
      if (!claim) throw new Error(`${where}: claim "${claimId}" is not in data/claims.csv`);
      const figures = [claim.value, claim.low, claim.high].filter(isNumber);
      const convention = claim.convention;
      const comparable =
        convention && isSkewConvention(convention) && bucket === "skew" ? figures.map((f) => toConvention(f, convention, "rr25")) : figures;
      if (!comparable.includes(value)) throw new Error(`${where}: value ${value} is not a figure of claim "${claimId}" (${comparable.join(", ")})`);
    }
    return {
      bucket: bucket as BucketId,
      status,
      operator: operator as Operator,
      value,
      unit: record.unit ?? "",
      claimId,
      basis,
      note: record.note.trim()
    };
  });
}
