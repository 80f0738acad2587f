// The options a commentary note can pass to chartEmbed, read and checked against the data the
// chart draws. Browser-safe and DOM-free: unit tests read options in Node. The shapes are checked
// by hand, not with zod: this module runs in the browser, and zod's bundle would bring its
// JSON-schema addresses into dist/, which must name no other host.
import { formatClaimValue } from "../../lib/claims.js";
import type { CitedClaim } from "../../lib/ledger/types.js";
import { utcDay } from "../../lib/metrics/time.js";

/** A chart that cannot be drawn as asked; the message names the chart and, for a bad option, the option and what to write. */
export class ChartEmbedError extends Error {
  override name = "ChartEmbedError";
}

/**
 * What is wrong with one option's value and how to fix it. Readers throw it without the option's
 * name; chartEmbed adds the chart and the option. A check across options names its option itself.
 */
export class OptionProblem extends Error {
  constructor(
    readonly problem: string,
    readonly fix: string,
    readonly option?: string
  ) {
    super(`${problem}; ${fix}`);
  }
}

/** One option of one chart: the line the docs print, and how a value (undefined: left out) is read. */
export interface EmbedOption<Data, T> {
  doc: string;
  read(value: unknown, data: Data): T;
}

export interface DayRange {
  from: string;
  to: string;
}

const quoted = (value: unknown) => JSON.stringify(value);
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isUtcDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && utcDay(Date.parse(`${text}T00:00:00Z`)) === text;

function checkDay(day: string, bounds: DayRange | null, fix: string): void {
  if (!isUtcDay(day)) throw new OptionProblem(`has ${quoted(day)}, which is not a calendar day`, fix);
  if (bounds && (day < bounds.from || day > bounds.to)) throw new OptionProblem(`has ${quoted(day)}, outside the data`, fix);
}

const daysFix = (bounds: DayRange | null, form: string) => (bounds ? `use ${form} from ${bounds.from} to ${bounds.to}` : `use ${form}`);

/** The last day a range can name: the data's own last day. */
const LAST_DAY = "last";

/** Every day: the range of a chart whose data hold no rows, so that it draws what little it has. */
const EVERY_DAY: DayRange = { from: "0000-01-01", to: "9999-12-31" };

/**
 * `[from, to]`, the first and last UTC day drawn, both within the data's days (`bounds`; null
 * when the data hold no rows and only reported figures are drawn). "all": every day of the data.
 */
export function dayRange<Data>(doc: string, bounds: (data: Data) => DayRange | null, fallback: DayRange | "all"): EmbedOption<Data, DayRange> {
  return {
    doc,
    read(value, data) {
      const span = bounds(data);
      const fix = daysFix(span, `two UTC days, ["YYYY-MM-DD", "YYYY-MM-DD"] ("last" for the data's last day),`);
      if (value === undefined) return fallback === "all" ? (span ?? EVERY_DAY) : fallback;
      if (!isStrings(value) || value.length !== 2) throw new OptionProblem(`is ${quoted(value)}, not a first and a last day`, fix);
      // "last" follows the data: a range to the end of an extract stays right when it is re-pinned.
      const [from, to] = [value[0]!, value[1] === LAST_DAY && span ? span.to : value[1]!];
      // A range may reach past the data (a build with a shorter snapshot draws the days it has);
      // one that holds none of the data's days is a mistake.
      checkDay(from, null, fix);
      checkDay(to, null, fix);
      if (from > to) throw new OptionProblem(`starts after it ends (${from} is after ${to})`, "put the earlier day first");
      if (span && (to < span.from || from > span.to)) throw new OptionProblem(`is ${quoted(value)}, which holds none of the data's days`, fix);
      return { from, to };
    }
  };
}

/** One UTC day within the data's days; `null` allowed when `nullable` (the mark is left out). */
export function day<Data>(doc: string, bounds: (data: Data) => DayRange | null, fallback: string): EmbedOption<Data, string>;
export function day<Data>(doc: string, bounds: (data: Data) => DayRange | null, fallback: string | null, nullable: true): EmbedOption<Data, string | null>;
export function day<Data>(doc: string, bounds: (data: Data) => DayRange | null, fallback: string | null, nullable = false): EmbedOption<Data, string | null> {
  return {
    doc,
    read(value, data) {
      const span = bounds(data);
      const fix = daysFix(span, `a UTC day, "YYYY-MM-DD",`) + (nullable ? ", or null" : "");
      if (value === undefined) return fallback;
      if (value === null && nullable) return null;
      if (typeof value !== "string") throw new OptionProblem(`is ${quoted(value)}, not a day`, fix);
      checkDay(value, span, fix);
      return value;
    }
  };
}

/** The first and last day of rows with a `date` (or an ISO `time`); null when there are none. */
export function daysOf(rows: readonly ({ date: string } | { time: string })[]): DayRange | null {
  if (rows.length === 0) return null;
  const dayOf = (row: { date: string } | { time: string }) => ("date" in row ? row.date : row.time.slice(0, 10));
  const days = rows.map(dayOf);
  return { from: days.reduce((a, b) => (a < b ? a : b)), to: days.reduce((a, b) => (a > b ? a : b)) };
}

export interface ClaimChoice<Data> {
  /** What the chart can draw, in words: "a reported BTC price dated to a day". */
  what: string;
  accepts(claim: CitedClaim, data: Data): boolean;
  /** The ids drawn when the option is left out. */
  fallback(data: Data): readonly string[];
  /** At least one (true by default); false when an empty list is a valid choice. */
  nonEmpty?: boolean;
}

type Choice<Data> = Pick<ClaimChoice<Data>, "what" | "accepts">;

function claimFix<Data extends { claims: readonly CitedClaim[] }>(data: Data, choice: Choice<Data>): string {
  const ids = data.claims.filter((claim) => choice.accepts(claim, data)).map((claim) => claim.id);
  return ids.length > 0 ? `use the id of ${choice.what}: ${ids.join(", ")}` : `the ledger holds no ${choice.what}`;
}

function pickClaim<Data extends { claims: readonly CitedClaim[] }>(data: Data, id: string, choice: Choice<Data>): CitedClaim {
  const claim = data.claims.find((candidate) => candidate.id === id);
  if (!claim) throw new OptionProblem(`has ${quoted(id)}, which is not in the ledger (data/claims.csv)`, claimFix(data, choice));
  if (!choice.accepts(claim, data)) throw new OptionProblem(`has ${quoted(id)} (${formatClaimValue(claim)}), which is not ${choice.what}`, claimFix(data, choice));
  return claim;
}

function readIds<Data extends { claims: readonly CitedClaim[] }>(value: unknown, data: Data, choice: Omit<ClaimChoice<Data>, "fallback">, fallback: readonly string[]): CitedClaim[] {
  const ids = value === undefined ? fallback : isStrings(value) ? value : undefined;
  if (ids === undefined) throw new OptionProblem(`is ${quoted(value)}, not a list of ledger ids`, claimFix(data, choice));
  if (ids.length === 0 && choice.nonEmpty !== false) throw new OptionProblem("is empty", claimFix(data, choice));
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new OptionProblem(`lists ${quoted(twice)} twice`, "list each figure once");
  return ids.map((id) => pickClaim(data, id, choice));
}

/** A list of ledger ids, each a figure the chart can draw, in the order given. */
export function claimIds<Data extends { claims: readonly CitedClaim[] }>(doc: string, choice: ClaimChoice<Data>): EmbedOption<Data, CitedClaim[]> {
  return { doc, read: (value, data) => readIds(value, data, choice, choice.fallback(data)) };
}

/** The same, with no fixed default: null when left out, for a chart that picks its figures from its other options. */
export function claimIdsOrNull<Data extends { claims: readonly CitedClaim[] }>(doc: string, choice: Omit<ClaimChoice<Data>, "fallback">): EmbedOption<Data, CitedClaim[] | null> {
  return { doc, read: (value, data) => (value === undefined ? null : readIds(value, data, choice, [])) };
}

/** One ledger id. */
export function claimId<Data extends { claims: readonly CitedClaim[] }>(doc: string, choice: Omit<ClaimChoice<Data>, "fallback" | "nonEmpty"> & { fallback(data: Data): string }): EmbedOption<Data, CitedClaim> {
  return {
    doc,
    read(value, data) {
      const id = value === undefined ? choice.fallback(data) : value;
      if (typeof id !== "string") throw new OptionProblem(`is ${quoted(value)}, not a ledger id`, claimFix(data, choice));
      return pickClaim(data, id, choice);
    }
  };
}

function readSome(value: unknown, allowed: readonly string[]): string[] {
  const fix = `use some of: ${allowed.map(quoted).join(", ")}`;
  if (!isStrings(value)) throw new OptionProblem(`is ${quoted(value)}, not a list of names`, fix);
  if (value.length === 0) throw new OptionProblem("is empty", fix);
  const unknown = value.find((name) => !allowed.includes(name));
  if (unknown !== undefined) throw new OptionProblem(`has ${quoted(unknown)}, which is not one of its values`, fix);
  return value;
}

/** Some of a fixed or data-given list of names (assets, episodes, signals), at least one, in the order given; default all. */
export function someOf<Data>(doc: string, values: (data: Data) => readonly string[]): EmbedOption<Data, string[]> {
  return { doc, read: (value, data) => (value === undefined ? [...values(data)] : readSome(value, values(data))) };
}

/** The same, null when left out, for a chart that picks them from its other options. */
export function someOfOrNull<Data>(doc: string, values: (data: Data) => readonly string[]): EmbedOption<Data, string[] | null> {
  return { doc, read: (value, data) => (value === undefined ? null : readSome(value, values(data))) };
}

/** One of a list of names. */
export function oneOf<Data>(doc: string, values: (data: Data) => readonly string[], fallback: string): EmbedOption<Data, string> {
  return {
    doc,
    read(value, data) {
      const allowed = values(data);
      if (value === undefined) return fallback;
      if (typeof value !== "string" || !allowed.includes(value)) throw new OptionProblem(`is ${quoted(value)}, which is not one of its values`, `use one of: ${allowed.map(quoted).join(", ")}`);
      return value;
    }
  };
}

export function flag<Data>(doc: string, fallback: boolean): EmbedOption<Data, boolean> {
  return {
    doc,
    read(value) {
      if (value === undefined) return fallback;
      if (typeof value !== "boolean") throw new OptionProblem(`is ${quoted(value)}`, "use true or false");
      return value;
    }
  };
}

/** Words to show for some of the drawn figures, by ledger id: `{ "<id>": "label" }`; checked against the drawn ids by the chart. */
export function labels<Data>(doc: string): EmbedOption<Data, Record<string, string>> {
  return {
    doc,
    read(value) {
      if (value === undefined) return {};
      if (!isPlainObject(value) || !Object.values(value).every((words) => typeof words === "string" && words.trim() !== "")) {
        throw new OptionProblem(`is ${quoted(value)}`, 'use an object of ledger ids and words, { "<id>": "label" }');
      }
      return value as Record<string, string>;
    }
  };
}

/** Throws when `labels` names a figure the chart does not draw. */
export function checkLabels(given: Record<string, string>, drawn: readonly CitedClaim[]): void {
  const ids = drawn.map((claim) => claim.id);
  const stray = Object.keys(given).find((id) => !ids.includes(id));
  if (stray !== undefined) throw new OptionProblem(`names ${quoted(stray)}, which the chart does not draw`, `label some of: ${ids.join(", ")}`, "labels");
}

/** Marked days with a short label each, `[{ date: "YYYY-MM-DD", label: "..." }]`, within the data's days. */
export function events<Data>(doc: string, bounds: (data: Data) => DayRange | null, fallback: readonly { date: string; label: string }[]): EmbedOption<Data, { date: string; label: string }[]> {
  const isEvent = (item: unknown) => isPlainObject(item) && Object.keys(item).sort().join() === "date,label" && typeof item.date === "string" && typeof item.label === "string";
  return {
    doc,
    read(value, data) {
      const span = bounds(data);
      const fix = daysFix(span, `[{ date: "YYYY-MM-DD", label: "..." }] with days`);
      if (value === undefined) return [...fallback];
      if (!Array.isArray(value) || !value.every(isEvent)) throw new OptionProblem(`is ${quoted(value)}`, fix);
      const marked = value as { date: string; label: string }[];
      for (const event of marked) checkDay(event.date, span, fix);
      return marked;
    }
  };
}
