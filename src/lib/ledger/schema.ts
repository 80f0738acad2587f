// zod schemas for one CSV row of each ledger file. Every message says what is
// wrong and how to fix it; the caller adds file:line:column from the issue path.
import { z } from "zod";
import type { Claim, Conflict, Source, SourceCopy } from "./types.ts";
import {
  CONFLICT_KINDS,
  LIST_SEPARATOR,
  PERIODS,
  READING_KINDS,
  SIDES,
  SKEW_CONVENTIONS,
  TOPICS,
  UNITS,
  isSkewMetric,
} from "./vocabulary.ts";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SNAKE = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;
const TICKER = /^[A-Z][A-Z0-9_]*$/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const WHOLE_NUMBER = /^[1-9]\d*$/;
const DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** A calendar date: YYYY-MM-DD, or YYYY-MM when the article gives only the month. */
export function isIsoDate(text: string, { allowMonth = false } = {}): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number | undefined];
  if (month < 1 || month > 12) return false;
  if (Number.isNaN(day)) return allowMonth;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const WEEK = /^(\d{4})-W(\d{2})$/;

/** An ISO 8601 week such as 2026-W06 (Monday 2026-02-02 to Sunday 2026-02-08). */
export function isIsoWeek(text: string): boolean {
  const match = WEEK.exec(text);
  if (!match) return false;
  const [year, week] = [Number(match[1]), Number(match[2])];
  // A year has 53 ISO weeks when Dec 28 falls in week 53.
  return week >= 1 && week <= isoWeeksInYear(year);
}

/** 53 when the year starts on a Thursday, or on a Wednesday in a leap year; else 52. */
function isoWeeksInYear(year: number): number {
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

/** as_of: an ISO date, ISO month, ISO week, or ISO date-time with a zone. */
export function isAsOf(text: string): boolean {
  const dateTime = DATE_TIME.exec(text);
  if (dateTime) return isIsoDate(dateTime[1] ?? "");
  return isIsoWeek(text) || isIsoDate(text, { allowMonth: true });
}

/** Split a "; "-separated cell; an empty cell is an empty list. */
export function splitList(text: string): string[] {
  return text === "" ? [] : text.split(";").map((item) => item.trim());
}

const input = (issue: { input?: unknown }) => String(issue.input);

/** "use one of a, b, or " before the alternative fix; nothing when there is nothing to choose from. */
const useOneOf = (ids: readonly string[]) => (ids.length > 0 ? `use one of ${ids.join(", ")}, or ` : "");

const required = (column: string, fix: string) =>
  z.string().refine((v) => v.trim() !== "", { error: `${column} is empty; ${fix}` });

const optional = z.string().transform((v) => (v === "" ? null : v));

const slug = (column: string, example: string) =>
  required(column, `give a slug such as ${example}`).refine((v) => v === "" || SLUG.test(v), {
    error: (issue) => `${column} "${input(issue)}" is not a slug; use lowercase letters, digits and hyphens, e.g. ${example}`,
  });

const oneOf = <const T extends readonly [string, ...string[]]>(column: string, values: T, noun: string) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === ""
        ? `${column} is empty; use one of ${values.join(", ")}`
        : `${column} "${input(issue)}" is not a known ${noun}; use one of ${values.join(", ")}`,
  });

const optionalOneOf = <const T extends readonly [string, ...string[]]>(column: string, values: T, noun: string) =>
  z
    .enum(["", ...values], {
      error: (issue) => `${column} "${input(issue)}" is not a known ${noun}; use one of ${values.join(", ")}, or leave it empty`,
    })
    .transform((v) => (v === "" ? null : (v as T[number])));

const optionalNumber = (column: string) =>
  z
    .string()
    .refine((v) => v === "" || PLAIN_NUMBER.test(v), {
      error: (issue) =>
        `${column} "${input(issue)}" is not a number; write plain digits such as 73100, -13 or 0.09863 (no commas, units, + or %)`,
    })
    .transform((v) => (v === "" ? null : Number(v)));

const list = (column: string) =>
  z
    .string()
    .refine((v) => splitList(v).every((item) => item !== ""), {
      error: `${column} has an empty item; separate items with "${LIST_SEPARATOR}" and no trailing separator`,
    })
    .transform(splitList);

interface ShapeFields {
  kind: (typeof READING_KINDS)[number];
  value: number | null;
  low: number | null;
  high: number | null;
  label: string | null;
  unit: string | null;
}

/** The number (or words) a row gives must fit its kind; see READING_KINDS. */
function checkShape(row: ShapeFields, fail: (column: string, message: string) => void): void {
  const { kind, value, low, high, label } = row;
  if (low !== null && high !== null && low > high) fail("low", `low ${low} is greater than high ${high}; swap low and high`);
  if (kind === "label") {
    if (label === null) fail("label", "label is empty but kind is label; write the reading's words as printed, e.g. extremely bearish");
    if (value !== null || low !== null || high !== null) fail("value", "kind is label but a number is given; clear value, low and high, or choose another kind");
    if (row.unit !== null) fail("unit", "kind is label but unit is set; clear unit (a label has no number)");
    return;
  }
  if (label !== null) fail("label", `label is set but kind is ${kind}; clear label, or set kind to label for a reading in words`);
  if (row.unit === null) fail("unit", `unit is empty; use one of ${UNITS.join(", ")}`);
  if (value === null && low === null && high === null) {
    fail("value", "value, low and high are all empty; give value, or low and/or high for a range or a bound");
    return;
  }
  const needs: Partial<Record<typeof kind, [boolean, string]>> = {
    reading: [value !== null && low === null && high === null, "give value only (use kind bound or range for low/high)"],
    low: [value !== null && low === null && high === null, "give the lowest value in value only"],
    high: [value !== null && low === null && high === null, "give the highest value in value only"],
    bound: [value === null && (low === null) !== (high === null), "give only low (more than) or only high (less than), and no value"],
    range: [value === null && low !== null && high !== null, "give low and high, and no value"],
  };
  const [ok, fix] = needs[kind] ?? [true, ""];
  if (!ok) fail(kind === "bound" || kind === "range" ? "low" : "value", `the numbers do not fit kind ${kind}; ${fix}`);
}

/** What a claim row needs to know about the sources file. */
export interface ClaimContext {
  sourcesFile: string;
  attributedPartiesBySource: ReadonlyMap<string, readonly string[]>;
}

export function claimRowSchema({ sourcesFile, attributedPartiesBySource }: ClaimContext) {
  const sourceIds = [...attributedPartiesBySource.keys()];
  return z
    .object({
      id: slug("id", "btc-low-2026-02-06"),
      topic: oneOf("topic", TOPICS, "topic"),
      metric: required("metric", "name the quantity in snake_case, e.g. open_interest").refine(
        (v) => v === "" || SNAKE.test(v),
        { error: (issue) => `metric "${input(issue)}" is not snake_case; use lowercase letters, digits and underscores, e.g. open_interest` },
      ),
      asset: optional.refine((v) => v === null || TICKER.test(v), {
        error: (issue) => `asset "${input(issue)}" is not an upper-case ticker; use e.g. BTC, ETH, SP500, or leave it empty`,
      }),
      side: optionalOneOf("side", SIDES, "side"),
      kind: oneOf("kind", READING_KINDS, "reading kind"),
      value: optionalNumber("value"),
      low: optionalNumber("low"),
      high: optionalNumber("high"),
      label: optional,
      unit: z
        .enum(["", ...UNITS], {
          error: (issue) => `unit "${input(issue)}" is not a known unit; use one of ${UNITS.join(", ")} (empty only for a label)`,
        })
        .transform((v) => (v === "" ? null : v)),
      as_of: z
        .string()
        .refine((v) => v === "" || isAsOf(v), {
          error: (issue) =>
            `as_of "${input(issue)}" is not an ISO date; write 2026-02-05, 2025-10 (month only), 2026-W06 (ISO week) or 2026-02-07T11:00+05:30, or leave it empty when the source prints no date`,
        })
        .transform((v) => (v === "" ? null : v)),
      period: optionalOneOf("period", PERIODS, "period"),
      convention: optionalOneOf("convention", SKEW_CONVENTIONS, "skew convention"),
      tenor_days: z
        .string()
        .refine((v) => v === "" || WHOLE_NUMBER.test(v), {
          error: (issue) => `tenor_days "${input(issue)}" is not a whole number of days; write e.g. 7, or leave it empty when unknown`,
        })
        .transform((v) => (v === "" ? null : Number(v))),
      source_id: z.string().refine((v) => attributedPartiesBySource.has(v), {
        error: (issue) =>
          `source_id "${input(issue)}" is not in ${sourcesFile}; ${useOneOf(sourceIds)}add the source there first`,
      }),
      copies: list("copies"),
      attributed_to: list("attributed_to"),
      quote: required("quote", "copy the shortest phrase of the article, at least three words, that shows the figure and its sign"),
      note: optional,
      expiry: z
        .string()
        .refine((v) => v === "" || isIsoDate(v), {
          error: (issue) => `expiry "${input(issue)}" is not an ISO date; write e.g. 2026-02-27, or leave it empty`,
        })
        .transform((v) => (v === "" ? null : v)),
    })
    .superRefine((row, ctx) => {
      const fail = (column: string, message: string) => ctx.addIssue({ code: "custom", path: [column], message });
      checkShape(row, fail);
      if (row.period === "week" && (row.as_of === null || !WEEK.test(row.as_of))) {
        fail("as_of", `period is week but as_of "${row.as_of ?? ""}" is not an ISO week; write e.g. 2026-W06, or choose another period`);
      }
      if (isSkewMetric(row.metric) && row.convention === null) {
        fail("convention", `convention is empty but metric "${row.metric}" is a skew reading; use ${SKEW_CONVENTIONS.join(" or ")}`);
      }
      if (!isSkewMetric(row.metric) && row.convention !== null) {
        fail("convention", `convention is set but metric "${row.metric}" is not a skew reading; clear convention, or name the metric with skew or risk_reversal`);
      }
      const parties = attributedPartiesBySource.get(row.source_id) ?? [];
      for (const party of row.attributed_to.filter((p) => !parties.includes(p))) {
        fail(
          "attributed_to",
          `attributed_to "${party}" is not among the attributed_parties of source "${row.source_id}" in ${sourcesFile}; add it there or fix the spelling`,
        );
      }
    })
    .transform(
      (row): Omit<Claim, "line"> => ({
        id: row.id,
        topic: row.topic,
        metric: row.metric,
        asset: row.asset,
        side: row.side,
        kind: row.kind,
        value: row.value,
        low: row.low,
        high: row.high,
        label: row.label,
        unit: row.unit ?? "",
        asOf: row.as_of,
        period: row.period,
        convention: row.convention,
        tenorDays: row.tenor_days,
        sourceId: row.source_id,
        copyIds: row.copies,
        attributedTo: row.attributed_to.length > 0 ? row.attributed_to.join(LIST_SEPARATOR) : null,
        quote: row.quote,
        note: row.note,
        expiry: row.expiry,
      }),
    );
}

export const sourceRowSchema = z
  .object({
    id: slug("id", "framework-translation"),
    outlet: optional,
    author: optional,
    headline: required("headline", "copy the headline as printed"),
    published: optional,
    url: optional.refine((v) => v === null || /^https?:\/\/\S+$/.test(v), {
      error: (issue) => `url "${input(issue)}" is not an http(s) URL; copy it from the article, or leave it empty`,
    }),
    attributed_parties: list("attributed_parties"),
    note: optional,
  })
  .transform(
    (row): Omit<Source, "line" | "copies"> => ({
      id: row.id,
      outlet: row.outlet ?? UNNAMED_OUTLET,
      author: row.author,
      headline: row.headline,
      published: row.published ?? "",
      url: row.url,
      attributedParties: row.attributed_parties,
      note: row.note,
    }),
  );

/** How a source with no printed outlet is named to readers. */
export const UNNAMED_OUTLET = "an unnamed outlet";

export function copyRowSchema({ sourcesFile, sourceIds }: { sourcesFile: string; sourceIds: ReadonlySet<string> }) {
  return z
    .object({
      id: slug("id", "rally-71k-mendoza"),
      source_id: z.string().refine((v) => sourceIds.has(v), {
        error: (issue) =>
          `source_id "${input(issue)}" is not in ${sourcesFile}; ${useOneOf([...sourceIds])}add the source there first`,
      }),
      file: z.string().regex(/^[\w.-]+\.txt$/, {
        error: (issue) =>
          `file "${input(issue)}" is not a seed article file name; use the .txt name under ../shared/seeds, e.g. 000_dfdfa337dd763d04.txt`,
      }),
      outlet: optional,
      author: optional,
      published: optional,
      carried_by: optional,
      start: required("start", "copy the words that open the part of the page this piece wrote"),
      end: required("end", "copy the words that close the part of the page this piece wrote"),
      note: optional,
    })
    .transform(
      (row): Omit<SourceCopy, "line"> => ({
        id: row.id,
        sourceId: row.source_id,
        file: row.file,
        outlet: row.outlet,
        author: row.author,
        published: row.published,
        carriedBy: row.carried_by,
        start: row.start,
        end: row.end,
      }),
    );
}

export function conflictRowSchema({ claimsFile, claimIds }: { claimsFile: string; claimIds: ReadonlySet<string> }) {
  return z
    .object({
      id: slug("id", "btc-intraday-low-2026-02-06"),
      title: required("title", "say in a few words which quantity the claims disagree on"),
      kind: oneOf("kind", CONFLICT_KINDS, "conflict kind"),
      claim_ids: list("claim_ids").superRefine((ids, ctx) => {
        if (ids.length < 2) {
          ctx.addIssue({ code: "custom", message: `claim_ids lists ${ids.length} claim(s); a conflict groups at least two, separated by "${LIST_SEPARATOR}"` });
        }
        for (const id of ids.filter((id, i) => ids.indexOf(id) !== i)) {
          ctx.addIssue({ code: "custom", message: `claim id "${id}" is listed twice; list each member once` });
        }
        for (const id of ids.filter((id) => id !== "" && !claimIds.has(id))) {
          ctx.addIssue({ code: "custom", message: `claim id "${id}" is not in ${claimsFile}; check the spelling or add the claim first` });
        }
      }),
      note: required("note", "explain why the figures differ and which to use for what"),
    })
    .transform(
      (row): Omit<Conflict, "line"> => ({
        id: row.id,
        title: row.title,
        kind: row.kind,
        claimIds: row.claim_ids,
        note: row.note,
      }),
    );
}
