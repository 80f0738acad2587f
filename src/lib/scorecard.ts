// The signal scorecard: six buckets from the framework-translation table, a status per bucket
// derived from a reading and thresholds kept as data (data/scorecard-thresholds.csv), and what
// later evidence shows for each bucket. Browser-safe: the scorecard page imports it.
//
// A threshold never comes from the reading it scores: it is a figure or a sign boundary that the
// table, or the same story as the reading, states in the reading's own convention. Where the
// only number is the reading itself, the status is "no threshold".
import { formatInUnit } from "./claims.js";
import { FOLLOW_UP } from "./followUp.js";
import type { CitedClaim } from "./ledger/types.ts";
import { claimDating, weekLabel } from "./metrics/claimDating.js";
import { shortUtcDay } from "./metrics/time.js";
import { isSkewConvention, type SkewConvention } from "./skew.js";

export const BUCKET_IDS = ["funding", "skew", "open-interest", "etf-flows", "realized-loss", "hashprice"] as const;
export type BucketId = (typeof BUCKET_IDS)[number];

export const STATUSES = ["bearish", "neutral", "bullish", "indeterminate", "no threshold", "no reading"] as const;
export type ScorecardStatus = (typeof STATUSES)[number];

export const OPERATORS = ["<", "<=", ">", ">="] as const;
export type Operator = (typeof OPERATORS)[number];

/** One row of data/scorecard-thresholds.csv: a reading that satisfies `operator value` has `status`. */
export interface ScorecardThreshold {
  bucket: BucketId;
  /** Skew convention of the readings it scores; null outside the skew bucket. */
  convention: SkewConvention | null;
  status: "bearish" | "bullish";
  operator: Operator;
  value: number;
  unit: string;
  /** Ledger claim that prints the line; null for a sign boundary (0) the source states in words. */
  claimId: string | null;
  /** The source's words for the line, found in the article of the reading it scores. */
  quote: string;
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

/** A reading a bucket scores: one claim, or the percent change from an earlier claim to a later one. */
export interface BucketReading {
  /** What the number measures, in a reader's words. */
  label: string;
  /** Ledger unit of the reading, for formatting (see formatInUnit in ./claims.ts). */
  unit: string;
  source: { kind: "claim"; claimId: string } | { kind: "change"; fromClaimId: string; toClaimId: string };
  /** Skew convention the reading is quoted in; it is scored only against lines in the same one. */
  convention: SkewConvention | null;
}

export interface ScorecardBucket {
  id: BucketId;
  title: string;
  /** The table's reading first; after it, readings another story gives, each scored against that story's own lines. */
  readings: BucketReading[];
  /** Ledger figures shown beside the readings for context (not scored), with what each is. */
  context: { claimId: string; label: string }[];
  /** Captured market dataset whose value, over the span the table's reading covers, stands beside it. */
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
    readings: [{ label: "Funding rate, % per funding interval", unit: "pct", source: { kind: "claim", claimId: "btc-funding-rate-2026-02-05" }, convention: null }],
    context: [],
    marketDataset: "funding",
    tableSource: "Deribit Insights / Block Scholes, week 6",
    bullish: "Funding turns positive and stays there on the major venues for days, not for an hour or two.",
    bearish: "Funding stays below zero, or flips back and forth while the price slides: shorts stay crowded and rallies are relief only."
  },
  {
    id: "skew",
    title: "Options skew",
    readings: [
      {
        label: "25-delta risk reversal, short-dated: call minus put implied volatility, vol points (negative = puts richer)",
        unit: "vol_pts",
        source: { kind: "claim", claimId: "btc-risk-reversal-2026-02-05" },
        convention: "rr25"
      },
      {
        label: "Options skew as the Feb 6 story quotes it: put minus call, tenor not printed (positive = puts richer)",
        unit: "pct",
        source: { kind: "claim", claimId: "btc-skew-2026-02-06-rally-71k" },
        convention: "put_minus_call"
      }
    ],
    context: [{ claimId: "btc-skew-2025-11-21-rally-71k", label: "The same story's put-minus-call skew on Nov 21, 2025, after a 28% fall" }],
    marketDataset: "options-skew",
    tableSource: "Deribit Insights / Block Scholes, week 6",
    bullish: "The risk reversal climbs back to zero and holds: traders stop paying up for downside protection.",
    bearish: "It stays deep in negative territory: the bid for puts persists and the market keeps pricing another leg down."
  },
  {
    id: "open-interest",
    title: "Futures open interest",
    readings: [
      {
        label: "Week-over-week change in BTC futures open interest, USD (%)",
        unit: "pct",
        source: {
          kind: "change",
          fromClaimId: "btc-open-interest-prior-week-framework-translation",
          toClaimId: "btc-open-interest-2026-02-05-framework-translation"
        },
        convention: null
      }
    ],
    context: [
      { claimId: "btc-open-interest-btc-rally-71k", label: "Open interest in coins on Feb 6, flat on the week" },
      { claimId: "btc-open-interest-notional-rally-71k", label: "The same position in dollars" }
    ],
    marketDataset: null,
    tableSource: "Glassnode (forced deleveraging), CoinGlass (open interest)",
    bullish: "Open interest levels off without a fast rebuild while the price holds above {btc-resistance-70k-2026-02-06}.",
    bearish: "Open interest piles back in as the price rallies: fresh leverage sets up another liquidation leg."
  },
  {
    id: "etf-flows",
    title: "Spot ETF net flows",
    readings: [
      {
        label: "US spot Bitcoin ETF net flow, one day (USD millions; negative = outflow)",
        unit: "usd_mn",
        source: { kind: "claim", claimId: "btc-etf-flow-2026-02-05" },
        convention: null
      }
    ],
    context: [
      { claimId: "btc-etf-flow-2026-02-04", label: "The day before" },
      { claimId: "btc-etf-flow-month-to-date-2026-02-05", label: "February to date" }
    ],
    marketDataset: null,
    tableSource: "Farside Investors daily ETF flows",
    bullish: "Outflows shrink to flat, then modest inflows arrive; in thin liquidity even smaller outflows help.",
    bearish: "Outflows speed up again with another heavy day: the shakeout can repeat."
  },
  {
    id: "realized-loss",
    title: "Realized loss",
    readings: [
      {
        label: "Realized loss, 7-day average (USD billions per day)",
        unit: "usd_bn",
        source: { kind: "claim", claimId: "btc-realized-loss-7d-sma-glassnode" },
        convention: null
      }
    ],
    context: [],
    marketDataset: null,
    tableSource: "Glassnode Week On-chain, week 05",
    bullish: "Losses peak and then trend lower while the price holds near {btc-resistance-70k-2026-02-06}: forced sellers are running out.",
    bearish: "Losses stay high or jump again: coins are being distributed, not accumulated."
  },
  {
    id: "hashprice",
    title: "Hashprice and difficulty",
    readings: [
      {
        label: "Hashprice, expected (USD per PH/s per day)",
        unit: "usd_per_ph_day",
        source: { kind: "claim", claimId: "btc-hashprice-2026-02-05" },
        convention: null
      }
    ],
    context: [{ claimId: "btc-difficulty-change-expected-2026-02-05", label: "Expected difficulty change at the next adjustment" }],
    marketDataset: "mining",
    tableSource: "TheMinerMag",
    bullish: "The difficulty cut brings relief and hashrate steadies while BTC stays above {btc-resistance-70k-2026-02-06}: less pressure on miners to sell.",
    bearish: "Hashprice keeps falling and hashrate drops further: more miner selling and balance-sheet strain."
  }
];

/** Ids of the claims a reading is computed from. */
export function readingClaimIds(reading: BucketReading): string[] {
  return reading.source.kind === "claim" ? [reading.source.claimId] : [reading.source.fromClaimId, reading.source.toClaimId];
}

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
 * Status of a reading against the thresholds of its bucket and convention.
 * - No reading (null, or no finite value or bound) is "no reading"; a reading with no
 *   threshold in the sources is "no threshold".
 * - A value is compared directly (`value <= -400` holds at exactly -400).
 * - A bound or range is one status only when every number it allows has that status
 *   ("< 0" against "bearish if < 0" is bearish); when it straddles a threshold the status
 *   is "indeterminate". One-sided bounds are strict, two-sided ranges inclusive.
 */
export function scorecardStatus(reading: Reading | null | undefined, thresholds: readonly ScorecardThreshold[]): ScorecardStatus {
  if (!reading) return "no reading";
  const { value, low, high } = reading;
  if (!isNumber(value) && !isNumber(low) && !isNumber(high)) return "no reading";
  if (thresholds.length === 0) return "no threshold";
  if (isNumber(value)) return pointStatus(value, thresholds);
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

/** The thresholds that score a reading: its bucket's, in its convention. */
export function thresholdsFor(bucket: BucketId, reading: Pick<BucketReading, "convention">, thresholds: readonly ScorecardThreshold[]): ScorecardThreshold[] {
  return thresholds.filter((t) => t.bucket === bucket && t.convention === reading.convention);
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

/** A reading as the ledger gives it, and the claims it comes from. */
export function ledgerReading(reading: BucketReading, claims: readonly CitedClaim[]): { reading: Reading | null; claims: CitedClaim[] } {
  const find = (id: string) => claims.find((claim) => claim.id === id);
  if (reading.source.kind === "claim") {
    const claim = find(reading.source.claimId);
    return claim ? { reading: claimReading(claim), claims: [claim] } : { reading: null, claims: [] };
  }
  const from = find(reading.source.fromClaimId);
  const to = find(reading.source.toClaimId);
  if (!from || !to || !isNumber(from.value) || !isNumber(to.value)) return { reading: null, claims: [from, to].filter((c): c is CitedClaim => !!c) };
  return { reading: { value: percentChange(from.value, to.value), low: null, high: null }, claims: [from, to] };
}

/** A value computed from a captured market dataset over the span the reported reading covers. */
export interface ComputedReading {
  reading: Reading;
  /** What was computed, over which span: "daily mean on 2026-02-05", "lowest daily mean over week 6 of 2026 (Feb 2 to Feb 8), on 2026-02-06". */
  description: string;
  dataset: string;
}

/** Why no computed value stands beside a reading. */
export interface ComputedSkip {
  skipped: string;
}

interface MarketPoint {
  day: string;
  value: number;
}

/** One value per row of a bucket's dataset: funding in % per interval, the shortest tenor's RR25, hashprice. */
function marketPoints(dataset: NonNullable<ScorecardBucket["marketDataset"]>, rows: readonly unknown[]): { points: MarketPoint[]; measure: string } {
  switch (dataset) {
    case "funding": {
      const valid = (rows as { time: string; interest_8h: number }[]).filter((r) => isNumber(r.interest_8h));
      const daily = valid.every((r) => r.time.slice(11, 19) === "00:00:00");
      return {
        measure: daily ? "daily mean 8-hour funding rate" : "8-hour funding rate",
        points: valid.map((r) => ({ day: r.time.slice(0, 10), value: r.interest_8h * 100 }))
      };
    }
    case "options-skew": {
      const valid = (rows as { date: string; tenor_days: number; rr25: number }[]).filter((r) => isNumber(r.rr25));
      const shortest = Math.min(...valid.map((r) => r.tenor_days));
      return { measure: `RR25 at constant ${shortest}-day maturity`, points: valid.filter((r) => r.tenor_days === shortest).map((r) => ({ day: r.date, value: r.rr25 })) };
    }
    case "mining":
      return {
        measure: "hashprice",
        points: (rows as { date: string; hashprice_usd_per_ph_day: number | null }[])
          .filter((r) => isNumber(r.hashprice_usd_per_ph_day))
          .map((r) => ({ day: r.date, value: r.hashprice_usd_per_ph_day as number }))
      };
  }
}

/**
 * The bucket's market value over the span its reported reading covers, as the source dates it:
 * the day's last value for a dated reading; for a reading dated only to a week, the week's lowest
 * value (funding, risk reversal and hashprice readings at the crash are lows on the fear side).
 * A reading with no printed date gets no computed value, and says why.
 */
export function computedBeside(bucket: ScorecardBucket, claim: Pick<CitedClaim, "asOf" | "period"> | null, rows: readonly unknown[]): ComputedReading | ComputedSkip | null {
  if (!bucket.marketDataset || rows.length === 0 || !claim) return null;
  const dating = claimDating(claim);
  if (dating.kind === "undated") return { skipped: "The article prints no date for this reading, so no computed value is set beside it." };
  if (dating.kind === "month") return { skipped: `The article dates this reading only to ${dating.month}, so no computed value is set beside it.` };
  const { points, measure } = marketPoints(bucket.marketDataset, rows);
  const point = (value: number): Reading => ({ value, low: null, high: null });
  if (dating.kind === "day") {
    const last = points.filter((p) => p.day === dating.day).at(-1);
    return last ? { reading: point(last.value), description: `${measure} on ${dating.day}`, dataset: bucket.marketDataset } : null;
  }
  const inWeek = points.filter((p) => p.day >= dating.start && p.day <= dating.end);
  if (inWeek.length === 0) return null;
  const lowest = inWeek.reduce((low, p) => (p.value < low.value ? p : low));
  return { reading: point(lowest.value), description: `lowest ${measure} over ${weekLabel(dating)}, on ${lowest.day}`, dataset: bucket.marketDataset };
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

/** The bucket readings a threshold row would score: same bucket, same convention. */
function scoredReadings(bucket: BucketId, convention: SkewConvention | null): BucketReading[] {
  return SCORECARD_BUCKETS.find((b) => b.id === bucket)!.readings.filter((reading) => reading.convention === convention);
}

/**
 * Validates threshold rows (CSV records as strings) against the ledger and the articles, and
 * refuses a circular one: a threshold cites a claim other than the reading it scores, with a
 * value other than that reading's, in the same convention (never converted); a threshold with no
 * claim is a sign boundary, 0. Its quote must be in the article of the reading it scores.
 * `quoteFound(sourceId, quote)` says whether a source's article contains the words.
 * Throws with the row named. The `note` column is for the writer and is not kept.
 */
export function parseThresholds(
  records: readonly Record<string, string | undefined>[],
  claims: readonly CitedClaim[],
  quoteFound: (sourceId: string, quote: string) => boolean,
  file = "data/scorecard-thresholds.csv"
): ScorecardThreshold[] {
  return records.map((record, i) => {
    const where = `${file}:${i + 2}`;
    const bucket = record.bucket ?? "";
    const status = record.status ?? "";
    const operator = record.operator ?? "";
    const convention = record.convention?.trim() || null;
    const quote = record.quote?.trim() ?? "";
    const value = Number(record.value);
    if (!(BUCKET_IDS as readonly string[]).includes(bucket)) throw new Error(`${where}: bucket "${bucket}" is not one of ${BUCKET_IDS.join(", ")}`);
    if (status !== "bearish" && status !== "bullish") throw new Error(`${where}: status must be bearish or bullish, not "${status}"`);
    if (!(OPERATORS as readonly string[]).includes(operator)) throw new Error(`${where}: operator must be one of ${OPERATORS.join(" ")}`);
    if (convention !== null && !isSkewConvention(convention)) throw new Error(`${where}: convention "${convention}" is not a skew convention`);
    if (record.value === undefined || record.value.trim() === "" || !Number.isFinite(value)) throw new Error(`${where}: value "${record.value}" is not a number`);
    if (!quote) throw new Error(`${where}: quote is empty; copy the source's words that state the line`);
    const scored = scoredReadings(bucket as BucketId, convention);
    if (scored.length === 0) throw new Error(`${where}: bucket "${bucket}" has no reading in convention ${convention ?? "(none)"} for this line to score`);
    const scoredClaims = scored.flatMap(readingClaimIds).map((id) => claims.find((c) => c.id === id)).filter((c): c is CitedClaim => !!c);
    const claimId = record.claim_id?.trim() || null;
    if (claimId) {
      const claim = claims.find((c) => c.id === claimId);
      if (!claim) throw new Error(`${where}: claim "${claimId}" is not in data/claims.csv`);
      if (scoredClaims.some((c) => c.id === claimId)) throw new Error(`${where}: claim "${claimId}" is the reading this line scores; a threshold must come from another figure`);
      if ((claim.convention ?? null) !== convention) throw new Error(`${where}: claim "${claimId}" is quoted in ${claim.convention ?? "no skew convention"}, the line in ${convention ?? "none"}; a threshold keeps its source's convention`);
      const figures = [claim.value, claim.low, claim.high].filter(isNumber);
      if (!figures.includes(value)) throw new Error(`${where}: value ${value} is not a figure of claim "${claimId}" (${figures.join(", ")})`);
      const readingFigures = scoredClaims.flatMap((c) => [c.value, c.low, c.high]).filter(isNumber);
      if (readingFigures.includes(value)) throw new Error(`${where}: value ${value} equals a figure of the reading it scores`);
    } else if (value !== 0) {
      throw new Error(`${where}: a line without a claim must be a sign boundary (0) the source states; cite the claim that prints ${value}`);
    }
    const sources = [...new Set(scoredClaims.map((c) => c.sourceId))];
    if (!sources.some((sourceId) => quoteFound(sourceId, quote))) throw new Error(`${where}: quote "${quote}" is not in the article of the reading it scores (${sources.join(", ")})`);
    return { bucket: bucket as BucketId, convention, status, operator: operator as Operator, value, unit: record.unit ?? "", claimId, quote };
  });
}

// Which signals turned: each bucket's reading at the crash beside what later evidence shows,
// computed from the committed public series and taken from the undated follow-up at the end of
// the AMBCrypto page.

/** Later evidence counts from the day after the Feb 6 low. */
export const AFTER_CRASH = "2026-02-07";

export const TURN_VERDICTS = ["turned", "did not turn", "not measurable here"] as const;
export type TurnVerdict = (typeof TURN_VERDICTS)[number];

/** Days of positive funding in a row, at the end of the series, that count as "staying positive". */
export const FUNDING_TURN_DAYS = 3;

/** Days averaged on each side of the difficulty adjustment, and at the end of the series. */
export const MINING_WINDOW_DAYS = 7;

export interface TurnEvidence {
  kind: "computed" | "reported";
  /**
   * One or two sentences. Reported figures are `{claim-id}` placeholders and words the source
   * printed without a figure are in “quotes”; computed numbers come from the series.
   */
  text: string;
  /** Who measured or reported it, in words. */
  source: string;
}

export interface SignalTurn {
  bucket: BucketId;
  title: string;
  /** The readings at the crash: ledger figures, each with what it is. */
  atCrash: { claimId: string; label: string }[];
  evidence: TurnEvidence[];
  verdict: TurnVerdict;
  /** Why that verdict: the table's condition against the evidence. `{claim-id}` placeholders allowed. */
  because: string;
}

export interface SignalTurnInputs {
  /** Daily mean of the 8-hour funding rates, a fraction per 8 hours. */
  funding: readonly { date: string; rate: number }[];
  /** Deribit DVOL and 7-day realized volatility at each day's last hour, vol points. */
  volatility: readonly { date: string; dvol: number | null; realized_7d: number | null }[];
  /** Daily hashprice (USD per PH/s per day) and hash rate (EH/s). */
  mining: readonly { date: string; hashprice: number | null; hashrate_ehs: number | null }[];
  /** Difficulty adjustments: the day each step starts and its size in %. */
  adjustments: readonly { time: string; change_pct: number }[];
  /** Daily BTC candles (UTC days). */
  price: readonly { date: string; high: number; close: number }[];
  /** Coins sent to exchanges minus coins withdrawn, BTC per day (positive = net deposits). */
  exchangeNetFlow: readonly { date: string; net_btc: number | null }[];
  /** One fund's daily net flow, estimated from its shares outstanding, USD. */
  etfFlowEstimate: readonly { date: string; flow_usd: number | null }[];
  /** The level the table's bullish cases ask the price to hold (a ledger figure). */
  holdLevel: { claimId: string; value: number };
  /** The follow-up's rally high (a ledger figure), to place the follow-up after the series. */
  followUpHigh: { claimId: string; value: number };
}

export interface SignalTurns {
  /** The first and last day of later evidence the series hold. */
  from: string;
  to: string;
  /** What the price did after the crash, against the level the table asks it to hold. */
  price: TurnEvidence;
  lines: SignalTurn[];
}

const SOURCES = {
  price: "computed from Yahoo Finance BTC-USD daily candles",
  funding: "computed from a public daily funding series (mean of one venue's 8-hour rates; the venue is not named per file)",
  volatility: "computed from Deribit DVOL and Yahoo Finance BTC-USD hourly prices",
  mining: "computed from Coin Metrics daily network data and a public daily difficulty series",
  exchanges: "computed from Coin Metrics exchange inflows and outflows",
  etf: "an estimate for one fund, IBIT, from iShares shares-outstanding data, summed here",
  followUp: FOLLOW_UP.credit
} as const;

const after = <T extends { date: string }>(rows: readonly T[], from = AFTER_CRASH) => [...rows].filter((r) => r.date >= from).sort((a, b) => a.date.localeCompare(b.date));
const mean = (xs: readonly number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
const round = (x: number, digits: number) => Number(x.toFixed(digits)) || 0;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const span = (rows: readonly { date: string }[]) => `from ${shortUtcDay(rows[0]!.date)} to ${shortUtcDay(rows.at(-1)!.date)}`;
const dayList = (days: readonly string[]) => days.map((day) => shortUtcDay(day)).join(", ");

function priceEvidence({ price, holdLevel, followUpHigh }: SignalTurnInputs): { evidence: TurnEvidence; closesAbove: number; days: number } | null {
  const days = after(price);
  if (days.length === 0) return null;
  const closesAbove = days.filter((d) => d.close > holdLevel.value).length;
  const top = days.reduce((best, d) => (d.high > best.high ? d : best));
  const reached = top.high >= followUpHigh.value;
  const text =
    `BTC closed above {${holdLevel.claimId}} on ${closesAbove} of ${plural(days.length, "day")} ${span(days)}; its highest price after the crash was ${formatInUnit(Math.round(top.high), "usd")}, on ${shortUtcDay(top.date)}.` +
    (reached ? "" : ` The follow-up's rally to about {${followUpHigh.claimId}} is not in these series, so it came after ${shortUtcDay(days.at(-1)!.date)}.`);
  return { evidence: { kind: "computed", text, source: SOURCES.price }, closesAbove, days: days.length };
}

function fundingTurn(inputs: SignalTurnInputs): SignalTurn {
  const days = after(inputs.funding);
  const base = {
    bucket: "funding" as const,
    title: "Perpetual funding",
    atCrash: [{ claimId: "btc-funding-rate-2026-02-05", label: "funding regime" }]
  };
  if (days.length === 0) {
    return { ...base, evidence: [], verdict: "not measurable here", because: "No funding series after the crash is committed here." };
  }
  const negative = days.filter((d) => d.rate < 0);
  const positive = days.filter((d) => d.rate > 0);
  const positiveText = positive.length === 0 ? "on none" : positive.length <= 3 ? `on ${dayList(positive.map((d) => d.date))} only` : `on ${positive.length}`;
  const text = `The daily mean funding rate was below zero on ${negative.length} of the ${plural(days.length, "day")} ${span(days)}, when the series ends, and above zero ${positiveText}.`;
  const tail = days.slice(-FUNDING_TURN_DAYS);
  const turned = tail.length === FUNDING_TURN_DAYS && tail.every((d) => d.rate > 0);
  return {
    ...base,
    evidence: [{ kind: "computed", text, source: SOURCES.funding }],
    verdict: turned ? "turned" : "did not turn",
    because: turned
      ? `Funding was positive on each of the last ${FUNDING_TURN_DAYS} days the series holds, as the table's bullish case asks.`
      : `The table asks for funding to turn positive and stay there; it was not positive on each of the last ${FUNDING_TURN_DAYS} days the series holds. After ${shortUtcDay(days.at(-1)!.date)} it is not measurable here.`
  };
}

function skewTurn(inputs: SignalTurnInputs): SignalTurn {
  const evidence: TurnEvidence[] = [
    {
      kind: "reported",
      text: "Options: {btc-followup-implied-vs-realized-volatility}.",
      source: SOURCES.followUp
    }
  ];
  const days = after(inputs.volatility).filter((d) => d.dvol !== null && d.realized_7d !== null);
  if (days.length > 0) {
    const above = days.filter((d) => d.dvol! > d.realized_7d!).length;
    const last = days.at(-1)!;
    evidence.push({
      kind: "computed",
      text: `Deribit's DVOL (30-day implied volatility) was above the 7-day realized volatility of the hourly price on ${above} of ${plural(days.length, "day")} ${span(days)}; on ${shortUtcDay(last.date)} it read ${last.dvol!.toFixed(1)} against ${last.realized_7d!.toFixed(1)} realized (vol points). Implied above realized is not the skew, which no series here holds after the crash.`,
      source: SOURCES.volatility
    });
  }
  return {
    bucket: "skew",
    title: "Options skew",
    atCrash: [
      { claimId: "btc-risk-reversal-2026-02-05", label: "25-delta risk reversal, call minus put" },
      { claimId: "btc-skew-2026-02-06-rally-71k", label: "options skew, put minus call" }
    ],
    evidence,
    verdict: "did not turn",
    because: "The table asks for the skew to climb back toward zero and hold; the follow-up, written after these series end, reports the tilt toward puts persisting."
  };
}

function openInterestTurn(): SignalTurn {
  return {
    bucket: "open-interest",
    title: "Futures open interest",
    atCrash: [
      { claimId: "btc-open-interest-prior-week-framework-translation", label: "open interest" },
      { claimId: "btc-open-interest-2026-02-05-framework-translation", label: "then" }
    ],
    evidence: [{ kind: "reported", text: "A futures long liquidation event cleared {btc-followup-long-liquidations} of leverage after the rally; the summary gives no open interest.", source: SOURCES.followUp }],
    verdict: "not measurable here",
    because: "No open-interest series after the crash is committed here, and the follow-up prints no open-interest figure."
  };
}

function etfTurn(inputs: SignalTurnInputs): SignalTurn {
  const evidence: TurnEvidence[] = [];
  const fund = after(inputs.etfFlowEstimate).filter((d) => d.flow_usd !== null);
  if (fund.length > 0) {
    const total = fund.reduce((sum, d) => sum + d.flow_usd!, 0);
    const inflows = fund.filter((d) => d.flow_usd! > 0).length;
    const lastFive = fund.slice(-5).reduce((sum, d) => sum + d.flow_usd!, 0);
    const usd = (x: number) => formatInUnit(round(x / 1e6, 1), "usd_mn");
    evidence.push({
      kind: "computed",
      text: `IBIT alone, estimated: net ${usd(total)} over ${plural(fund.length, "trading day")} ${span(fund)}, with inflows on ${inflows} of them; the last five of those days netted ${usd(lastFive)}.`,
      source: SOURCES.etf
    });
  }
  const exchanges = after(inputs.exchangeNetFlow).filter((d) => d.net_btc !== null);
  if (exchanges.length > 0) {
    const net = exchanges.reduce((sum, d) => sum + d.net_btc!, 0);
    const depositDays = exchanges.filter((d) => d.net_btc! > 0).length;
    evidence.push({
      kind: "computed",
      text: `Coins sent to exchanges minus coins withdrawn: net ${net < 0 ? "withdrawals" : "deposits"} of ${formatInUnit(Math.round(Math.abs(net)), "btc")} ${span(exchanges)}, with deposits ahead on ${depositDays} of ${plural(exchanges.length, "day")}. A different measure from ETF flows.`,
      source: SOURCES.exchanges
    });
  }
  evidence.push({
    kind: "reported",
    text: "The rally stalled at US spot ETF holders' average cost of about {btc-followup-etf-cost-basis}, “leaving the average ETF holder underwater again”, and spot market flows turned {btc-followup-spot-flows}.",
    source: SOURCES.followUp
  });
  return {
    bucket: "etf-flows",
    title: "Spot ETF net flows",
    atCrash: [
      { claimId: "btc-etf-flow-2026-02-05", label: "net flow" },
      { claimId: "btc-etf-flow-month-to-date-2026-02-05", label: "February to date" }
    ],
    evidence,
    verdict: "not measurable here",
    because: "The table tracks flows of all US spot Bitcoin ETFs; no such series after Feb 5 is committed here, and the IBIT figures are an estimate for one fund."
  };
}

function realizedLossTurn(): SignalTurn {
  return {
    bucket: "realized-loss",
    title: "Realized loss",
    atCrash: [{ claimId: "btc-realized-loss-7d-sma-glassnode", label: "7-day average per day" }],
    evidence: [
      {
        kind: "reported",
        text: "Realized losses reached {btc-followup-realized-loss} a day, {btc-followup-realized-loss-lth} of it from long-term holders; the summary says they “surged”. Short-term holders' cost basis fell {btc-followup-sth-cost-basis}, for the first time since early 2022.",
        source: SOURCES.followUp
      }
    ],
    verdict: "did not turn",
    because: "The table asks for losses to peak and then trend down while the price holds; the follow-up reports them surging. No realized-loss series is committed here."
  };
}

function miningTurn(inputs: SignalTurnInputs, price: { closesAbove: number; days: number } | null): SignalTurn {
  const base = {
    bucket: "hashprice" as const,
    title: "Hashprice and difficulty",
    atCrash: [
      { claimId: "btc-hashprice-2026-02-05", label: "hashprice, expected" },
      { claimId: "btc-difficulty-change-expected-2026-02-05", label: "difficulty at the next adjustment, expected" }
    ]
  };
  const adjustment = inputs.adjustments.find((a) => a.time.slice(0, 10) > "2026-02-05");
  const days = [...inputs.mining].filter((d) => d.hashprice !== null && d.hashrate_ehs !== null).sort((a, b) => a.date.localeCompare(b.date));
  if (!adjustment || days.length === 0) {
    return { ...base, evidence: [], verdict: "not measurable here", because: "No difficulty adjustment after the report is in the committed series." };
  }
  const cut = adjustment.time.slice(0, 10);
  const before = days.filter((d) => d.date < cut).slice(-MINING_WINDOW_DAYS);
  const lastWeek = days.slice(-MINING_WINDOW_DAYS);
  const usd = (rows: typeof days) => formatInUnit(round(mean(rows.map((d) => d.hashprice!)), 1), "usd_per_ph_day");
  const ehs = (rows: typeof days) => Math.round(mean(rows.map((d) => d.hashrate_ehs!)));
  const evidence: TurnEvidence[] = [
    {
      kind: "computed",
      text:
        `Difficulty fell ${round(Math.abs(adjustment.change_pct), 1)}% at the adjustment that began on ${shortUtcDay(cut)}. ` +
        `Hashprice averaged ${usd(before)} in the ${MINING_WINDOW_DAYS} days before it and ${usd(lastWeek)} in the last ${MINING_WINDOW_DAYS} days of the series (to ${shortUtcDay(lastWeek.at(-1)!.date)}); ` +
        `hash rate averaged ${ehs(before)} and ${ehs(lastWeek)} EH/s over the same days.`,
      source: SOURCES.mining
    }
  ];
  const hashpriceHeld = mean(lastWeek.map((d) => d.hashprice!)) >= mean(before.map((d) => d.hashprice!));
  const priceHeld = price !== null && price.closesAbove * 2 > price.days;
  const turned = hashpriceHeld && priceHeld;
  const failed = [
    ...(priceHeld ? [] : [`BTC closed above {btc-resistance-70k-2026-02-06} on ${price?.closesAbove ?? 0} of ${price?.days ?? 0} days`]),
    ...(hashpriceHeld ? [] : ["hashprice in the last week of the series was below the week before the cut"])
  ];
  return {
    ...base,
    evidence,
    verdict: turned ? "turned" : "did not turn",
    because: turned
      ? "The relief came and held: hashprice at the end of the series was at or above the week before the cut, while BTC closed above {btc-resistance-70k-2026-02-06} on most days."
      : `The relief came, but the table wants it while BTC stays above {btc-resistance-70k-2026-02-06}: ${failed.join(", and ")}.`
  };
}

/** Each bucket's reading at the crash beside what the committed series and the follow-up show later. */
export function signalTurns(inputs: SignalTurnInputs): SignalTurns {
  const price = priceEvidence(inputs);
  const lines = [
    fundingTurn(inputs),
    skewTurn(inputs),
    openInterestTurn(),
    etfTurn(inputs),
    realizedLossTurn(),
    miningTurn(inputs, price && { closesAbove: price.closesAbove, days: price.days })
  ];
  const lastDays = [inputs.funding, inputs.volatility, inputs.mining, inputs.price, inputs.exchangeNetFlow, inputs.etfFlowEstimate].flatMap((rows) => rows.map((r) => r.date)).filter((d) => d >= AFTER_CRASH);
  return {
    from: AFTER_CRASH,
    to: lastDays.sort().at(-1) ?? AFTER_CRASH,
    price: price?.evidence ?? { kind: "computed", text: "No price series after the crash is committed here.", source: SOURCES.price },
    lines
  };
}
