// Check that every claim's quote occurs in the part of a seed page its source wrote.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { LedgerIssue } from "./errors.ts";
import type { Ledger, SourceCopy } from "./types.ts";
import { CLAIM_COLUMNS, COPY_COLUMNS } from "./vocabulary.ts";

const FOLDS: [RegExp, string][] = [
  [/[\u2018\u2019\u201A\u201B\u2032]/, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033]/, '"'],
  [/[\u2010-\u2015\u2212]/, "-"],
  [/\u2026/, "..."],
];

/** Text normalised for matching, with the offset in the original text of each character. */
export interface NormalisedText {
  text: string;
  origin: number[];
}

/**
 * Normalise text for quote matching: typographic quotes, apostrophes and dashes become
 * ASCII, the ellipsis becomes "...", and runs of whitespace one space; leading and
 * trailing whitespace is dropped. `origin` maps each output character back to the input.
 */
export function normaliseWithOrigin(raw: string): NormalisedText {
  let text = "";
  const origin: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i] as string;
    if (/\s/.test(char)) {
      if (text !== "" && !text.endsWith(" ")) {
        text += " ";
        origin.push(i);
      }
      continue;
    }
    const folded = FOLDS.find(([pattern]) => pattern.test(char))?.[1] ?? char;
    text += folded;
    for (let k = 0; k < folded.length; k++) origin.push(i);
  }
  if (text.endsWith(" ")) {
    text = text.slice(0, -1);
    origin.pop();
  }
  return { text, origin };
}

export function normaliseForQuote(text: string): string {
  return normaliseWithOrigin(text).text;
}

/** A seed file, normalised, able to say where an offset sits as file:line:column. */
class SeedText {
  readonly normalised: NormalisedText;
  private readonly lineStarts: number[];

  constructor(readonly file: string, raw: string) {
    this.normalised = normaliseWithOrigin(raw);
    this.lineStarts = [0];
    for (let i = 0; i < raw.length; i++) if (raw[i] === "\n") this.lineStarts.push(i + 1);
  }

  /** "004_x.txt:101:12" for an offset in the normalised text. */
  where(offset: number): string {
    const raw = this.normalised.origin[Math.min(offset, this.normalised.origin.length - 1)] ?? 0;
    let line = 0;
    while (line + 1 < this.lineStarts.length && (this.lineStarts[line + 1] as number) <= raw) line++;
    return `${this.file}:${line + 1}:${raw - (this.lineStarts[line] as number) + 1}`;
  }
}

interface CopySpan {
  copy: SourceCopy;
  seed: SeedText;
  /** Normalised offsets: the span is text.slice(from, to). */
  from: number;
  to: number;
}

export interface QuoteCheckFiles {
  claimsFile: string;
  copiesFile: string;
  seedsDir: string;
}

/**
 * Find each copy's span from its start and end phrases, then each claim's quote in the spans of
 * its source's copies. A quote found only outside every span (a related-reads list, a host
 * page's boilerplate) is reported with its position in the seed file; a quote printed twice in one
 * span does not name its place; and a claim's copies must be exactly the copies that print its quote.
 */
export function findQuoteIssues(ledger: Ledger, { claimsFile, copiesFile, seedsDir }: QuoteCheckFiles): LedgerIssue[] {
  const issues: LedgerIssue[] = [];
  const copyIssue = (copy: SourceCopy, column: (typeof COPY_COLUMNS)[number], message: string) =>
    issues.push({ file: copiesFile, line: copy.line, column: COPY_COLUMNS.indexOf(column) + 1, message });

  const seeds = new Map<string, SeedText | null>();
  const seedOf = (file: string): SeedText | null => {
    if (!seeds.has(file)) {
      const full = path.join(seedsDir, file);
      seeds.set(file, existsSync(full) ? new SeedText(file, readFileSync(full, "utf8")) : null);
    }
    return seeds.get(file) ?? null;
  };

  const spansBySource = new Map<string, CopySpan[]>();
  for (const source of ledger.sources) {
    const spans: CopySpan[] = [];
    for (const copy of source.copies) {
      const seed = seedOf(copy.file);
      if (!seed) {
        copyIssue(copy, "file", `file "${copy.file}" is not in ${seedsDir}; use the name of the article's .txt file there`);
        continue;
      }
      const span = locateSpan(copy, seed, copyIssue);
      if (span) spans.push(span);
    }
    spansBySource.set(source.id, spans);
  }

  for (const claim of ledger.claims) {
    const spans = spansBySource.get(claim.sourceId) ?? [];
    // A copy whose file or span is broken is reported above; its claims are not checked twice.
    if (spans.length < claim.source.copies.length) continue;
    const quote = normaliseForQuote(claim.quote);
    const holding = spans.filter(({ seed, from, to }) => seed.normalised.text.slice(from, to).includes(quote));
    for (const span of holding) {
      const places = occurrences(span.seed.normalised.text.slice(span.from, span.to), quote).map((at) => span.seed.where(span.from + at));
      if (places.length > 1) {
        issues.push({
          file: claimsFile,
          line: claim.line,
          column: CLAIM_COLUMNS.indexOf("quote") + 1,
          message: `quote "${claim.quote}" occurs ${places.length} times in the part of the page copy ${span.copy.id} prints (${places.join(" and ")}); lengthen it so it names one place`,
        });
      }
    }
    if (holding.length > 0) {
      const printing = holding.map(({ copy }) => copy.id);
      const all = claim.source.copies.map((copy) => copy.id);
      const listed = printing.length === all.length ? "" : printing.join("; ");
      if (printing.join("; ") !== claim.copyIds.join("; ")) {
        issues.push({
          file: claimsFile,
          line: claim.line,
          column: CLAIM_COLUMNS.indexOf("copies") + 1,
          message: `the quote is printed in ${printing.join(", ")}, not in ${claim.copyIds.filter((id) => !printing.includes(id)).join(", ") || "what copies lists"}; ${listed ? `write copies "${listed}"` : "leave copies empty (every copy prints it)"}`,
        });
      }
      continue;
    }
    const files = [...new Set(spans.map(({ seed }) => seed))];
    const outside = files.find((seed) => seed.normalised.text.includes(quote));
    const message = outside
      ? `quote "${claim.quote}" is at ${outside.where(outside.normalised.text.indexOf(quote))}, outside the part of the page source ${claim.sourceId} wrote (${spans
          .map(({ copy, seed, from, to }) => `copy ${copy.id}: ${seed.where(from)} to ${seed.where(to - 1).split(":").slice(1).join(":")}`)
          .join("; ")}); quote that source's own text, or give the row the source that wrote it`
      : `quote "${claim.quote}" is not in ${files.map((seed) => seed.file).join(" or ")} (source ${claim.sourceId}); copy a contiguous phrase of the article exactly`;
    issues.push({ file: claimsFile, line: claim.line, column: CLAIM_COLUMNS.indexOf("quote") + 1, message });
  }
  return issues;
}

function locateSpan(
  copy: SourceCopy,
  seed: SeedText,
  report: (copy: SourceCopy, column: "start" | "end", message: string) => void,
): CopySpan | null {
  const text = seed.normalised.text;
  const start = normaliseForQuote(copy.start);
  const end = normaliseForQuote(copy.end);
  const from = text.indexOf(start);
  if (from < 0) {
    report(copy, "start", `start phrase "${copy.start}" is not in ${seed.file}; copy the words that open the piece exactly`);
    return null;
  }
  const again = text.indexOf(start, from + 1);
  if (again >= 0) {
    report(copy, "start", `start phrase "${copy.start}" occurs more than once in ${seed.file} (${seed.where(from)} and ${seed.where(again)}); lengthen it so it names one place`);
    return null;
  }
  const endAt = text.indexOf(end, from);
  if (endAt < 0) {
    report(copy, "end", `end phrase "${copy.end}" is not in ${seed.file} after the start phrase (${seed.where(from)}); copy the words that close the piece exactly`);
    return null;
  }
  return { copy, seed, from, to: endAt + end.length };
}

/** Offsets of every occurrence of `needle` in `text`, overlapping ones included. */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}
