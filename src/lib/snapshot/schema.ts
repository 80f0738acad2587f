// One schema per snapshot dataset: what data/snapshot/<dataset>.json must hold before anything
// reads it or the capture writes it. Shape and units (zod), plausible ranges, candles whose low
// and high enclose the open and close, rows in time order without duplicates inside the window
// the file claims, that window equal to the one the build uses, the dataset the file is named
// for, and a row count that matches. Problems come out as file:line:column: what is wrong.

import { z } from "zod";
import { FRED_SERIES } from "../live/fred.ts";
import { jsonPathPosition, positionAt } from "../jsonPosition.ts";
import type { LedgerIssue as DataIssue } from "../ledger/errors.ts";
import { DataError } from "../public/extract.ts";
import type { EventWindow } from "../window.ts";
import type { DatasetName, SnapshotFile } from "./store.ts";

const MAX_ISSUES = 20;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
// Free text is shown to readers as text; markup in it means the file was tampered with.
const MARKUP = /<[A-Za-z!/?]/;

const number = (unit: string) =>
  z.number({ error: (issue) => (issue.input === undefined ? "is missing" : `is not a number (${unit})`) });

/** A number in `unit` inside its plausible range; outside it means a wrong unit or a broken file. */
const within = (unit: string, min: number, max: number) =>
  number(unit)
    .min(min, { error: `is below ${min} ${unit}: a wrong unit or a broken file` })
    .max(max, { error: `is above ${max} ${unit}: a wrong unit or a broken file` });

/** A price: positive first (the clearer message), then inside its plausible range. */
const price = (unit: string, min: number, max: number) =>
  number(unit)
    .positive({ error: "is not a positive price" })
    .min(min, { error: `is below ${min} ${unit}: not a plausible price (a wrong unit or a broken file)` })
    .max(max, { error: `is above ${max} ${unit}: not a plausible price (a wrong unit or a broken file)` });

const btcUsd = () => price("usd", 1_000, 1_000_000);

const text = () =>
  z
    .string({ error: (issue) => (issue.input === undefined ? "is missing" : "is not a string") })
    .min(1, { error: "is empty" })
    .refine((value) => !MARKUP.test(value), { error: "contains markup; snapshot text is plain text" });

const day = () =>
  z
    .string({ error: (issue) => (issue.input === undefined ? "is missing" : "is not a YYYY-MM-DD date") })
    .refine((value) => DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), { error: "is not a real YYYY-MM-DD date" });

const instant = () =>
  z.iso.datetime({ error: (issue) => (issue.input === undefined ? "is missing" : "is not an ISO 8601 UTC time (2026-02-05T03:00:00.000Z)") });

const hour = () => instant().refine((value) => Date.parse(value) % 3_600_000 === 0, { error: "is not a whole hour" });

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** low ≤ open, close ≤ high, reported at the field that breaks it. */
function candleOrder(row: { open: number; high: number; low: number; close: number }, ctx: z.RefinementCtx): void {
  const { open, high, low, close: last } = row;
  const need = "a candle needs low ≤ open, close ≤ high";
  if (low > Math.min(open, last)) ctx.addIssue({ code: "custom", path: ["low"], message: `${low} is above ${low > open ? `open ${open}` : `close ${last}`}; ${need}` });
  if (high < Math.max(open, last)) ctx.addIssue({ code: "custom", path: ["high"], message: `${high} is below ${high < open ? `open ${open}` : `close ${last}`}; ${need}` });
}

const priceRow = z.strictObject({ time: hour(), open: btcUsd(), high: btcUsd(), low: btcUsd(), close: btcUsd(), volume: within("btc", 0, 1e7) }).superRefine(candleOrder);

// DVOL is a volatility index in vol points: a Bitcoin price under this name is out of range.
const dvolPoints = () => within("vol_pts", 5, 300);
const dvolRow = z.strictObject({ time: hour(), open: dvolPoints(), high: dvolPoints(), low: dvolPoints(), close: dvolPoints() }).superRefine(candleOrder);

const impliedVol = () => within("vol_pts", 1, 500);
const optionsSkewRow = z
  .strictObject({
    date: day(),
    tenor_days: number("days").int({ error: "is not a whole number of days" }).min(1, { error: "is below 1 day" }).max(365, { error: "is above 365 days" }),
    rr25: within("vol_pts", -100, 100),
    call_iv25: impliedVol(),
    put_iv25: impliedVol(),
    expiries: z.array(instant(), { error: "is not a list of expiry times" }).min(1, { error: "is empty" }).max(2, { error: "lists more than the two bracketing expiries" }),
  })
  .superRefine((row, ctx) => {
    if (!close(row.rr25, row.call_iv25 - row.put_iv25)) {
      ctx.addIssue({ code: "custom", path: ["rr25"], message: `${row.rr25} is not call_iv25 - put_iv25 (${row.call_iv25 - row.put_iv25})` });
    }
  });

const basisRow = z
  .strictObject({
    date: day(),
    instrument: text().refine((value) => /^BTC-\d{1,2}[A-Z]{3}\d{2}$/.test(value), { error: "is not a Deribit BTC future (BTC-27MAR26)" }),
    future_close: btcUsd(),
    spot_close: btcUsd(),
    days_to_expiry: number("days").positive({ error: "is not positive: the future has expired" }).max(400, { error: "is above 400 days" }),
    basis_pct: within("pct_annualized", -100, 100),
  })
  .superRefine((row, ctx) => {
    const expected = 100 * (row.future_close / row.spot_close - 1) * (365 / row.days_to_expiry);
    if (!close(row.basis_pct, expected)) ctx.addIssue({ code: "custom", path: ["basis_pct"], message: `${row.basis_pct} is not (future_close / spot_close - 1) × 365 / days_to_expiry (${expected})` });
  });

const fundingRate = () => within("fraction", -0.01, 0.01);
const fundingRow = z
  .strictObject({ time: instant(), interest_1h: fundingRate(), interest_8h: fundingRate(), apr_pct: within("pct", -1_100, 1_100) })
  .superRefine((row, ctx) => {
    const expected = 100 * row.interest_8h * 3 * 365;
    if (!close(row.apr_pct, expected)) ctx.addIssue({ code: "custom", path: ["apr_pct"], message: `${row.apr_pct} is not interest_8h × 3 × 365 in percent (${expected})` });
  });

const miningRow = z.strictObject({
  date: day(),
  hashrate_ehs: within("eh_per_s", 100, 5_000).nullable(),
  difficulty: within("difficulty", 1e13, 1e15).nullable(),
  blocks_per_day: within("blocks", 1, 400).nullable(),
  reward_per_block_btc: number("btc").positive({ error: "is not positive" }).max(50, { error: "is above 50 btc" }).nullable(),
  price_usd: btcUsd().nullable(),
  hashprice_usd_per_ph_day: number("usd_per_ph_day").positive({ error: "is not positive" }).max(10_000, { error: "is above 10000 usd_per_ph_day" }).nullable(),
});

// FRED's series and their plausible levels: S&P 500 at 603 is a cut-off "6030.5", not a crash.
const MACRO_RANGES: Record<(typeof FRED_SERIES)[number], [number, number]> = {
  SP500: [1_000, 20_000],
  NASDAQCOM: [1_000, 60_000],
  DJIA: [5_000, 150_000],
  DTWEXBGS: [50, 200],
  CBBTCUSD: [1_000, 1_000_000],
};
const macroRow = z
  .strictObject({
    date: day(),
    series: z.enum(FRED_SERIES, { error: `is not one of the FRED series ${FRED_SERIES.join(", ")}` }),
    value: number("index_points").positive({ error: "is not positive" }),
    change_pct: within("pct", -50, 50).nullable(),
  })
  .superRefine((row, ctx) => {
    const [min, max] = MACRO_RANGES[row.series];
    if (row.value < min || row.value > max) ctx.addIssue({ code: "custom", path: ["value"], message: `${row.value} is outside ${min} to ${max}, the plausible range of ${row.series}: a cut-off value or a broken file` });
  });

const volumeProfileRow = z
  .strictObject({ price_low: btcUsd(), price_high: btcUsd(), volume: within("btc", 0, 1e8), in_band: z.boolean({ error: "is not true or false" }) })
  .superRefine((row, ctx) => {
    if (!(row.price_high > row.price_low)) ctx.addIssue({ code: "custom", path: ["price_high"], message: `${row.price_high} is not above price_low ${row.price_low}` });
  });

const factCheckRow = z
  .strictObject({
    claim_id: text(),
    topic: text(),
    metric: text(),
    asset: text().nullable(),
    as_of: z.string({ error: "is not a string" }).regex(/^\d{4}-(\d{2}-\d{2}|W\d{2})$/, { error: "is not a YYYY-MM-DD day or an ISO week (2026-W06)" }),
    unit: text(),
    claimed: number("claim unit"),
    computed: number("claim unit"),
    difference: number("claim unit"),
    // Checked when parsing, after SNAPSHOT_RULES below exists.
    dataset: z.string().refine((name) => Object.hasOwn(SNAPSHOT_RULES, name), { error: "is not a snapshot dataset" }),
    computed_from: text(),
    why_they_differ: text(),
  })
  .superRefine((row, ctx) => {
    if (!close(row.difference, row.computed - row.claimed)) ctx.addIssue({ code: "custom", path: ["difference"], message: `${row.difference} is not computed - claimed (${row.computed - row.claimed})` });
  });

const pricePoint = z.strictObject({ time: instant(), price: btcUsd() });
const priceSummary = z
  .strictObject({
    peak: pricePoint,
    trough: pricePoint,
    maxDrawdown: within("fraction", -1, 0),
    reboundHigh: pricePoint,
    rebound: within("fraction", 0, 10),
    reboundHours: number("hours").positive(),
  })
  .nullable();
const miningSummary = z.strictObject({
  difficultyAdjustments: z.array(
    z.strictObject({
      time: instant(),
      height: number("blocks").int().nonnegative().nullable(),
      difficulty: within("difficulty", 1e13, 1e15),
      // The protocol limits one adjustment to a factor of four either way.
      change_pct: within("pct", -75, 300),
    }),
  ),
});
const band = z.strictObject({ price_low: btcUsd(), price_high: btcUsd(), volume: number("btc").nonnegative(), share: within("fraction", 0, 1) });
const volumeProfileSummary = z.strictObject({
  bin_usd: number("usd").positive(),
  band_share: within("fraction", 0, 1),
  rebound_range: z.strictObject({ low: btcUsd(), high: btcUsd() }).nullable(),
  band: band.nullable(),
});
const noSummary = z.undefined({ error: "is not expected in this dataset" }).optional();

type Row = Record<string, unknown>;

interface DatasetRules {
  row: z.ZodType;
  summary: z.ZodType;
  /** What identifies a row in messages and must strictly increase from row to row. */
  key: (row: Row) => string | number;
  /** Rows that share a group are ordered among themselves (macro: per series). */
  group?: (row: Row) => string;
  /** Keys only need to be unique, in any order. */
  unordered?: true;
  /** The row's UTC time or day, checked against the window; absent for rows without one. */
  stamp?: (row: Row) => string;
  emptyAllowed?: true;
}

const byTime: Pick<DatasetRules, "key" | "stamp"> = { key: (row) => String(row.time), stamp: (row) => String(row.time) };
const byDate: Pick<DatasetRules, "key" | "stamp"> = { key: (row) => String(row.date), stamp: (row) => String(row.date) };

export const SNAPSHOT_RULES: Record<DatasetName, DatasetRules> = {
  price: { row: priceRow, summary: priceSummary, ...byTime },
  "options-skew": {
    row: optionsSkewRow,
    summary: noSummary,
    key: (row) => `${String(row.date)}, ${String(row.tenor_days).padStart(3, "0")}-day`,
    stamp: (row) => String(row.date),
  },
  basis: { row: basisRow, summary: noSummary, ...byDate },
  funding: { row: fundingRow, summary: noSummary, ...byTime },
  dvol: { row: dvolRow, summary: noSummary, ...byTime },
  mining: { row: miningRow, summary: miningSummary, ...byDate },
  macro: { row: macroRow, summary: noSummary, ...byDate, group: (row) => String(row.series) },
  "volume-profile": { row: volumeProfileRow, summary: volumeProfileSummary, key: (row) => Number(row.price_low) },
  "fact-check": { row: factCheckRow, summary: noSummary, key: (row) => String(row.claim_id), unordered: true, emptyAllowed: true },
};

const windowSchema = z.strictObject({ start: day(), end: day() });

const metaSchema = (dataset: DatasetName, rules: DatasetRules) =>
  z.looseObject({
    dataset: z.literal(dataset),
    fetchedAt: instant(),
    window: windowSchema,
    rowCount: number("rows").int().nonnegative(),
    codeVersion: z.strictObject({ version: text().nullable(), commit: z.string().regex(/^[0-9a-f]{7,40}$/, { error: "is not a git commit" }).nullable() }),
    sources: z
      .array(
        z.strictObject({
          source: text(),
          endpoint: text(),
          url: z.url({ protocol: /^https?$/, error: "is not an http(s) URL" }).refine((value) => !MARKUP.test(value), { error: "contains markup" }),
          requests: number("requests").int().positive(),
        }),
      )
      .min(1, { error: "is empty: a snapshot names the endpoints it was fetched from" }),
    method: text(),
    summary: rules.summary,
  });

const fileSchema = (dataset: DatasetName) => {
  const rules = SNAPSHOT_RULES[dataset];
  const rows = z.array(rules.row, { error: "is not a list of rows" });
  return z.strictObject({ meta: metaSchema(dataset, rules), rows: rules.emptyAllowed ? rows : rows.min(1, { error: "is empty: a snapshot holds at least one row" }) });
};

export interface SnapshotSource {
  /** The file as shown in messages (relative to the project root when inside it). */
  file: string;
  /** The file's text, for line numbers; without it, the text the capture would write. */
  text?: string;
  /** The window the build uses: meta.window must equal it. */
  window?: EventWindow;
}

/**
 * A snapshot file checked against its dataset's schema: returns it typed, or throws a DataError
 * naming the file, the line, the row (index and time) and the field. The capture calls this
 * before writing a file; readSnapshot calls it on every read.
 */
export function validateSnapshot(dataset: DatasetName, value: unknown, { file, text, window }: SnapshotSource): SnapshotFile {
  const source = text ?? `${JSON.stringify(value, null, 1)}\n`;
  const fail = (problems: Problem[]): never => {
    throw new DataError(locate(problems, file, source, value));
  };
  const candidate = value as { meta?: { dataset?: unknown; window?: unknown }; rows?: unknown } | null;
  if (typeof candidate !== "object" || candidate === null || Array.isArray(candidate) || typeof candidate.meta !== "object" || candidate.meta === null || !Array.isArray(candidate.rows)) {
    fail([{ path: [], message: `is not {"meta": {...}, "rows": [...]}: not a snapshot file` }]);
  }
  const claimed = candidate!.meta!.dataset;
  if (claimed !== dataset) {
    const found = claimed === undefined ? "missing" : `${JSON.stringify(claimed)}`;
    fail([{ path: ["meta", "dataset"], message: `is ${found}, but this is ${dataset}.json: another dataset's file or a different schema under this name; capture ${dataset} again` }]);
  }
  const parsed = fileSchema(dataset).safeParse(value);
  if (!parsed.success) fail(parsed.error.issues.map((issue) => ({ path: issue.path, message: zodMessage(issue, dataset, value) })));
  const snapshot = value as SnapshotFile<Row>;
  const { meta, rows } = snapshot;
  if (window && (meta.window.start !== window.start || meta.window.end !== window.end)) {
    fail([
      {
        path: ["meta", "window"],
        message: `is ${meta.window.start} to ${meta.window.end}, but the build uses ${window.start} to ${window.end} (src/lib/window.ts, REPORT_WINDOW_START/REPORT_WINDOW_END): capture the snapshot for this window, or build with the window it was captured for`,
      },
    ]);
  }
  if (meta.window.start >= meta.window.end) fail([{ path: ["meta", "window"], message: `start ${meta.window.start} is not before end ${meta.window.end}` }]);
  const problems = rowProblems(SNAPSHOT_RULES[dataset], rows, meta.window);
  if (meta.rowCount !== rows.length) problems.unshift({ path: ["meta", "rowCount"], message: `is ${meta.rowCount}, but the file holds ${rows.length} rows: a cut or edited file` });
  if (problems.length > 0) fail(problems);
  return snapshot;
}

/** Parse a snapshot file's text and validate it; an unreadable file is named with its line. */
export function parseSnapshot(dataset: DatasetName, text: string, source: Omit<SnapshotSource, "text">): SnapshotFile {
  return validateSnapshot(dataset, parseJson(text, source.file), { ...source, text });
}

/** JSON.parse, with a failure reported as file:line:column and what it means. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? text.length);
    const truncated = offset >= text.trimEnd().length;
    const at = positionAt(text, Math.min(offset, text.trimEnd().length));
    throw new DataError([
      {
        file,
        ...at,
        message: truncated
          ? `the JSON ends before its last value does: the file was cut off (${text.trim() === "" ? "it is empty" : message}); capture it again`
          : `not valid JSON: ${message}`,
      },
    ]);
  }
}

interface Problem {
  path: readonly PropertyKey[];
  message: string;
}

function rowProblems(rules: DatasetRules, rows: readonly Row[], window: EventWindow): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const last = new Map<string, { key: string | number; index: number }>();
  rows.forEach((row, index) => {
    const key = rules.key(row);
    const group = rules.group?.(row) ?? "";
    const id = `${group}\u0000${key}`;
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({ path: ["rows", index], message: `duplicates rows[${first}] (${describeKey(rules, row)})` });
      return;
    }
    seen.set(id, index);
    const previous = last.get(group);
    if (!rules.unordered && previous && key < previous.key) {
      problems.push({ path: ["rows", index], message: `comes before rows[${previous.index}] (${previous.key}); rows must be in order${group ? ` within ${group}` : ""}` });
    }
    last.set(group, { key, index });
    const stamp = rules.stamp?.(row);
    if (stamp !== undefined && (stamp.slice(0, 10) < window.start || stamp.slice(0, 10) >= window.end)) {
      problems.push({ path: ["rows", index], message: `${stamp} is outside the window ${window.start} to ${window.end} (end exclusive) that meta.window claims` });
    }
  });
  return problems;
}

function describeKey(rules: DatasetRules, row: Row): string {
  return rules.group ? `${rules.group(row)} ${rules.key(row)}` : String(rules.key(row));
}

function zodMessage(issue: z.core.$ZodIssue, dataset: DatasetName, value: unknown): string {
  if (issue.code === "unrecognized_keys") {
    const what = issue.path[0] === "rows" ? `${dataset} rows` : "this object";
    return `has fields ${issue.keys.map((key) => `"${key}"`).join(", ")} that ${what} do not have: another dataset's data or a different schema`;
  }
  // "is below 1000 usd" reads better with the value in front: "-5 is below 1000 usd".
  const found = issue.path.reduce<unknown>((node, key) => (node !== null && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined), value);
  const shown = typeof found === "number" || typeof found === "boolean" ? String(found) : typeof found === "string" ? JSON.stringify(found.length > 60 ? `${found.slice(0, 60)}…` : found) : null;
  return shown !== null && issue.message.startsWith("is ") ? `${shown} ${issue.message}` : issue.message;
}

/** Problems as file:line:column issues, one per field, in file order, the row named by index and time. */
function locate(problems: readonly Problem[], file: string, text: string, value: unknown): DataIssue[] {
  const seen = new Set<string>();
  const issues: (DataIssue & { offset: number })[] = [];
  for (const problem of problems) {
    const where = problem.path.join(".");
    if (seen.has(where)) continue;
    seen.add(where);
    const { line, column } = jsonPathPosition(text, problem.path);
    issues.push({ file, line, column, offset: line * 1e6 + column, message: `${label(problem.path, value)}${problem.message}` });
  }
  issues.sort((a, b) => a.offset - b.offset);
  const shown: DataIssue[] = issues.slice(0, MAX_ISSUES).map(({ offset: _, ...issue }) => issue);
  if (issues.length > MAX_ISSUES) shown.push({ ...shown.at(-1)!, message: `and ${issues.length - MAX_ISSUES} more problem(s) like these` });
  return shown;
}

/** "rows[17] (2026-02-05T03:00:00.000Z) low: ", "meta.window: ", or "" for the whole file. */
function label(path: readonly PropertyKey[], value: unknown): string {
  if (path.length === 0) return "";
  if (path[0] === "rows" && typeof path[1] === "number") {
    const row = (value as { rows: Row[] }).rows[path[1]];
    const stamp = row && typeof row === "object" ? (row.time ?? row.date ?? row.claim_id ?? row.price_low) : undefined;
    const field = pathText(path.slice(2));
    return `rows[${path[1]}]${stamp === undefined ? "" : ` (${String(stamp)})`}${field ? ` ${field}` : ""}: `;
  }
  return `${pathText(path)}: `;
}

/** meta.summary.difficultyAdjustments[0].change_pct */
function pathText(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i > 0 ? "." : ""}${String(key)}`)).join("");
}
