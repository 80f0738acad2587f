import { csvParseRows } from "d3-dsv";
import type { LedgerIssue } from "./errors.ts";

export interface CsvRecord<Column extends string> {
  /** 1-based physical line of the row. */
  line: number;
  fields: Record<Column, string>;
}

export interface CsvParseResult<Column extends string> {
  records: CsvRecord<Column>[];
  issues: LedgerIssue[];
}

/**
 * Parse a ledger CSV whose header must be exactly `columns`.
 * Rows are kept on one line each (a field with a line break is an error), so
 * a row's line number is what an editor shows. Blank lines are skipped.
 */
export function parseCsv<Column extends string>(
  text: string,
  file: string,
  columns: readonly Column[],
): CsvParseResult<Column> {
  const rows = csvParseRows(text.replace(/^\uFEFF/, ""));
  const issues: LedgerIssue[] = [];
  const records: CsvRecord<Column>[] = [];
  if (text.trim() === "") {
    return { records, issues: [{ file, line: 1, column: 1, message: `file is empty; write the header ${columns.join(",")} and one row per line under it` }] };
  }
  const [header, ...body] = rows;

  const headerIssue = checkHeader(header ?? [], file, columns);
  if (headerIssue) return { records, issues: [headerIssue] };

  // Quoted fields may hide line breaks; count them so later rows keep true line numbers.
  let line = 1 + countLineBreaks(header ?? []);
  for (const row of body) {
    line += 1;
    const rowLine = line;
    line += countLineBreaks(row);
    if (row.length === 1 && row[0] === "") continue;

    const brokenColumn = row.findIndex((field) => /[\r\n]/.test(field));
    if (brokenColumn >= 0) {
      issues.push({
        file,
        line: rowLine,
        column: brokenColumn + 1,
        message: `${columns[brokenColumn] ?? "field"} contains a line break; keep each row on one line`,
      });
      continue;
    }
    if (row.length !== columns.length) {
      issues.push({
        file,
        line: rowLine,
        column: 1,
        message: `row has ${row.length} fields; expected ${columns.length} (${columns.join(",")}); wrap fields that contain commas in double quotes`,
      });
      continue;
    }
    const fields = Object.fromEntries(columns.map((column, i) => [column, row[i] ?? ""])) as Record<Column, string>;
    records.push({ line: rowLine, fields });
  }
  return { records, issues };
}

function checkHeader(header: string[], file: string, columns: readonly string[]): LedgerIssue | null {
  const expected = columns.join(",");
  const mismatch = columns.findIndex((column, i) => header[i] !== column);
  if (mismatch < 0 && header.length === columns.length) return null;
  const column = mismatch < 0 ? columns.length + 1 : mismatch + 1;
  const found = header[column - 1];
  const expectedName = columns[column - 1];
  const what =
    expectedName === undefined
      ? `header has an extra column ${column} "${found}"`
      : found === undefined
        ? `header is missing column ${column} "${expectedName}"`
        : `header column ${column} is "${found}" but should be "${expectedName}"`;
  return { file, line: 1, column, message: `${what}; the header must be exactly ${expected}` };
}

function countLineBreaks(row: string[]): number {
  return row.reduce((sum, field) => sum + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
}
