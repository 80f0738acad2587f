// Public-data extracts: an upstream file read as published, validated, converted to the
// extract's columns and units, and trimmed to the window; and the extract read back with the
// same checks. Problems are reported as file:line:column: what is wrong, like the ledger's.

import { csvParseRows } from "d3-dsv";
import { z } from "zod";
import { IssuesError, type LedgerIssue as DataIssue } from "../ledger/errors.ts";
import { windowEndMs, windowStartMs, type EventWindow } from "../window.ts";
import { extractHeader, type ColumnSpec, type SeriesSpec } from "./series.ts";

/** One extract row: `date` (YYYY-MM-DD) for daily series, `time` (ISO, UTC) for hourly ones. */
export type ExtractRow = { date?: string; time?: string } & Record<string, number | string | null>;

/** A data file (public extract, provenance.csv, snapshot) that fails its checks: file:line:column issues, like the ledger's. */
export class DataError extends IssuesError {}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// Upstream hourly stamps: "2026-02-05 00:00:00+00:00" or ISO "2026-02-05T00:00:00Z".
const HOUR = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
const MAX_ISSUES = 20;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A UTC day as written, or null when it is not a real calendar date (2026-02-30). */
function calendarDate(text: string): string | null {
  const day = text.slice(0, 10);
  if (!DATE.test(day)) return null;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day ? day : null;
}

/** The hour's start as ISO UTC without milliseconds, or null when it is no whole hour. */
function hourStamp(text: string): string | null {
  if (!HOUR.test(text) || calendarDate(text) === null) return null;
  const ms = Date.parse(text.replace(" ", "T"));
  if (Number.isNaN(ms) || ms % 3_600_000 !== 0) return null;
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

function cellSchema(column: ColumnSpec) {
  const scale = column.scale ?? 1;
  const number = z
    .string()
    .regex(NUMBER, { message: "is not a number" })
    // Scaling can leave binary noise (0.5395 × 100 = 53.949999…); 15 significant digits drop only that.
    .transform((text) => Number((Number(text) * scale).toPrecision(15)))
    .pipe(
      z
        .number()
        .finite()
        .min(column.min, { message: `is below ${column.min} ${column.unit}: a wrong unit or a broken file` })
        .max(column.max, { message: `is above ${column.max} ${column.unit}: a wrong unit or a broken file` }),
    );
  return column.optional ? z.union([z.literal("").transform(() => null), number]) : number;
}

interface Located {
  line: number;
  stamp: string;
  values: Record<string, number | null>;
}

function rowsToExtract(spec: SeriesSpec, rows: Located[]): ExtractRow[] {
  const key = spec.resolution === "1d" ? "date" : "time";
  return rows.map((row) => ({ [key]: row.stamp, ...row.values }) as ExtractRow);
}

/**
 * Checks cells, time order and candle consistency of rows already mapped to the extract's
 * columns; `cells[i]` holds the texts in spec.columns order, `columnOf` names their position.
 */
function validateRows(
  spec: SeriesSpec,
  file: string,
  input: { line: number; stampText: string; cells: string[]; columnOf: (i: number) => number; stampColumn: number }[],
): Located[] {
  const issues: DataIssue[] = [];
  const schemas = spec.columns.map(cellSchema);
  const located: Located[] = [];
  const seen = new Map<string, number>();
  for (const { line, stampText, cells, columnOf, stampColumn } of input) {
    const stamp = spec.resolution === "1d" ? (DATE.test(stampText) ? calendarDate(stampText) : null) : hourStamp(stampText);
    if (stamp === null) {
      const expected = spec.resolution === "1d" ? "a YYYY-MM-DD date" : "a whole hour with its UTC offset";
      issues.push({ file, line, column: stampColumn, message: `"${stampText}" is not ${expected}` });
      continue;
    }
    const values: Record<string, number | null> = {};
    let ok = true;
    spec.columns.forEach((column, i) => {
      const parsed = schemas[i]!.safeParse(cells[i] ?? "");
      if (parsed.success) values[column.name] = parsed.data;
      else {
        ok = false;
        const text = cells[i] === "" ? "empty" : `"${cells[i]}"`;
        issues.push({ file, line, column: columnOf(i), message: `${column.from}: ${text} ${parsed.error.issues[0]?.message ?? "is invalid"}` });
      }
    });
    const previousLine = seen.get(stamp);
    if (previousLine !== undefined) {
      issues.push({ file, line, column: stampColumn, message: `duplicate timestamp ${stamp} (first on line ${previousLine})` });
      continue;
    }
    const last = located.at(-1);
    if (last && stamp < last.stamp) {
      issues.push({ file, line, column: stampColumn, message: `timestamp ${stamp} comes after ${last.stamp} (line ${last.line}); rows must be in time order` });
      continue;
    }
    seen.set(stamp, line);
    if (ok && spec.ohlc) {
      const { open, high, low, close } = values as Record<"open" | "high" | "low" | "close", number>;
      if (!(low <= Math.min(open, close) && high >= Math.max(open, close))) {
        ok = false;
        issues.push({ file, line, column: 1, message: `candle is inconsistent: low ${low}, open ${open}, close ${close}, high ${high} (need low ≤ open, close ≤ high)` });
      }
    }
    if (ok) located.push({ line, stamp, values });
  }
  if (issues.length > MAX_ISSUES) {
    const rest = issues.length - MAX_ISSUES;
    issues.splice(MAX_ISSUES, rest, { file, line: issues[MAX_ISSUES]!.line, column: 1, message: `and ${rest} more problem(s) like these` });
  }
  if (issues.length > 0) throw new DataError(issues);
  return located;
}

/**
 * Parse an upstream file as published into extract rows inside the window. Rows outside it are
 * only checked for shape: a dataset's old history may break rules that hold for this window.
 */
export function parseUpstream(spec: SeriesSpec, text: string, file: string, window: EventWindow): ExtractRow[] {
  if (text.trim() === "") throw new DataError([{ file, line: 1, column: 1, message: "the file is empty" }]);
  if (!/\n$/.test(text)) {
    throw new DataError([{ file, line: text.split("\n").length, column: 1, message: "the last line has no line break: the file may have been cut off mid-row" }]);
  }
  const rows = csvParseRows(text.replace(/^\uFEFF/, ""));
  const header = rows[0] ?? [];
  const indexOf = (name: string) => header.indexOf(name);
  const wanted = [spec.timeFrom, ...spec.columns.map((column) => column.from), ...(spec.where ? [spec.where.column] : [])];
  const missing = wanted.filter((name) => indexOf(name) < 0);
  if (missing.length > 0) {
    throw new DataError([{ file, line: 1, column: 1, message: `header lacks ${missing.map((name) => `"${name}"`).join(", ")} (found: ${header.join(",")}); is this the ${spec.path} file of ${spec.repo}?` }]);
  }
  const stampColumn = indexOf(spec.timeFrom);
  const input = [];
  for (let i = 1 + (spec.skipAfterHeader ?? 0); i < rows.length; i++) {
    const row = rows[i]!;
    const line = i + 1;
    if (row.length === 1 && row[0] === "") continue;
    if (row.length !== header.length) {
      throw new DataError([{ file, line, column: 1, message: `row has ${row.length} fields; the header has ${header.length}` }]);
    }
    if (spec.where && row[indexOf(spec.where.column)] !== spec.where.equals) continue;
    if (!inWindow(row[stampColumn]!, window)) continue;
    input.push({
      line,
      stampText: row[stampColumn]!,
      cells: spec.columns.map((column) => row[indexOf(column.from)]!),
      columnOf: (k: number) => indexOf(spec.columns[k]!.from) + 1,
      stampColumn: stampColumn + 1,
    });
  }
  return rowsToExtract(spec, validateRows(spec, file, input));
}

/** Whether an upstream date or time falls in the window; unreadable stamps count as inside, to be reported. */
function inWindow(stampText: string, window: EventWindow): boolean {
  // Date.parse rolls an impossible day over (2026-02-30 becomes March 2, outside): report it instead.
  if (calendarDate(stampText) === null) return true;
  const ms = Date.parse(DATE.test(stampText) ? `${stampText}T00:00:00Z` : stampText.replace(" ", "T"));
  return Number.isNaN(ms) || (ms >= windowStartMs(window) && ms < windowEndMs(window));
}

export function rowStamp(row: ExtractRow): string {
  return (row.date ?? row.time)!;
}

/** Rows from the window's first day up to (not including) its end. */
export function trimToWindow(rows: readonly ExtractRow[], window: EventWindow): ExtractRow[] {
  const start = windowStartMs(window);
  const end = windowEndMs(window);
  return rows.filter((row) => {
    const ms = Date.parse(row.date ? `${row.date}T00:00:00Z` : row.time!);
    return ms >= start && ms < end;
  });
}

export function formatExtract(spec: SeriesSpec, rows: readonly ExtractRow[]): string {
  const header = extractHeader(spec);
  const lines = rows.map((row) => header.map((name) => (row[name] === null || row[name] === undefined ? "" : String(row[name]))).join(","));
  return [header.join(","), ...lines].join("\n") + "\n";
}

/** Read an extract back: the exact header, then the same checks as on import. */
export function parseExtract(spec: SeriesSpec, text: string, file: string, window?: EventWindow): ExtractRow[] {
  const rows = csvParseRows(text);
  const header = extractHeader(spec);
  const found = rows[0] ?? [];
  if (found.join(",") !== header.join(",")) {
    throw new DataError([{ file, line: 1, column: 1, message: `header is "${found.join(",")}"; expected "${header.join(",")}" for series ${spec.id}` }]);
  }
  const input = [];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.length === 1 && row[0] === "") continue;
    if (row.length !== header.length) throw new DataError([{ file, line: i + 1, column: 1, message: `row has ${row.length} fields; expected ${header.length}` }]);
    input.push({ line: i + 1, stampText: row[0]!, cells: row.slice(1), columnOf: (k: number) => k + 2, stampColumn: 1 });
  }
  // The extract holds values already in the extract's units: validate them unscaled.
  const unscaled = { ...spec, columns: spec.columns.map((column) => ({ ...column, from: column.name, scale: 1 })) };
  const parsed = rowsToExtract(spec, validateRows(unscaled, file, input));
  if (window) {
    const inside = trimToWindow(parsed, window);
    if (inside.length !== parsed.length) {
      const outside = parsed.find((row) => !inside.includes(row))!;
      throw new DataError([{ file, line: parsed.indexOf(outside) + 2, column: 1, message: `${rowStamp(outside)} is outside the window ${window.start} to ${window.end}` }]);
    }
  }
  return parsed;
}
