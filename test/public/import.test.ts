// `npm run import`: upstream files in every layout the registry reads, and the ways a file can
// be wrong. Everything is written to temporary folders (REPORT_PUBLIC_DIR), never data/public.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { DataError, formatExtract, parseUpstream, rowStamp, type ExtractRow } from "../../src/lib/public/extract.ts";
import { extractHeader, seriesById } from "../../src/lib/public/series.ts";
import { READ_PART, READ_WHOLE, readExtract, readProvenance, sha256, writeExtract, type ProvenanceRow } from "../../src/lib/public/store.ts";
import { PUBLIC_WINDOW } from "../../src/lib/window.ts";
import { projectRoot } from "../support/tempProject.ts";

/** A made-up commit: these imports only ever land in temporary folders. */
const COMMIT = "0123456789abcdef0123456789abcdef01234567";
const fixture = (series: string) => `test/fixtures/public/${series}.csv`;
const readFixture = (series: string) => readFileSync(path.join(projectRoot, fixture(series)), "utf8");

type Issue = DataError["issues"][number];

function issuesOf(run: () => unknown): Issue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError) return [...error.issues];
    throw error;
  }
  throw new Error("expected a DataError, got none");
}

function parseFixture(series: string, text = readFixture(series), file = fixture(series)): ExtractRow[] {
  return parseUpstream(seriesById(series), text, file, PUBLIC_WINDOW);
}

/** Replace one 1-based line, keeping its line end (the yfinance and case-study files use CRLF). */
function editLine(text: string, line: number, edit: (content: string) => string): string {
  const lines = text.split("\n");
  lines[line - 1] = edit(lines[line - 1]!);
  return lines.join("\n");
}

/** Each file's SHA-256 by name: two equal snapshots mean the folder is byte-for-byte the same. */
function folderSnapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, sha256(readFileSync(path.join(dir, name)))]));
}

function importFixtureInto(dir: string, series: string): ProvenanceRow {
  const spec = seriesById(series);
  const rows = parseFixture(series);
  return writeExtract(dir, spec, formatExtract(spec, rows), rows, { commit: COMMIT, read: READ_WHOLE, sourceSha256: sha256(readFixture(series)) });
}

/** The real command, as `npm run import -- <args>` runs it, writing into `publicDir`. */
function runImport(args: string[], publicDir: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/import.ts", ...args], {
    cwd: projectRoot,
    env: { ...process.env, REPORT_PUBLIC_DIR: publicDir },
    encoding: "utf8",
  });
}

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), "import-test-"));
});
afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe("each upstream layout imports", () => {
  const layouts: { series: string; layout: string; stamps: string[]; first: ExtractRow }[] = [
    {
      series: "btc-binance-1d",
      layout: "Binance daily, timestamp,open,...",
      stamps: ["2025-10-01", "2025-10-02", "2026-02-27", "2026-02-28"],
      first: { date: "2025-10-01", open: 114048.94, high: 118649.1, low: 113966.67, close: 118594.99, volume: 20036.39516 },
    },
    {
      series: "btc-yahoo-1h",
      layout: "Yahoo hourly, 2025-10-01 00:00:00+00:00",
      stamps: ["2025-10-01T00:00:00Z", "2025-10-01T01:00:00Z", "2026-02-28T22:00:00Z", "2026-02-28T23:00:00Z"],
      first: { time: "2025-10-01T00:00:00Z", open: 114078.0078125, high: 114275.8984375, low: 113984.9375, close: 114231.078125, volume: 191578112 },
    },
    {
      series: "btc-yahoo-1d",
      layout: "case study: BOM, quoted, CRLF",
      stamps: ["2025-10-01", "2025-10-02", "2026-02-27", "2026-02-28"],
      first: { date: "2025-10-01", open: 114057.59375, high: 118648.9296875, low: 113981.3984375, close: 118648.9296875, volume: 71328680132 },
    },
    {
      series: "sp500-yahoo-1d",
      layout: "yfinance: three header lines, CRLF",
      stamps: ["2025-10-01", "2025-10-02", "2026-02-26", "2026-02-27"],
      first: { date: "2025-10-01", open: 6664.919921875, high: 6718.47998046875, low: 6656.2001953125, close: 6711.2001953125 },
    },
    {
      series: "btc-coinbase-fred-1d",
      layout: "FRED observation_date,CBBTCUSD",
      stamps: ["2025-10-01", "2025-10-02", "2026-02-27", "2026-02-28"],
      first: { date: "2025-10-01", close: 120621.32 },
    },
    {
      series: "btc-coinmetrics-1d",
      layout: "Coin Metrics wide header",
      stamps: ["2025-10-01", "2025-10-02", "2025-12-29", "2025-12-30"],
      first: {
        date: "2025-10-01",
        price_usd: 118393.270386324,
        mvrv: 2.18615502671208,
        supply_btc: 19928848.0421066,
        hashrate_ehs: 1079.01882424226,
        issuance_btc: 471.875,
        fees_btc: 3.68651784,
        blocks: 151,
        exchange_inflow_btc: 25728.04459087,
        exchange_outflow_btc: 30309.5304342,
        exchange_supply_btc: 2656399.6826809,
      },
    },
    {
      series: "btc-dvol-1h",
      layout: "DVOL as a fraction, timestamp,iv",
      stamps: ["2025-10-01T00:00:00Z", "2025-10-01T01:00:00Z", "2026-02-28T23:00:00Z"],
      // 0.36579999999999996 × 100, without the binary noise.
      first: { time: "2025-10-01T00:00:00Z", dvol: 36.58 },
    },
    {
      series: "btc-hashrate-1d",
      layout: "lukmol date,hashrate in TH/s",
      stamps: ["2025-10-01", "2025-10-02", "2026-02-11", "2026-02-12"],
      // 1076906913.28378 TH/s is 1076.90691328378 EH/s.
      first: { date: "2025-10-01", hashrate_ehs: 1076.90691328378 },
    },
    {
      series: "btc-fees-1d",
      layout: "lukmol Coin Metrics export, date last",
      stamps: ["2025-11-05", "2025-11-06"],
      first: { date: "2025-11-05", fees_btc: 4.23042387, tx_count: 399776, active_addresses: 747953 },
    },
    {
      series: "ibit-flow-estimate-1d",
      layout: "long date,ticker,flow_usd table, IBIT rows",
      stamps: ["2026-01-02", "2026-01-05", "2026-01-16", "2026-01-19", "2026-01-20", "2026-02-05", "2026-02-27"],
      first: { date: "2026-01-02", flow_usd_estimate: -99050000 },
    },
  ];

  test.each(layouts)("$series ($layout): columns, units, UTC times, trimmed to the window", ({ series, stamps, first }) => {
    const rows = parseFixture(series);
    expect(rows.map(rowStamp)).toEqual(stamps);
    expect(rows[0]).toEqual(first);
    for (const row of rows) expect(Object.keys(row)).toEqual(extractHeader(seriesById(series)));
  });

  test.each(layouts)("$series: the extract written reads back as the same rows", ({ series }) => {
    const rows = parseFixture(series);
    const written = importFixtureInto(scratch, series);
    expect(written).toMatchObject({ rows: String(rows.length), first: rowStamp(rows[0]!), last: rowStamp(rows.at(-1)!) });
    expect(readExtract(series, scratch)).toEqual(rows);
  });

  test("the last rows keep their converted units", () => {
    expect(parseFixture("btc-dvol-1h").at(-1)).toEqual({ time: "2026-02-28T23:00:00Z", dvol: 55.21 });
    expect(parseFixture("btc-hashrate-1d").at(-1)).toEqual({ date: "2026-02-12", hashrate_ehs: 1107.44699996433 });
  });

  test("an empty upstream cell stays a gap (null), never a number", () => {
    const coinMetrics = parseFixture("btc-coinmetrics-1d").at(-1)!;
    expect(coinMetrics.date).toBe("2025-12-30");
    for (const column of seriesById("btc-coinmetrics-1d").columns) expect(coinMetrics[column.name]).toBeNull();
    expect(parseFixture("ibit-flow-estimate-1d").find((row) => row.date === "2026-01-19")).toEqual({ date: "2026-01-19", flow_usd_estimate: null });
    const fredGap = editLine(readFixture("btc-coinbase-fred-1d"), 7, () => "2025-10-02,");
    expect(parseFixture("btc-coinbase-fred-1d", fredGap)[1]).toEqual({ date: "2025-10-02", close: null });
  });

  test("hours with another UTC offset are converted to UTC", () => {
    const shifted = editLine(readFixture("btc-yahoo-1h"), 4, (line) => line.replace("2025-10-01 01:00:00+00:00", "2025-10-01 03:00:00+02:00"));
    expect(parseFixture("btc-yahoo-1h", shifted)[1]!.time).toBe("2025-10-01T01:00:00Z");
  });
});

describe("a malformed file names file, line and field, and nothing is written", () => {
  const cases: { name: string; series: string; edit: (text: string) => string; issues: [line: number, column: number, message: string][] }[] = [
    {
      name: "wrong header",
      series: "btc-binance-1d",
      edit: (text) => editLine(text, 1, () => "timestamp,open,high,low,close,vol"),
      issues: [[1, 1, 'header lacks "volume" (found: timestamp,open,high,low,close,vol); is this the data/btc_daily.csv file of Marcdylann/btc-dip-prediction-thesis?']],
    },
    {
      name: "a bad number",
      series: "btc-binance-1d",
      edit: (text) => editLine(text, 4, (line) => line.replace("120529.35", "12O529.35")),
      issues: [[4, 5, 'close: "12O529.35" is not a number']],
    },
    {
      name: "unsorted timestamps",
      series: "btc-binance-1d",
      edit: (text) => {
        const lines = text.split("\n");
        [lines[2], lines[3]] = [lines[3]!, lines[2]!];
        return lines.join("\n");
      },
      issues: [[4, 1, "timestamp 2025-10-01 comes after 2025-10-02 (line 3); rows must be in time order"]],
    },
    {
      name: "a duplicate timestamp (the same hour written with another offset)",
      series: "btc-yahoo-1h",
      edit: (text) => editLine(text, 4, (line) => line.replace("2025-10-01 01:00:00+00:00", "2025-10-01 01:00:00+01:00")),
      issues: [[4, 1, "duplicate timestamp 2025-10-01T00:00:00Z (first on line 3)"]],
    },
    {
      name: "a wrong unit: DVOL already in vol points",
      series: "btc-dvol-1h",
      edit: (text) => editLine(text, 3, (line) => line.replace("0.36579999999999996", "36.58")),
      issues: [[3, 2, 'iv: "36.58" is above 300 vol_pts: a wrong unit or a broken file']],
    },
    {
      name: "a wrong unit: hash rate in H/s",
      series: "btc-hashrate-1d",
      edit: (text) => text.replace(/,([\d.]+)$/gm, ",$1e12"),
      issues: [
        [3, 2, 'hashrate: "1076906913.28378e12" is above 5000 eh_per_s: a wrong unit or a broken file'],
        [4, 2, 'hashrate: "1019764936.47533e12" is above 5000 eh_per_s: a wrong unit or a broken file'],
        [5, 2, 'hashrate: "982311745.73107e12" is above 5000 eh_per_s: a wrong unit or a broken file'],
        [6, 2, 'hashrate: "1107446999.96433e12" is above 5000 eh_per_s: a wrong unit or a broken file'],
      ],
    },
    {
      name: "an inconsistent candle (low above the open)",
      series: "sp500-yahoo-1d",
      edit: (text) => editLine(text, 5, (line) => line.replace(",6656.2001953125,", ",6700,")),
      issues: [[5, 1, "candle is inconsistent: low 6700, open 6664.919921875, close 6711.2001953125, high 6718.47998046875 (need low ≤ open, close ≤ high)"]],
    },
    {
      name: "an impossible date (2026-02-30, which Date.parse would roll over to March, out of the window)",
      series: "btc-binance-1d",
      edit: (text) => editLine(text, 6, (line) => line.replace("2026-02-28", "2026-02-30")),
      issues: [[6, 1, '"2026-02-30" is not a YYYY-MM-DD date']],
    },
    {
      name: "an impossible hour (2026-02-30 23:00)",
      series: "btc-yahoo-1h",
      edit: (text) => editLine(text, 6, (line) => line.replace("2026-02-28 23:00", "2026-02-30 23:00")),
      issues: [[6, 1, '"2026-02-30 23:00:00+00:00" is not a whole hour with its UTC offset']],
    },
    {
      name: "a file cut off mid-row (no final line break)",
      series: "btc-binance-1d",
      edit: (text) => text.slice(0, text.indexOf("2026-02-28") + "2026-02-28,6587".length),
      issues: [[6, 1, "the last line has no line break: the file may have been cut off mid-row"]],
    },
    {
      name: "a row with fields missing",
      series: "btc-yahoo-1d",
      edit: (text) => editLine(text, 3, (line) => line.replace(',"118648.9296875","71328680132"', "")),
      issues: [[3, 1, "row has 5 fields; the header has 7"]],
    },
    {
      name: "an empty file",
      series: "btc-dvol-1h",
      edit: () => "",
      issues: [[1, 1, "the file is empty"]],
    },
  ];

  test.each(cases)("$name", ({ series, edit, issues }) => {
    const upstream = path.join(scratch, "upstream");
    const target = path.join(scratch, "public");
    mkdirSync(upstream);
    const file = path.join(upstream, `${series}.csv`);
    const text = edit(readFixture(series));
    expect(text).not.toBe(readFixture(series));
    writeFileSync(file, text);
    const expected = issues.map(([line, column, message]) => ({ file, line, column, message }));
    expect(issuesOf(() => parseFixture(series, text, file))).toEqual(expected);

    // The target already holds this series' extract and provenance: a failed import leaves them as they were.
    importFixtureInto(target, series);
    importFixtureInto(target, "btc-fees-1d");
    const before = folderSnapshot(target);
    const result = runImport([series, file, "--commit", COMMIT], target);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe([...expected.map(({ line, column, message }) => `${file}:${line}:${column}: ${message}`), "nothing was written", ""].join("\n"));
    expect(folderSnapshot(target)).toEqual(before);
  });
});

describe("the import command", () => {
  test("refuses a bad file: exit 1, file:line on stderr, no file written", () => {
    const file = path.join(scratch, "btc-dvol-1h.csv");
    writeFileSync(file, editLine(readFixture("btc-dvol-1h"), 4, (line) => line.replace("0.3654", "36.54")));
    const target = path.join(scratch, "public");
    const result = runImport(["btc-dvol-1h", file, "--commit", COMMIT], target);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${file}:4:2: iv: "36.54" is above 300 vol_pts`);
    expect(result.stderr).toMatch(/nothing was written\n$/);
    expect(readdirSync(scratch)).toEqual(["btc-dvol-1h.csv"]);
  });

  test("writes the extract and a provenance row with checksums and counts", () => {
    const result = runImport(["btc-dvol-1h", fixture("btc-dvol-1h"), "--commit", COMMIT], scratch);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const extract = path.join(scratch, "btc-dvol-1h.csv");
    expect(result.stdout).toBe(`btc-dvol-1h: 3 rows, 2025-10-01T00:00:00Z to 2026-02-28T23:00:00Z, written to ${extract}\n`);
    expect(readdirSync(scratch).sort()).toEqual(["btc-dvol-1h.csv", "provenance.csv"]);
    expect(readFileSync(extract, "utf8")).toBe("time,dvol\n2025-10-01T00:00:00Z,36.58\n2025-10-01T01:00:00Z,36.54\n2026-02-28T23:00:00Z,55.21\n");
    const spec = seriesById("btc-dvol-1h");
    expect([...readProvenance(scratch)]).toEqual([
      {
        series: "btc-dvol-1h",
        file: "btc-dvol-1h.csv",
        upstream: spec.upstream,
        repo: spec.repo,
        commit: COMMIT,
        path: spec.path,
        licence: spec.licence,
        read: READ_WHOLE,
        source_sha256: sha256(readFileSync(path.join(projectRoot, fixture("btc-dvol-1h")))),
        extract_sha256: sha256(readFileSync(extract)),
        rows: "3",
        first: "2025-10-01T00:00:00Z",
        last: "2026-02-28T23:00:00Z",
      },
    ]);
  });

  test("--part records no whole-file checksum, and rows stay in registry order", () => {
    expect(runImport(["btc-dvol-1h", fixture("btc-dvol-1h"), "--commit", COMMIT], scratch).status).toBe(0);
    const result = runImport(["btc-coinbase-fred-1d", fixture("btc-coinbase-fred-1d"), "--commit", COMMIT, "--part"], scratch);
    expect(result.status).toBe(0);
    const provenance = readProvenance(scratch);
    expect(provenance.map((row) => row.series)).toEqual(["btc-coinbase-fred-1d", "btc-dvol-1h"]);
    expect(provenance[0]).toMatchObject({ read: READ_PART, source_sha256: "", rows: "4", first: "2025-10-01", last: "2026-02-28" });
    expect(provenance[1]).toMatchObject({ read: READ_WHOLE, rows: "3" });
    expect(readExtract("btc-coinbase-fred-1d", scratch)).toHaveLength(4);
  });

  test("without a 40-hex commit it prints the usage and exits 2", () => {
    const result = runImport(["btc-dvol-1h", fixture("btc-dvol-1h"), "--commit", "b87d272"], scratch);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^usage: npm run import -- <series> <file> --commit <40-hex commit> \[--part\]/);
    expect(readdirSync(scratch)).toEqual([]);
  });
});

describe("readExtract", () => {
  test("refuses an extract edited by hand, naming the file", () => {
    importFixtureInto(scratch, "btc-dvol-1h");
    const file = path.join(scratch, "btc-dvol-1h.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace("36.58", "36.59"));
    expect(issuesOf(() => readExtract("btc-dvol-1h", scratch))).toEqual([
      { file, line: 1, column: 1, message: "SHA-256 differs from provenance.csv: the extract was edited by hand; re-import it with npm run import" },
    ]);
  });

  test("refuses a row outside the window, naming the file and line", () => {
    const spec = seriesById("btc-binance-1d");
    const wider = parseUpstream(spec, readFixture("btc-binance-1d"), fixture("btc-binance-1d"), { start: "2025-09-30", end: "2026-03-02" });
    expect(wider.map(rowStamp)).toContain("2025-09-30");
    writeExtract(scratch, spec, formatExtract(spec, wider), wider, { commit: COMMIT, read: READ_WHOLE, sourceSha256: sha256(readFixture("btc-binance-1d")) });
    expect(issuesOf(() => readExtract("btc-binance-1d", scratch))).toEqual([
      { file: path.join(scratch, "btc-binance-1d.csv"), line: 2, column: 1, message: "2025-09-30 is outside the window 2025-10-01 to 2026-03-01" },
    ]);
  });

  test("names a missing extract and a missing provenance row", () => {
    expect(issuesOf(() => readExtract("btc-dvol-1h", scratch))[0]!.message).toBe(
      "no extract for series btc-dvol-1h; run npm run import -- btc-dvol-1h <upstream file> --commit <sha>",
    );
    importFixtureInto(scratch, "btc-hashrate-1d");
    writeFileSync(path.join(scratch, "btc-dvol-1h.csv"), "time,dvol\n");
    expect(issuesOf(() => readExtract("btc-dvol-1h", scratch))).toEqual([
      { file: path.join(scratch, "provenance.csv"), line: 1, column: 1, message: "no provenance row for series btc-dvol-1h" },
    ]);
  });
});
