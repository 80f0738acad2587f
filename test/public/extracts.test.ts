// The committed data/public/: every extract reads back against its provenance row, the folder
// holds exactly the files provenance.csv lists, and the README's table covers every series.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { rowStamp } from "../../src/lib/public/extract.ts";
import { SERIES, seriesById } from "../../src/lib/public/series.ts";
import { READ_PART, READ_WHOLE, readExtract, readProvenance } from "../../src/lib/public/store.ts";
import { projectRoot } from "../support/tempProject.ts";

const PUBLIC_DIR = path.join(projectRoot, "data/public");
const provenance = [...readProvenance(PUBLIC_DIR)];

/** Registered series whose extract is still to be committed; remove an id once its extract lands. */
const PENDING: string[] = [];

describe("data/public", () => {
  test.each(provenance)("$series reads back: checksum, window and the recorded count", (row) => {
    const rows = readExtract(row.series, PUBLIC_DIR);
    expect(String(rows.length)).toBe(row.rows);
    expect(rowStamp(rows[0]!)).toBe(row.first);
    expect(rowStamp(rows.at(-1)!)).toBe(row.last);
  });

  test("provenance.csv lists exactly the extracts in the folder", () => {
    // agreement-notes.csv holds notes on the extracts (src/lib/public/agreement.ts), not an extract.
    const extracts = readdirSync(PUBLIC_DIR).filter((name) => !["provenance.csv", "README.md", "agreement-notes.csv"].includes(name));
    expect(extracts.sort()).toEqual(provenance.map((row) => row.file).sort());
    for (const row of provenance) expect(row.file).toBe(`${row.series}.csv`);
    expect(new Set(provenance.map((row) => row.series)).size).toBe(provenance.length);
  });

  test("every row names a full commit and its checksums", () => {
    for (const row of provenance) {
      expect(row.commit, row.series).toMatch(/^[0-9a-f]{40}$/);
      expect(row.extract_sha256, row.series).toMatch(/^[0-9a-f]{64}$/);
      if (row.read === READ_WHOLE) expect(row.source_sha256, row.series).toMatch(/^[0-9a-f]{64}$/);
      else {
        expect(row.read, row.series).toBe(READ_PART);
        expect(row.source_sha256, row.series).toBe("");
      }
    }
  });

  test("every row agrees with the series registry", () => {
    for (const row of provenance) {
      const spec = seriesById(row.series);
      expect({ upstream: row.upstream, repo: row.repo, path: row.path, licence: row.licence }, row.series).toEqual({
        upstream: spec.upstream,
        repo: spec.repo,
        path: spec.path,
        licence: spec.licence,
      });
    }
  });

  test("every registered series has an extract, except those still to come", () => {
    const imported = new Set(provenance.map((row) => row.series));
    expect(SERIES.map((series) => series.id).filter((id) => !imported.has(id))).toEqual(PENDING);
  });
});

/** The README's series table, one record per row keyed by the header's column names. */
function readmeSeriesTable(): Map<string, Record<string, string>> {
  const lines = readFileSync(path.join(PUBLIC_DIR, "README.md"), "utf8").split("\n");
  const cells = (line: string) => line.slice(1, -1).split("|").map((cell) => cell.trim());
  const headerAt = lines.findIndex((line) => line.startsWith("| id |"));
  expect(headerAt, "data/public/README.md has no table starting with | id |").toBeGreaterThanOrEqual(0);
  const header = cells(lines[headerAt]!);
  const table = new Map<string, Record<string, string>>();
  for (const line of lines.slice(headerAt + 2)) {
    if (!line.startsWith("|")) break;
    const record = Object.fromEntries(header.map((name, i) => [name, cells(line)[i] ?? ""]));
    table.set(record.id!.replace(/`/g, ""), record);
  }
  return table;
}

describe("data/public/README.md", () => {
  const table = readmeSeriesTable();

  test("its table lists every series of provenance.csv, and only registered series", () => {
    const missing = provenance.map((row) => row.series).filter((id) => !table.has(id));
    expect(missing, "series missing from the table in data/public/README.md").toEqual([]);
    const known = new Set(SERIES.map((series) => series.id));
    expect([...table.keys()].filter((id) => !known.has(id))).toEqual([]);
  });

  test("its mirror commit, path, rows, first, last and reading agree with provenance.csv", () => {
    for (const row of provenance) {
      const listed = table.get(row.series)!;
      expect(
        { mirror: listed.mirror, path: listed.path, rows: listed.rows, first: listed.first, last: listed.last },
        `README row for ${row.series}`,
      ).toEqual({ mirror: `${row.repo}@${row.commit.slice(0, 7)}`, path: `\`${row.path}\``, rows: row.rows, first: row.first, last: row.last });
      expect(listed["how it was read"], `README row for ${row.series}`).toMatch(new RegExp(`^${row.read}`));
    }
  });
});
