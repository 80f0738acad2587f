// The shapes the ledger loaders emit and the pages and components consume.
// Column meanings are documented in docs/data.md.

export interface Source {
  id: string;
  /** Seed article file name under ../shared/seeds, used to verify quotes. */
  file: string;
  outlet: string;
  headline: string;
  /** Published date exactly as printed, with time and zone when given. */
  published: string;
  url: string | null;
  /** Parties the article attributes data to. */
  attributedParties: string[];
  /** Anything a reader needs about the article itself (e.g. two dates). */
  note: string | null;
  /** 1-based line in data/sources.csv. */
  line: number;
}

export interface Claim {
  id: string;
  topic: string;
  metric: string;
  /** Asset the figure describes (BTC, ETH, SP500 ...), or null. */
  asset: string | null;
  /** long or short, for liquidations and positions. */
  side: "long" | "short" | null;
  value: number | null;
  low: number | null;
  high: number | null;
  unit: string;
  /** ISO date or date-time; null for undated follow-up figures. */
  asOf: string | null;
  period: string | null;
  /** Skew sign convention (rr25 or put_minus_call) for skew figures. */
  convention: string | null;
  tenorDays: number | null;
  sourceId: string;
  attributedTo: string | null;
  quote: string;
  note: string | null;
  /** ISO date of the options expiry the figure refers to, if any. */
  expiry: string | null;
  /** 1-based line in data/claims.csv, so a reader can find the row. */
  line: number;
}

/** A claim with its source attached, as emitted by src/data/claims.json.ts. */
export interface CitedClaim extends Claim {
  source: Source;
}

/** Claims that describe the same quantity differently, and why. */
export interface Conflict {
  id: string;
  title: string;
  /** One of CONFLICT_KINDS in ./vocabulary.ts. */
  kind: string;
  claimIds: string[];
  /** The reconciliation: why the member figures differ. */
  note: string;
  /** 1-based line in data/conflicts.csv. */
  line: number;
}

export interface Ledger {
  claims: CitedClaim[];
  sources: Source[];
  conflicts: Conflict[];
}
