// Fixed vocabularies and column layouts of the ledger files under data/.
// Browser-safe: pages may import these to label and filter figures.
// Meanings are documented in docs/data.md; extend a list there and here together.

export { SKEW_CONVENTIONS } from "../skew.ts";

export const TOPICS = [
  "price",
  "derivatives",
  "options",
  "liquidations",
  "flows",
  "onchain",
  "mining",
  "macro",
  "altcoins",
  "sentiment",
  "positioning",
] as const;

export const UNITS = [
  "usd",
  "usd_bn",
  "usd_mn",
  "usd_tn",
  "btc",
  "pct",
  "pct_annualized",
  "vol_pts",
  "ratio",
  "usd_per_ph_day",
  "x_leverage",
  "index_points",
] as const;

export const SIDES = ["long", "short"] as const;

/**
 * What span of time a figure covers, relative to its as_of. Empty when the figure covers no span
 * (a reference level, or a projection with no horizon).
 */
export const PERIODS = [
  "point", // a reading at as_of
  "intraday", // within the as_of day
  "1d", // one trading session or calendar day ending at as_of
  "24h", // the 24 hours before as_of
  "5d",
  "7d",
  "week", // the ISO week given in as_of (Monday to Sunday)
  "3w", // the three weeks before as_of
  "30d",
  "month-to-date",
  "7d-sma", // 7-day simple moving average at as_of
  "prior-week", // the value about one week before the source's other reading
  "since-low", // move from the sell-off low up to as_of
  "since-ath", // distance from the all-time high at as_of
  "correction", // a price fall the source describes as one move
  "event", // one market event (e.g. the October 2025 crash)
  "next-adjustment", // until the next difficulty adjustment
  "to-expiry", // until the options expiry in the expiry column
] as const;

/**
 * What kind of statement a figure is. The shape of the number follows from the kind:
 * reading, low and high have a value; a bound has only low or only high; a range has both;
 * reference and scenario take any of the three; a label has text and no number.
 */
export const READING_KINDS = [
  "reading", // one observed number for its as_of and period (a level, a change, a total, an average)
  "low", // the lowest value over its period (an intraday low, the week's minimum)
  "high", // the highest value over its period
  "bound", // an observed reading printed only as more than (low) or less than (high) a level
  "range", // an observed band (low to high)
  "reference", // a yardstick the source uses: a threshold, a normal range, a support or resistance level
  "scenario", // a projection: an expected or conditional level or move, not a reading
  "label", // a qualitative reading in words (label column), no number
] as const;

export const CONFLICT_KINDS = [
  "rounding", // same reading, printed with different precision or venue
  "different_window", // same measure over different time windows
  "different_scope", // same measure over different markets, venues or units
  "different_convention", // same phenomenon under a different sign convention or construction
  "different_time", // same measure read at different moments
  "date_discrepancy", // the same text carries different dates
] as const;

export const CLAIM_COLUMNS = [
  "id",
  "topic",
  "metric",
  "asset",
  "side",
  "kind",
  "value",
  "low",
  "high",
  "label",
  "unit",
  "as_of",
  "period",
  "convention",
  "tenor_days",
  "source_id",
  "copies",
  "attributed_to",
  "quote",
  "note",
  "expiry",
] as const;

/** One row per piece of writing; its copies are in copies.csv. */
export const SOURCE_COLUMNS = [
  "id",
  "outlet",
  "author",
  "headline",
  "published",
  "url",
  "attributed_parties",
  "note",
] as const;

/** One row per copy of a piece in a seed file, with the span of the page that piece wrote. */
export const COPY_COLUMNS = [
  "id",
  "source_id",
  "file",
  "outlet",
  "author",
  "published",
  "carried_by",
  "start",
  "end",
  "note",
] as const;

export const CONFLICT_COLUMNS = ["id", "title", "kind", "claim_ids", "note"] as const;

/** data/scorecard-thresholds.csv: the scorecard's lines, which may cite a claim (read by src/lib/scorecard.ts). */
export const THRESHOLD_COLUMNS = ["bucket", "convention", "status", "operator", "value", "unit", "claim_id", "quote", "note"] as const;

/** Separator inside list-valued cells (attributed_parties, copies, attributed_to, claim_ids). */
export const LIST_SEPARATOR = "; ";

export type Topic = (typeof TOPICS)[number];
export type Unit = (typeof UNITS)[number];
export type Side = (typeof SIDES)[number];
export type Period = (typeof PERIODS)[number];
export type ReadingKind = (typeof READING_KINDS)[number];
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** Metrics that are skew readings and so must carry a convention. */
export function isSkewMetric(metric: string): boolean {
  return /skew|risk_reversal/.test(metric);
}
