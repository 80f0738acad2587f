// The provenance table's schema, and the checks that tie an extract to its row: the row names a
// registered series with that series' upstream, mirror, path and licence, a full commit and
// checksums, and the count and first and last stamps the extract really holds. The extract's
// own rows (header, ranges, candles, order, duplicates, PUBLIC_WINDOW) are checked in extract.ts.

import { z } from "zod";
import type { LedgerIssue as DataIssue } from "../ledger/errors.ts";
import { DataError, rowStamp, type ExtractRow } from "./extract.ts";
import { SERIES, type SeriesSpec } from "./series.ts";

export const PROVENANCE_COLUMNS = [
  "series",
  "file",
  "upstream",
  "repo",
  "commit",
  "path",
  "licence",
  "read",
  "source_sha256",
  "extract_sha256",
  "rows",
  "first",
  "last",
] as const;

export type ProvenanceRow = Record<(typeof PROVENANCE_COLUMNS)[number], string>;

/** How the upstream file was read: whole (its checksum recorded) or the header and the window's lines only. */
export const READ_WHOLE = "whole file";
export const READ_PART = "header and window lines, copied verbatim";

const SHA256 = /^[0-9a-f]{64}$/;
const STAMP = { "1d": /^\d{4}-\d{2}-\d{2}$/, "1h": /^\d{4}-\d{2}-\d{2}T\d{2}:00:00Z$/ } as const;

const provenanceRow = z
  .object({
    series: z.string().refine((id) => SERIES.some((spec) => spec.id === id), { error: (issue) => `series "${String(issue.input)}" is not registered in src/lib/public/series.ts` }),
    file: z.string(),
    upstream: z.string(),
    repo: z.string(),
    commit: z.string().regex(/^[0-9a-f]{40}$/, { error: (issue) => `commit "${String(issue.input)}" is not a full 40-hex commit` }),
    path: z.string(),
    licence: z.string(),
    read: z.enum([READ_WHOLE, READ_PART], { error: (issue) => `read "${String(issue.input)}" is neither "${READ_WHOLE}" nor "${READ_PART}"` }),
    source_sha256: z.string(),
    extract_sha256: z.string().regex(SHA256, { error: "extract_sha256 is not a SHA-256 (64 hex digits)" }),
    rows: z.string().regex(/^[1-9]\d*$/, { error: (issue) => `rows "${String(issue.input)}" is not a positive count` }),
    first: z.string(),
    last: z.string(),
  })
  .superRefine((row, ctx) => {
    const spec = SERIES.find((candidate) => candidate.id === row.series);
    if (!spec) return;
    const problem = (column: keyof ProvenanceRow, message: string) => ctx.addIssue({ code: "custom", path: [column], message });
    if (row.file !== `${spec.id}.csv`) problem("file", `file "${row.file}" is not ${spec.id}.csv, the extract of series ${spec.id}`);
    for (const column of ["upstream", "repo", "path", "licence"] as const) {
      if (row[column] !== spec[column]) problem(column, `${column} "${row[column]}" is not series ${spec.id}'s "${spec[column]}" (src/lib/public/series.ts): re-import the series`);
    }
    if (row.read === READ_WHOLE && !SHA256.test(row.source_sha256)) problem("source_sha256", `source_sha256 is not a SHA-256, and the upstream file was read whole`);
    if (row.read === READ_PART && row.source_sha256 !== "") problem("source_sha256", `source_sha256 must be empty when only part of the upstream file was read`);
    for (const column of ["first", "last"] as const) {
      const stamp = row[column];
      if (!STAMP[spec.resolution].test(stamp)) problem(column, `${column} "${stamp}" is not a ${spec.resolution === "1d" ? "YYYY-MM-DD date" : "whole UTC hour (2026-02-05T03:00:00Z)"}`);
    }
    if (row.first > row.last) problem("last", `last ${row.last} is before first ${row.first}`);
  });

/** provenance.csv's rows checked one by one, and each series listed once. */
export function validateProvenance(rows: readonly ProvenanceRow[], file: string): ProvenanceRow[] {
  const issues: DataIssue[] = [];
  const lineOf = new Map<string, number>();
  rows.forEach((row, i) => {
    const line = i + 2;
    const parsed = provenanceRow.safeParse(row);
    const shown = new Set<PropertyKey>();
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const column = issue.path[0] ?? "series";
      if (shown.has(column)) continue;
      shown.add(column);
      issues.push({ file, line, column: PROVENANCE_COLUMNS.indexOf(column as (typeof PROVENANCE_COLUMNS)[number]) + 1, message: issue.message });
    }
    const first = lineOf.get(row.series);
    if (first !== undefined) issues.push({ file, line, column: 1, message: `series ${row.series} is listed again (first on line ${first}); one row per series` });
    else lineOf.set(row.series, line);
  });
  if (issues.length > 0) throw new DataError(issues);
  return [...rows];
}

/** The extract holds what its provenance row says: the row count and the first and last stamps. */
export function checkExtractAgainstProvenance(spec: SeriesSpec, rows: readonly ExtractRow[], record: ProvenanceRow, file: string): void {
  const first = rows.length > 0 ? rowStamp(rows[0]!) : "";
  const last = rows.length > 0 ? rowStamp(rows.at(-1)!) : "";
  const held = `${rows.length} rows, ${first || "none"} to ${last || "none"}`;
  if (String(rows.length) !== record.rows || first !== record.first || last !== record.last) {
    throw new DataError([
      {
        file,
        line: 1,
        column: 1,
        message: `series ${spec.id} holds ${held}, but provenance.csv records ${record.rows} rows, ${record.first} to ${record.last}: the extract is not the one that was imported; re-import it with npm run import`,
      },
    ]);
  }
}
