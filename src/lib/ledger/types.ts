// The shapes the ledger loaders emit and the pages and components consume.
// Column meanings are documented in docs/data.md.
import type { ReadingKind } from "./vocabulary.ts";

/** One copy of a piece of writing, in one seed file. */
export interface SourceCopy {
  id: string;
  sourceId: string;
  /** Seed file name under ../shared/seeds. */
  file: string;
  /** Outlet that published this copy, as printed; null when none is printed. */
  outlet: string | null;
  /** Byline, as printed; null when none. */
  author: string | null;
  /** Date as printed on this copy, with time and zone when given; null when none. */
  published: string | null;
  /** The site whose page carries this copy (e.g. a syndication partner); null when it is the outlet's own page. */
  carriedBy: string | null;
  /** Verbatim phrases that open and close the part of the page this piece wrote. */
  start: string;
  end: string;
  /** 1-based line in data/copies.csv. */
  line: number;
}

/** One piece of writing, which may be printed more than once (its copies). */
export interface Source {
  id: string;
  /** The outlet as a reader would name it: as printed, or "an unnamed outlet". */
  outlet: string;
  /** Byline of the piece when one is printed and all copies share it. */
  author: string | null;
  headline: string;
  /** The date the piece carries, as printed; "" when none is printed. */
  published: string;
  url: string | null;
  /** Parties the piece attributes data to. */
  attributedParties: string[];
  /** A sentence for readers about the piece itself (translation, syndication, two datelines). */
  note: string | null;
  /** Where the piece is printed, in copies.csv order; at least one. */
  copies: SourceCopy[];
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
  /** What kind of statement the figure is; see READING_KINDS. */
  kind: ReadingKind;
  value: number | null;
  low: number | null;
  high: number | null;
  /** The words of a qualitative reading (kind "label"), e.g. "extremely bearish"; else null. */
  label: string | null;
  /** One of UNITS; "" for a qualitative label. */
  unit: string;
  /**
   * When the figure was true, as the source dates it: ISO date, month (2025-10), week (2026-W06)
   * or date-time with zone; null when the source prints no date.
   */
  asOf: string | null;
  /** Span the figure covers (see PERIODS); null when it covers none. */
  period: string | null;
  /** Skew sign convention (rr25 or put_minus_call) for skew figures. */
  convention: string | null;
  tenorDays: number | null;
  sourceId: string;
  attributedTo: string | null;
  quote: string;
  /** The ledger's working note: for the ledger and its editors, never rendered on a page. */
  note: string | null;
  /** ISO date of the options expiry the figure refers to, if any. */
  expiry: string | null;
  /** 1-based line in data/claims.csv, so a reader can find the row. */
  line: number;
}

/** A claim with its source attached, as emitted by src/data/claims.json.ts. */
export interface CitedClaim extends Claim {
  source: Source;
  /** Ids of the source's copies whose span holds the quote (all copies when the articles are absent). */
  copyIds: string[];
}

/** Claims that describe the same quantity differently, and why. */
export interface Conflict {
  id: string;
  title: string;
  /** One of CONFLICT_KINDS in ./vocabulary.ts. */
  kind: string;
  claimIds: string[];
  /** The explanation shown to readers: why the member figures differ. */
  note: string;
  /** 1-based line in data/conflicts.csv. */
  line: number;
}

export interface Ledger {
  claims: CitedClaim[];
  sources: Source[];
  conflicts: Conflict[];
}
