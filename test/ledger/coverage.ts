// Which numbers printed in a source's own text the ledger accounts for. Expectations come from
// the articles and the ledger: a number is accounted for when it is the figure of a row (at the
// place that row quotes), a date, duration or name by its form, a figure another copy of the same
// piece shares, or inside a phrase listed with the reason it is not a row.
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkFigures, printedNumbers, type PrintedNumber } from "../../src/lib/ledger/figures.ts";
import { normaliseForQuote } from "../../src/lib/ledger/quotes.ts";
import type { CitedClaim, Source, SourceCopy } from "../../src/lib/ledger/types.ts";

/** The normalised text of the part of a copy's page its source wrote. */
export function spanText(copy: SourceCopy, seedsDir: string): string {
  const text = normaliseForQuote(readFileSync(path.join(seedsDir, copy.file), "utf8"));
  const from = text.indexOf(normaliseForQuote(copy.start));
  const end = normaliseForQuote(copy.end);
  return text.slice(from, text.indexOf(end, from) + end.length);
}

const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$/i;

/** Dates, durations and names, told from their form: not figures about the market. */
export function isCalendarOrName(text: string, number: PrintedNumber): boolean {
  if (number.form === "ordinal" || number.form === "duration" || number.form === "other") return true;
  if (number.form !== "plain") return false;
  const printed = text.slice(number.start, number.end);
  const before = text.slice(0, number.start).trimEnd().split(" ").at(-1) ?? "";
  // "Feb 6", "November 21, 2025", "Week 05"; a year is four plain digits.
  return MONTH.test(before) || /^week$/i.test(before) || (/^\d{4}$/.test(printed) && number.magnitude >= 1990 && number.magnitude <= 2100);
}

const amountKey = (number: PrintedNumber) => `${number.form} ${number.sign ?? ""}${number.magnitude}`;

/** Every occurrence of `needle` in `text`. */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at >= 0 && needle !== ""; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** A number printed in a copy's span and what accounts for it. */
export interface PrintedPlace {
  copy: string;
  /** The number as printed, and the words around it. */
  printed: string;
  context: string;
  /** Rows whose figure is printed here (their quote, at this place). */
  rows: string[];
  /** A date, duration or name by its form. */
  calendar: boolean;
  /** The same amount in the same notation is the figure of a row quoting another copy of the piece. */
  shared: boolean;
  /** Inside a phrase listed as not a row. */
  listed: boolean;
}

export type UnaccountedNumber = Pick<PrintedPlace, "copy" | "printed" | "context">;

/** Every number in the source's spans, with what accounts for it. `listed` maps a phrase to the reason its numbers are not rows. */
export function printedPlaces(source: Source, claims: readonly CitedClaim[], listed: Readonly<Record<string, string>>, seedsDir: string): PrintedPlace[] {
  const own = claims.filter((claim) => claim.sourceId === source.id);
  const figuresOf = (claim: CitedClaim) => checkFigures(claim).matches.map((match) => match.number);
  return source.copies.flatMap((copy) => {
    const text = spanText(copy, seedsDir);
    const rowsAt = new Map<number, string[]>();
    for (const claim of own.filter((c) => c.copyIds.includes(copy.id))) {
      for (const at of occurrences(text, normaliseForQuote(claim.quote))) {
        for (const number of figuresOf(claim)) rowsAt.set(at + number.start, [...(rowsAt.get(at + number.start) ?? []), claim.id]);
      }
    }
    // A figure the copies share is one row: another copy's row stands for it here.
    const shared = new Set(own.filter((c) => !c.copyIds.includes(copy.id)).flatMap(figuresOf).map(amountKey));
    const listedRanges = Object.keys(listed).flatMap((phrase) => occurrences(text, normaliseForQuote(phrase)).map((at) => [at, at + normaliseForQuote(phrase).length] as const));
    return printedNumbers(text).map((number) => ({
      copy: copy.id,
      printed: text.slice(number.start, number.end),
      context: text.slice(Math.max(0, number.start - 40), number.end + 20),
      rows: [...new Set(rowsAt.get(number.start) ?? [])],
      calendar: isCalendarOrName(text, number),
      shared: shared.has(amountKey(number)),
      listed: listedRanges.some(([from, to]) => number.start >= from && number.end <= to),
    }));
  });
}

/** Numbers that no row, form rule, shared copy or listed phrase accounts for. */
export function unaccountedNumbers(source: Source, claims: readonly CitedClaim[], listed: Readonly<Record<string, string>>, seedsDir: string): UnaccountedNumber[] {
  return printedPlaces(source, claims, listed, seedsDir)
    .filter((place) => place.rows.length === 0 && !place.calendar && !place.shared && !place.listed)
    .map(({ copy, printed, context }) => ({ copy, printed, context }));
}

/** Listed phrases that are not in any of the source's spans (a stale or mistyped entry). */
export function phrasesNotPrinted(source: Source, listed: Readonly<Record<string, string>>, seedsDir: string): string[] {
  const spans = source.copies.map((copy) => spanText(copy, seedsDir));
  return Object.keys(listed).filter((phrase) => !spans.some((text) => text.includes(normaliseForQuote(phrase))));
}
