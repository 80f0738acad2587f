// data/public/: one extract per series and provenance.csv, the table that says where each
// extract came from. Extract and provenance are replaced together or not at all: the folder
// is replaced whole.

import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { csvFormatRows, csvParse } from "d3-dsv";
import { replaceFiles } from "../files/replaceFolder.ts";
import { displayPath, PROJECT_ROOT } from "../ledger/paths.ts";
import { PUBLIC_WINDOW } from "../window.ts";
import { checkFileSize } from "../budgets.ts";
import { DataError, parseExtract, rowStamp, type ExtractRow } from "./extract.ts";
import { checkExtractAgainstProvenance, PROVENANCE_COLUMNS, READ_PART, READ_WHOLE, validateProvenance, type ProvenanceRow } from "./schema.ts";
import { SERIES, seriesById, type SeriesSpec } from "./series.ts";

export { PROVENANCE_COLUMNS, READ_PART, READ_WHOLE, type ProvenanceRow } from "./schema.ts";

export function publicDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.REPORT_PUBLIC_DIR ? path.resolve(PROJECT_ROOT, env.REPORT_PUBLIC_DIR) : path.join(PROJECT_ROOT, "data", "public");
}

export const sha256 = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

/** provenance.csv's rows, validated (src/lib/public/schema.ts); none when the file is absent. */
export function readProvenance(dir: string): ProvenanceRow[] {
  const file = path.join(dir, "provenance.csv");
  if (!existsSync(file)) return [];
  checkFileSize("provenance", file);
  const rows = csvParse(readFileSync(file, "utf8"));
  const header = rows.columns.join(",");
  if (header !== PROVENANCE_COLUMNS.join(",")) {
    throw new DataError([{ file: displayPath(file), line: 1, column: 1, message: `header is "${header}"; expected "${PROVENANCE_COLUMNS.join(",")}"` }]);
  }
  return validateProvenance(rows as unknown as ProvenanceRow[], displayPath(file));
}

function formatProvenance(rows: readonly ProvenanceRow[]): string {
  return csvFormatRows([[...PROVENANCE_COLUMNS], ...rows.map((row) => PROVENANCE_COLUMNS.map((column) => row[column]))]) + "\n";
}

export interface ExtractSource {
  commit: string;
  read: typeof READ_WHOLE | typeof READ_PART;
  /** The upstream file's SHA-256, recorded only when it was read whole. */
  sourceSha256: string | null;
}

/** Replace the series' extract and its provenance row together. */
export function writeExtract(dir: string, spec: SeriesSpec, text: string, rows: readonly ExtractRow[], source: ExtractSource): ProvenanceRow {
  const file = `${spec.id}.csv`;
  const row: ProvenanceRow = {
    series: spec.id,
    file,
    upstream: spec.upstream,
    repo: spec.repo,
    commit: source.commit,
    path: spec.path,
    licence: spec.licence,
    read: source.read,
    source_sha256: source.sourceSha256 ?? "",
    extract_sha256: sha256(text),
    rows: String(rows.length),
    first: rows.length ? rowStamp(rows[0]!) : "",
    last: rows.length ? rowStamp(rows.at(-1)!) : "",
  };
  const provenance = readProvenance(dir).filter((existing) => existing.series !== spec.id);
  const order = (id: string) => SERIES.findIndex((series) => series.id === id);
  provenance.push(row);
  provenance.sort((a, b) => order(a.series) - order(b.series));
  replaceFiles(dir, [
    { name: file, content: text },
    { name: "provenance.csv", content: formatProvenance(provenance) },
  ]);
  return row;
}

/** A series' extract, validated against its spec, its window and its recorded checksum. */
export function readExtract(id: string, dir: string = publicDir()): ExtractRow[] {
  const spec = seriesById(id);
  const file = path.join(dir, `${id}.csv`);
  const shown = displayPath(file);
  if (!existsSync(file)) throw new DataError([{ file: shown, line: 1, column: 1, message: `no extract for series ${id}; run npm run import -- ${id} <upstream file> --commit <sha>` }]);
  checkFileSize("extract", file);
  const text = readFileSync(file, "utf8");
  const recorded = readProvenance(dir).find((row) => row.series === id);
  if (!recorded) throw new DataError([{ file: displayPath(path.join(dir, "provenance.csv")), line: 1, column: 1, message: `no provenance row for series ${id}` }]);
  if (recorded.extract_sha256 !== sha256(text)) {
    throw new DataError([{ file: shown, line: 1, column: 1, message: `SHA-256 differs from provenance.csv: the extract was edited by hand; re-import it with npm run import` }]);
  }
  const rows = parseExtract(spec, text, shown, PUBLIC_WINDOW);
  checkExtractAgainstProvenance(spec, rows, recorded, shown);
  return rows;
}
