// Faults in the files the build reads (issue 11, parts 1 and 7). Each bad snapshot file or
// public extract stops `npm run check` (exit 1), the loader that reads it or the capture that
// would write it, with the file, the line, the row and the field named; the snapshot, the
// extracts and dist/ keep their bytes. Good files come from a capture of the synthetic market
// (test/fixtures) into temporary folders; nothing here writes under data/.

import { execFile } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUDGETS, checkShippedData, formatBytes } from "../../src/lib/budgets.ts";
import { checkDataFiles } from "../../src/lib/dataFiles.ts";
import { DataError } from "../../src/lib/public/extract.ts";
import { publicDir, readProvenance, sha256 } from "../../src/lib/public/store.ts";
import { snapshotFooterNote } from "../../src/lib/siteInfo.ts";
import { captureSnapshot } from "../../src/lib/snapshot/capture.ts";
import { datasetOutput } from "../../src/lib/snapshot/loader.ts";
import { startFixtureServers, type FixtureServers } from "../fixtures/server.ts";
import { tempDir, TEST_CLAIMS } from "../live/helpers.ts";
import { captureFixtureSnapshot, FIXTURE_WINDOW, FIXTURE_WINDOW_ENV, patientClient } from "../support/fixtureSnapshot.ts";
import { makeTempProject, projectRoot, type TempProject } from "../support/tempProject.ts";
import { treeDigest } from "../support/treeDigest.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";

const run = promisify(execFile);

let good: string;
let project: TempProject;
let dist: string;

beforeAll(async () => {
  // Fact-check rows cite the real ledger's claims, as npm run check requires.
  good = await captureFixtureSnapshot(undefined, loadLedger().claims);
  project = makeTempProject();
  // A previous build: the check must leave it as it is.
  dist = path.join(project.dir, "dist");
  mkdirSync(path.join(dist, "_file", "data"), { recursive: true });
  writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>previous build</title>\n");
  writeFileSync(path.join(dist, "_file", "data", "market-price.0123abcd.json"), '{"rows":[]}\n');
}, 60_000);
afterAll(() => project?.remove());

type Json = { meta: Record<string, unknown> & { summary?: unknown }; rows: Record<string, unknown>[] };

/** A fresh copy of the good snapshot and of the committed extracts, to break. */
function workspace() {
  const snapshot = tempDir("fault-snapshot");
  cpSync(good, snapshot, { recursive: true });
  const extracts = tempDir("fault-public");
  cpSync(publicDir(), extracts, { recursive: true });
  const env = { ...FIXTURE_WINDOW_ENV, REPORT_SNAPSHOT_DIR: snapshot, REPORT_PUBLIC_DIR: extracts };
  const digest = () => ({ snapshot: treeDigest(snapshot), extracts: treeDigest(extracts), dist: treeDigest(dist) });
  return { snapshot, extracts, env, digest };
}

function editSnapshot(dir: string, dataset: string, change: (file: Json) => void): void {
  const file = path.join(dir, `${dataset}.json`);
  const json = JSON.parse(readFileSync(file, "utf8")) as Json;
  change(json);
  writeFileSync(file, `${JSON.stringify(json, null, 1)}\n`);
}

const snapshotRows = (dir: string, dataset: string) => (JSON.parse(readFileSync(path.join(dir, `${dataset}.json`), "utf8")) as Json).rows;

/** The line of the file that holds `"field": value` inside rows[index], counted in the file itself. */
function lineOf(dir: string, dataset: string, index: number, field: string): number {
  const lines = readFileSync(path.join(dir, `${dataset}.json`), "utf8").split("\n");
  const rowsAt = lines.findIndex((line) => line.startsWith(' "rows"'));
  let seen = -1;
  for (let i = rowsAt + 1; i < lines.length; i++) {
    if (lines[i] === "  {") seen++;
    if (seen === index && lines[i]!.trimStart().startsWith(`"${field}":`)) return i + 1;
  }
  throw new Error(`rows[${index}].${field} not found`);
}

/** The issues checkDataFiles throws for this environment (it must throw a DataError). */
function checkFails(env: Record<string, string>): DataError {
  try {
    checkDataFiles(env);
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error("checkDataFiles accepted the files");
}

/** `npm run check`'s script in the project copy: exit code and output. */
async function runCheck(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/check.ts"], { cwd: project.dir, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("snapshot files: npm run check stops on the first bad file and names it", () => {
  it("a snapshot for another window", async () => {
    const { env, digest } = workspace();
    const before = digest();
    const result = await runCheck({ ...env, REPORT_WINDOW_START: "2026-01-15", REPORT_WINDOW_END: "2026-03-01" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`price\\.json:\\d+:\\d+: meta\\.window: is ${FIXTURE_WINDOW.start} to ${FIXTURE_WINDOW.end}, but the build uses 2026-01-15 to 2026-03-01`),
    );
    expect(digest()).toEqual(before);
  }, 30_000);

  it("a truncated file: named with the line it stops at, not 'Unexpected end of JSON input'", () => {
    const { snapshot, env, digest } = workspace();
    const text = readFileSync(path.join(snapshot, "price.json"), "utf8");
    const cut = text.slice(0, Math.floor(text.length / 2));
    writeFileSync(path.join(snapshot, "price.json"), cut);
    const before = digest();
    const [issue] = checkFails(env).issues;
    expect(issue).toMatchObject({ file: path.join(snapshot, "price.json"), line: cut.trimEnd().split("\n").length });
    expect(issue!.message).toMatch(/^the JSON ends before its last value does: the file was cut off/);
    expect(digest()).toEqual(before);
  });

  it("a stray JSON file in the snapshot folder", () => {
    const { snapshot, env, digest } = workspace();
    writeFileSync(path.join(snapshot, "price-old.json"), '{"meta": {');
    const before = digest();
    expect(checkFails(env).issues).toEqual([
      { file: path.join(snapshot, "price-old.json"), line: 1, column: 1, message: expect.stringMatching(/^is not a snapshot dataset; this folder holds only price\.json, /) },
    ]);
    expect(digest()).toEqual(before);
  });

  const rowFaults: { fault: string; dataset: string; index: number; field: string; change: (file: Json, dir: string) => void; message: RegExp }[] = [
    {
      fault: "negative price",
      dataset: "price",
      index: 5,
      field: "low",
      change: (file) => (file.rows[5]!.low = -5),
      message: /-5 is not a positive price/,
    },
    {
      fault: "low above high",
      dataset: "price",
      index: 7,
      field: "low",
      change: (file) => (file.rows[7]!.low = (file.rows[7]!.high as number) + 10),
      message: /is above open [\d.]+; a candle needs low ≤ open, close ≤ high/,
    },
    {
      fault: "impossible value (a y-axis to $1T)",
      dataset: "price",
      index: 9,
      field: "high",
      change: (file) => (file.rows[9]!.high = 1e12),
      message: /1000000000000 is above 1000000 usd: not a plausible price/,
    },
    {
      fault: "DVOL holding prices",
      dataset: "dvol",
      index: 0,
      field: "open",
      change: (file, dir) => (file.rows = snapshotRows(dir, "price").map(({ volume: _, ...candle }) => candle)),
      message: /is above 300 vol_pts: a wrong unit or a broken file/,
    },
    {
      fault: "another dataset's rows under this name",
      dataset: "price",
      index: 0,
      field: "volume",
      change: (file, dir) => {
        file.rows = snapshotRows(dir, "dvol");
        file.meta.rowCount = file.rows.length;
      },
      message: /volume: is missing/,
    },
    {
      fault: "a cut-off FRED value (S&P 500 at 603)",
      dataset: "macro",
      index: 3,
      field: "value",
      change: (file) => (file.rows[3]!.value = 603),
      message: /603 is outside 1000 to 20000, the plausible range of SP500/,
    },
    {
      fault: "wrong schema (renamed fields)",
      dataset: "funding",
      index: 0,
      field: "rate",
      change: (file) => (file.rows = file.rows.map((row) => ({ time: row.time, rate: row.interest_8h }))),
      message: /has fields "rate" that funding rows do not have/,
    },
  ];

  it.each(rowFaults)("$fault: names the $dataset file, the line, the row and $field", ({ dataset, index, field, change, message }) => {
    const { snapshot, env, digest } = workspace();
    editSnapshot(snapshot, dataset, (file) => change(file, snapshot));
    const before = digest();
    const error = checkFails(env);
    const stamp = String(snapshotRows(snapshot, dataset)[index]!.time ?? snapshotRows(snapshot, dataset)[index]!.date);
    const issue = error.issues.find((candidate) => candidate.message.startsWith(`rows[${index}] (${stamp})`) && candidate.message.includes(field))!;
    expect(issue, error.message).toBeDefined();
    expect(issue.file).toBe(path.join(snapshot, `${dataset}.json`));
    // Row-level problems point at the row; field problems at the field's own line.
    if (!/is missing|has fields/.test(issue.message)) expect(issue.line).toBe(lineOf(snapshot, dataset, index, field));
    expect(issue.message).toMatch(message);
    expect(digest()).toEqual(before);
  });

  it("another dataset's file under this name: meta.dataset is named", () => {
    const { snapshot, env, digest } = workspace();
    cpSync(path.join(snapshot, "dvol.json"), path.join(snapshot, "price.json"));
    const before = digest();
    expect(checkFails(env).issues).toEqual([
      { file: path.join(snapshot, "price.json"), line: 3, column: 3, message: expect.stringMatching(/^meta\.dataset: is "dvol", but this is price\.json/) },
    ]);
    expect(digest()).toEqual(before);
  });

  it("a row count that does not match, duplicate hours and rows out of order", () => {
    const { snapshot, env, digest } = workspace();
    editSnapshot(snapshot, "price", (file) => {
      file.rows[11] = file.rows[10]!;
      [file.rows[20], file.rows[21]] = [file.rows[21]!, file.rows[20]!];
      file.meta.rowCount = 3;
    });
    const before = digest();
    const messages = checkFails(env).issues.map((issue) => issue.message);
    const rows = snapshotRows(snapshot, "price");
    expect(messages).toEqual([
      `meta.rowCount: is 3, but the file holds ${rows.length} rows: a cut or edited file`,
      `rows[11] (${rows[11]!.time}): duplicates rows[10] (${rows[10]!.time})`,
      `rows[21] (${rows[21]!.time}): comes before rows[20] (${rows[20]!.time}); rows must be in order`,
    ]);
    expect(digest()).toEqual(before);
  });

  it("a row outside the window its meta claims", () => {
    const { snapshot, env, digest } = workspace();
    editSnapshot(snapshot, "macro", (file) => (file.rows[0]!.date = "2026-01-20"));
    const before = digest();
    expect(checkFails(env).issues[0]!.message).toBe(
      `rows[0] (2026-01-20): 2026-01-20 is outside the window ${FIXTURE_WINDOW.start} to ${FIXTURE_WINDOW.end} (end exclusive) that meta.window claims`,
    );
    expect(digest()).toEqual(before);
  });

  it("markup in a field fails validation, and the footer that would show it stops too", () => {
    const { snapshot, env, digest } = workspace();
    editSnapshot(snapshot, "mining", (file) => {
      file.meta.fetchedAt = "<img src=x onerror=alert(1)>";
      file.meta.method = "Hashprice <script>alert(1)</script>";
    });
    const before = digest();
    expect(checkFails(env).issues.map((issue) => issue.message)).toEqual([
      'meta.fetchedAt: "<img src=x onerror=alert(1)>" is not an ISO 8601 UTC time (2026-02-05T03:00:00.000Z)',
      "meta.method: contains markup; snapshot text is plain text",
    ]);
    expect(() => snapshotFooterNote(snapshot, undefined, FIXTURE_WINDOW)).toThrow(/mining\.json:\d+:\d+: meta\.fetchedAt/);
    expect(digest()).toEqual(before);
  });

  it("a file over its size budget is refused before it is parsed", () => {
    const { snapshot, env, digest } = workspace();
    const file = path.join(snapshot, "price.json");
    const bytes = BUDGETS.snapshot.bytes + 1024 * 1024;
    writeFileSync(file, readFileSync(file, "utf8").padEnd(bytes, " "));
    const before = digest();
    expect(checkFails(env).issues).toEqual([
      {
        file,
        line: 1,
        column: 1,
        message: `${formatBytes(bytes)} is over the ${formatBytes(BUDGETS.snapshot.bytes)} budget for a snapshot file (src/lib/budgets.ts): a broken file, or data from the wrong window`,
      },
    ]);
    expect(digest()).toEqual(before);
  });

  it("the loaders' read path (npm run dev) stops with the same error as the check", async () => {
    const { snapshot, env, digest } = workspace();
    editSnapshot(snapshot, "price", (file) => (file.rows[5]!.low = -5));
    const before = digest();
    const expected = checkFails(env).message;
    await expect(datasetOutput("price", { env })).rejects.toThrow(expected);
    expect(digest()).toEqual(before);
  });

  it("npm run build stops before Framework writes anything, and dist/ keeps its bytes", async () => {
    const { snapshot, env, digest } = workspace();
    editSnapshot(snapshot, "price", (file) => (file.rows[7]!.low = (file.rows[7]!.high as number) + 10));
    const before = digest();
    const failure = await project.build(env).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure!.stderr).toMatch(/price\.json:\d+:\d+: rows\[7\] \([^)]+\) low: [\d.]+ is above open/);
    expect(digest()).toEqual(before);
  }, 60_000);
});

describe("public extracts: bad rows and provenance stop the check", () => {
  /** Replace an extract's text and record its new checksum, as a re-hash by hand would. */
  function rewriteExtract(dir: string, series: string, change: (lines: string[]) => string[]): void {
    const file = path.join(dir, `${series}.csv`);
    const text = `${change(readFileSync(file, "utf8").trimEnd().split("\n")).join("\n")}\n`;
    writeFileSync(file, text);
    editProvenance(dir, series, (row) => (row.extract_sha256 = sha256(text)));
  }

  function editProvenance(dir: string, series: string, change: (row: Record<string, string>) => void): void {
    const file = path.join(dir, "provenance.csv");
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    const header = lines[0]!.split(",");
    const index = lines.findIndex((line) => line.startsWith(`${series},`));
    const rows = readProvenance(dir);
    const row = { ...rows.find((candidate) => candidate.series === series)! } as Record<string, string>;
    change(row);
    lines[index] = header.map((column) => (/[",]/.test(row[column]!) ? `"${row[column]!.replaceAll('"', '""')}"` : row[column])).join(",");
    writeFileSync(file, `${lines.join("\n")}\n`);
  }

  /** Line 2 holds the first row; candle columns are date,open,high,low,close,volume. */
  const setCell = (line: string, column: number, value: string) => line.split(",").map((cell, i) => (i === column - 1 ? value : cell)).join(",");

  const extractFaults: { fault: string; change: (lines: string[]) => string[]; issue: { line: number; column: number; message: RegExp } }[] = [
    { fault: "a negative price", change: (lines) => lines.map((line, i) => (i === 4 ? setCell(line, 4, "-5") : line)), issue: { line: 5, column: 4, message: /^low: "-5" is below 1000 usdt/ } },
    {
      fault: "low above high",
      change: (lines) => lines.map((line, i) => (i === 6 ? setCell(line, 4, String(Number(line.split(",")[2]) + 100)) : line)),
      issue: { line: 7, column: 1, message: /^candle is inconsistent: .*need low ≤ open, close ≤ high/ },
    },
    { fault: "a duplicate date", change: (lines) => [...lines.slice(0, 9), lines[8]!, ...lines.slice(9)], issue: { line: 10, column: 1, message: /^duplicate timestamp \d{4}-\d{2}-\d{2} \(first on line 9\)/ } },
    { fault: "dates out of order", change: (lines) => [lines[0]!, lines[2]!, lines[1]!, ...lines.slice(3)], issue: { line: 3, column: 1, message: /comes after .*; rows must be in time order/ } },
    { fault: "a date outside the extracts' window", change: (lines) => [...lines, setCell(lines.at(-1)!, 1, "2026-03-01")], issue: { line: -1, column: 1, message: /^2026-03-01 is outside the window 2025-10-01 to 2026-03-01/ } },
  ];

  it.each(extractFaults)("$fault in btc-binance-1d.csv, re-hashed by hand", ({ change, issue }) => {
    const { extracts, env, digest } = workspace();
    rewriteExtract(extracts, "btc-binance-1d", change);
    const before = digest();
    const [found] = checkFails(env).issues;
    const lines = readFileSync(path.join(extracts, "btc-binance-1d.csv"), "utf8").trimEnd().split("\n").length;
    expect(found).toMatchObject({ file: path.join(extracts, "btc-binance-1d.csv"), line: issue.line === -1 ? lines : issue.line, column: issue.column });
    expect(found!.message).toMatch(issue.message);
    expect(digest()).toEqual(before);
  });

  it("an extract edited without its checksum (kept from before)", () => {
    const { extracts, env, digest } = workspace();
    const file = path.join(extracts, "eth-binance-1d.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace(/\n[^\n]+\n$/, "\n"));
    const before = digest();
    expect(checkFails(env).issues).toEqual([{ file, line: 1, column: 1, message: expect.stringMatching(/^SHA-256 differs from provenance\.csv/) }]);
    expect(digest()).toEqual(before);
  });

  it("a provenance row that names another series' file or upstream", () => {
    const { extracts, env, digest } = workspace();
    editProvenance(extracts, "btc-binance-1d", (row) => {
      row.file = "eth-binance-1d.csv";
      row.upstream = "Binance ETHUSDT spot klines (UTC days)";
    });
    const before = digest();
    const line = readFileSync(path.join(extracts, "provenance.csv"), "utf8").split("\n").findIndex((text) => text.startsWith("btc-binance-1d,")) + 1;
    expect(checkFails(env).issues).toEqual([
      { file: path.join(extracts, "provenance.csv"), line, column: 2, message: 'file "eth-binance-1d.csv" is not btc-binance-1d.csv, the extract of series btc-binance-1d' },
      {
        file: path.join(extracts, "provenance.csv"),
        line,
        column: 3,
        message: 'upstream "Binance ETHUSDT spot klines (UTC days)" is not series btc-binance-1d\'s "Binance BTCUSDT spot klines (UTC days)" (src/lib/public/series.ts): re-import the series',
      },
    ]);
    expect(digest()).toEqual(before);
  });

  it("an extract that does not hold the rows its provenance row records", () => {
    const { extracts, env, digest } = workspace();
    rewriteExtract(extracts, "btc-binance-1d", (lines) => lines.slice(0, -1));
    const before = digest();
    const recorded = readProvenance(extracts).find((row) => row.series === "btc-binance-1d")!;
    const [found] = checkFails(env).issues;
    expect(found).toMatchObject({ file: path.join(extracts, "btc-binance-1d.csv"), line: 1, column: 1 });
    expect(found!.message).toMatch(new RegExp(`holds ${Number(recorded.rows) - 1} rows, .* but provenance\\.csv records ${recorded.rows} rows`));
    expect(digest()).toEqual(before);
  });

  it("an extract over its size budget", () => {
    const { extracts, env, digest } = workspace();
    const file = path.join(extracts, "btc-yahoo-1h.csv");
    writeFileSync(file, readFileSync(file, "utf8").padEnd(BUDGETS.extract.bytes + 1, "\n"));
    const before = digest();
    expect(checkFails(env).issues).toEqual([
      {
        file,
        line: 1,
        column: 1,
        message: `${formatBytes(BUDGETS.extract.bytes + 1)} is over the ${formatBytes(BUDGETS.extract.bytes)} budget for a public-data extract (src/lib/budgets.ts): a broken file, or data from the wrong window`,
      },
    ]);
    expect(digest()).toEqual(before);
  });
});

describe("shipped loader output over its budget", () => {
  it("names the file, the loader, its size and the budget", () => {
    const out = tempDir("fault-build-output");
    const shipped = path.join(out, "_file", "data", "market-price.fad18593.json");
    mkdirSync(path.dirname(shipped), { recursive: true });
    const bytes = BUDGETS.loaderOutput.bytes + 512 * 1024;
    writeFileSync(shipped, "[]".padEnd(bytes, " "));
    const before = { out: treeDigest(out), dist: treeDigest(dist) };
    expect(() => checkShippedData(out)).toThrow(
      `${shipped}:1:1: ${formatBytes(bytes)} is over the ${formatBytes(BUDGETS.loaderOutput.bytes)} budget for a data loader's output shipped to readers (from src/data/market-price.json.ts)`,
    );
    expect({ out: treeDigest(out), dist: treeDigest(dist) }).toEqual(before);
  });
});

describe("the capture refuses to write impossible candles", () => {
  let servers: FixtureServers;
  let proxy: Server;
  let corrupt: (candle: number[]) => number[] = (candle) => candle;

  beforeAll(async () => {
    servers = await startFixtureServers();
    // Coinbase's candles ([time, low, high, open, close, volume]) passed through `corrupt`.
    proxy = createServer(async (request, response) => {
      const upstream = await fetch(`${servers.env().COINBASE_API_URL}${request.url}`);
      const candles = (await upstream.json()) as number[][];
      // No keep-alive: a socket the proxy closes between tests must not be reused.
      response.writeHead(upstream.status, { "content-type": "application/json", connection: "close" });
      response.end(JSON.stringify(candles.map((candle) => corrupt(candle))));
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    proxy.closeAllConnections();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    await servers.close();
  });

  const captureEnv = (snapshot: string) => ({
    ...servers.env(),
    COINBASE_API_URL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    ...FIXTURE_WINDOW_ENV,
    REPORT_SNAPSHOT_DIR: snapshot,
  });

  it("negative prices: price.json and mining.json keep their bytes, the failure names the row and field", async () => {
    const { snapshot, digest } = workspace();
    const before = digest();
    corrupt = ([time, low, high, open, close, volume]) => [time!, -low!, -high!, -open!, -close!, volume!];
    const result = await captureSnapshot({ env: captureEnv(snapshot), client: patientClient(), claims: () => TEST_CLAIMS });
    const failed = new Map(result.failures.map((failure) => [failure.dataset, failure.error.message]));
    expect(failed.get("price")).toMatch(/^price\.json:\d+:\d+: rows\[0\] \([^)]+\) open: -[\d.]+ is not a positive price$/m);
    expect(failed.get("mining")).toMatch(/^mining\.json:\d+:\d+: rows\[0\] \([^)]+\) price_usd: /m);
    expect(result.written).not.toContain("price");
    expect(result.written).not.toContain("mining");
    const after = digest();
    expect(after.snapshot!["price.json"]).toBe(before.snapshot!["price.json"]);
    expect(after.snapshot!["mining.json"]).toBe(before.snapshot!["mining.json"]);
    expect({ extracts: after.extracts, dist: after.dist }).toEqual({ extracts: before.extracts, dist: before.dist });
  }, 30_000);

  it("low above high: price.json keeps its bytes, and a live build falls back to it with the reason", async () => {
    const { snapshot, digest } = workspace();
    const before = digest();
    corrupt = ([time, , high, open, close, volume]) => [time!, high! + 10, high!, open!, close!, volume!];
    const result = await captureSnapshot({ env: captureEnv(snapshot), client: patientClient(), claims: () => TEST_CLAIMS });
    expect(result.failures.find((failure) => failure.dataset === "price")?.error.message).toMatch(/^price\.json:\d+:\d+: rows\[0\] \([^)]+\) low: [\d.]+ is above open/);
    expect(digest().snapshot!["price.json"]).toBe(before.snapshot!["price.json"]);

    const warnings: string[] = [];
    const output = await datasetOutput("price", { env: { ...captureEnv(snapshot), REPORT_LIVE: "1" }, warn: (message) => warnings.push(message) });
    expect(output.mode).toBe("snapshot");
    expect(warnings).toEqual([expect.stringMatching(/^\[price\] live fetch failed, using the snapshot instead: price\.json:\d+:\d+: rows\[0\] .* low: /)]);
    const after = digest();
    expect(after.snapshot!["price.json"]).toBe(before.snapshot!["price.json"]);
    expect({ extracts: after.extracts, dist: after.dist }).toEqual({ extracts: before.extracts, dist: before.dist });
  }, 30_000);
});

describe("data reaches pages as text, never as markup", () => {
  // Components and pages build their DOM with textContent, append and Plot, which never parse
  // markup; the footer is the one place Framework inserts raw HTML, and siteInfo escapes it.
  const SINKS = /\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|\bhtml`|html\.unsafe|DOMParser|srcdoc/;

  it("no component or page writes into a raw-HTML sink", () => {
    const files = [
      ...readdirSync(path.join(projectRoot, "src/components"), { recursive: true, encoding: "utf8" }).map((name) => `src/components/${name}`),
      ...readdirSync(path.join(projectRoot, "src"), { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".md")).map((name) => `src/${name}`),
    ].filter((name) => /\.(ts|md)$/.test(name) && !name.includes(".observablehq"));
    expect(files.length).toBeGreaterThan(40);
    const offending = files.filter((name) => SINKS.test(readFileSync(path.join(projectRoot, name), "utf8")));
    expect(offending).toEqual([]);
  });

  it("the footer, inserted as raw HTML on every page, comes from snapshotFooterNote, which escapes it", () => {
    const config = readFileSync(path.join(projectRoot, "observablehq.config.ts"), "utf8");
    expect(config).toMatch(/footer: `\$\{snapshotFooterNote\(\)\}/);
    const { snapshot } = workspace();
    expect(snapshotFooterNote(snapshot, undefined, FIXTURE_WINDOW)).toBe("Market data snapshot taken 2026-03-02 (UTC).");
  });
});
