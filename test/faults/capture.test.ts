// Issue 11, parts 2 and 3: faults of the market sources, tried against `npm run snapshot` and
// the live-build loaders in a throwaway project copy, with the local fixture servers answering
// for the APIs. Each names the source and endpoint, exits non-zero (a capture) or falls back (a
// live build), and leaves the snapshot, the public extracts and dist/ byte-for-byte unchanged.

import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_POLICY, LIVE_BUILD_POLICY } from "../../src/lib/live/http.ts";
import { LIVE_BUILD_DEADLINE } from "../../src/lib/live/deadline.ts";
import { captureSnapshot } from "../../src/lib/snapshot/capture.ts";
import { DATASETS, readSnapshot } from "../../src/lib/snapshot/store.ts";
import { SOURCES, startFixtureServers, type FaultSetting, type FixtureServers, type FixtureSource } from "../fixtures/server.ts";
import { fastClient, quiet, tempDir, TEST_CLAIMS, TEST_WINDOW } from "../live/helpers.ts";
import { makeTempProject, type TempProject } from "../support/tempProject.ts";
import { treeDigest } from "../support/treeDigest.ts";

let servers: FixtureServers;
let project: TempProject;
let snapshotDir: string;

beforeAll(async () => {
  servers = await startFixtureServers();
  project = makeTempProject();
  snapshotDir = join(project.dir, "data", "snapshot");
  const env = { ...servers.env(), ...TEST_WINDOW, REPORT_SNAPSHOT_DIR: snapshotDir };
  const { failures } = await captureSnapshot({ env, client: fastClient(), progress: quiet, claims: () => TEST_CLAIMS });
  expect(failures).toEqual([]);
  // A fake dist/: enough to show that nothing here touches it.
  mkdirSync(join(project.dir, "dist", "_file"), { recursive: true });
  writeFileSync(join(project.dir, "dist", "index.html"), "<!doctype html><title>previous build</title>\n");
  writeFileSync(join(project.dir, "dist", "_file", "market-price.json"), '{"mode":"snapshot"}\n');
}, 60_000);
afterAll(async () => {
  await servers?.close();
  project?.remove();
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** Runs a TypeScript entry point of the project copy as its own process, as npm and Framework do. */
function run(script: string, env: Record<string, string>): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      join(project.dir, "node_modules", ".bin", "tsx"),
      [script],
      { cwd: project.dir, env: { ...process.env, ...servers.env(), ...TEST_WINDOW, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr, seconds: (Date.now() - started) / 1000 });
      },
    );
  });
}

const everything = () => ({ data: treeDigest(join(project.dir, "data")), dist: treeDigest(join(project.dir, "dist")) });

/** `npm run snapshot` with the given sources at fault: it must exit 1 and change nothing. */
async function failingCapture(faults: Partial<Record<FixtureSource, FaultSetting>>, env: Record<string, string> = {}): Promise<Run> {
  const before = everything();
  for (const [source, setting] of Object.entries(faults)) servers.setFault(source as FixtureSource, setting);
  try {
    const result = await run("scripts/snapshot.ts", env);
    expect(result.code, result.stderr).toBe(1);
    expect(everything()).toEqual(before);
    return result;
  } finally {
    for (const source of SOURCES) servers.setFault(source, null);
  }
}

describe("npm run snapshot", () => {
  it("rejects a FRED CSV cut off cleanly inside its last row, instead of reading S&P 500 = 680", async () => {
    const { stderr } = await failingCapture({ fred: { fault: "cut-body" } });
    for (const series of ["SP500", "NASDAQCOM", "DJIA", "DTWEXBGS", "CBBTCUSD"]) {
      expect(stderr).toMatch(new RegExp(`FAILED fred fredgraph\\.csv\\?id=${series}: the CSV ends mid-row: its last line \\d+, "2026-02-0\\d,\\d{3}", has no line break, so the answer was cut off`));
    }
  }, 60_000);

  it("rejects a JSON body that does not parse, saying where it broke", async () => {
    const { stderr } = await failingCapture({ coinbase: { fault: "cut-body" } });
    expect(stderr).toMatch(/FAILED coinbase products\/BTC-USD\/candles: response is not valid JSON \(.+ at position \d+.*; \d+ bytes, starting "\[\[17\d+,/);
  }, 60_000);

  it("rejects Deribit trade pages that skip trades, and Coinbase candles with a gap", async () => {
    const { stderr } = await failingCapture({ deribit: { fault: "gap" }, coinbase: { fault: "gap" } });
    expect(stderr).toMatch(
      /FAILED deribit public\/get_last_trades_by_currency_and_time: page 2 does not join page 1: it should start with trade OPT-\d+ at 2026-02-04T\S+, but starts with trade OPT-\d+ at 2026-02-04T\S+; the trades in between are missing/,
    );
    expect(stderr).toContain(
      "FAILED coinbase products/BTC-USD/candles: 3 of 120 hours have no candle: 2026-02-06 10:00 UTC to 2026-02-06 12:00 UTC; the market trades every hour, so the answer has a gap",
    );
    expect(stderr).toContain("FAILED deribit public/get_volatility_index_data: 3 of 120 hours have no DVOL candle: 2026-02-06 10:00 UTC to 2026-02-06 12:00 UTC");
  }, 60_000);

  it("rejects FRED series missing a day the exchange was open", async () => {
    const { stderr } = await failingCapture({ fred: { fault: "gap" } });
    expect(stderr).toContain(
      "FAILED fred fredgraph.csv?id=SP500: 1 of 3 days has no SP500 value: 2026-02-05; the New York Stock Exchange was open on each (its holidays are in src/lib/live/calendar.ts), so the answer has a gap",
    );
    expect(stderr).toContain("FAILED fred fredgraph.csv?id=CBBTCUSD: 1 of 5 days has no CBBTCUSD value: 2026-02-05; bitcoin trades every day");
  }, 60_000);

  it("prints progress as pages arrive and stops a slow pagination that never ends at the capture deadline", async () => {
    const { stderr, seconds } = await failingCapture({ deribit: { fault: "endless" } }, { REPORT_CAPTURE_DEADLINE_SECONDS: "4" });
    console.log(`capture with an endless pagination stopped after ${seconds.toFixed(1)} s (deadline 4 s, plus start-up)`);
    const pages = [...stderr.matchAll(/^deribit option trades: page (\d+), through 2026-02-04 00:00 UTC$/gm)].map((m) => Number(m[1]));
    expect(pages[0]).toBe(1);
    expect(pages.length).toBeGreaterThan(1); // a line every 2 s while pages keep coming
    expect(stderr).toMatch(
      /FAILED deribit public\/get_last_trades_by_currency_and_time: stopped: the capture deadline of 4 s \(REPORT_CAPTURE_DEADLINE_SECONDS\) passed[^\n]* \(at page \d+, after trades through 2026-02-04 00:00 UTC\)/,
    );
    expect(seconds).toBeLessThan(60);
  }, 90_000);

  it("with every API hanging, gives up at the deadline naming every source", async () => {
    const hanging = Object.fromEntries(SOURCES.map((source) => [source, { fault: "timeout" } as FaultSetting]));
    const { stderr, seconds } = await failingCapture(hanging, { REPORT_CAPTURE_DEADLINE_SECONDS: "3" });
    console.log(`capture with every API hanging stopped after ${seconds.toFixed(1)} s (deadline 3 s, per-attempt timeout ${DEFAULT_POLICY.timeoutMs / 1000} s)`);
    for (const source of SOURCES) {
      expect(stderr).toMatch(new RegExp(`FAILED ${source} \\S+: (stopped: the capture deadline of 3 s \\(REPORT_CAPTURE_DEADLINE_SECONDS\\) passed|not tried: )`));
    }
    expect(seconds).toBeLessThan(DEFAULT_POLICY.timeoutMs / 1000 + 30);
  }, 90_000);

  it("retries Deribit's too_many_requests and reports it in Deribit's words when it persists", async () => {
    const before = everything();
    servers.setFault("deribit", { fault: "api-error" });
    try {
      const waits: number[] = [];
      const env = { ...servers.env(), ...TEST_WINDOW, REPORT_SNAPSHOT_DIR: snapshotDir };
      const result = await captureSnapshot({ env, client: fastClient(waits), progress: quiet, claims: () => TEST_CLAIMS });
      expect(result.written).toEqual([]);
      expect(result.sourceErrors.map((e) => e.message)).toContain(
        "deribit public/get_tradingview_chart_data: temporary API error (HTTP 400: too_many_requests (code 10028)) (after 2 attempts)",
      );
      expect(waits.length).toBeGreaterThan(0);
      expect(everything()).toEqual(before);
    } finally {
      servers.setFault("deribit", null);
    }
    // Once the limit clears, the retry goes through.
    servers.setFault("deribit", { fault: "api-error", times: 1 });
    try {
      const copy = tempDir("snapshot-after-retry");
      const result = await captureSnapshot({ env: { ...servers.env(), ...TEST_WINDOW, REPORT_SNAPSHOT_DIR: copy }, client: fastClient(), progress: quiet, claims: () => TEST_CLAIMS });
      expect(result.failures).toEqual([]);
    } finally {
      servers.setFault("deribit", null);
    }
  }, 60_000);
});

describe("REPORT_LIVE=1 build loaders", () => {
  it("with every API hanging, fall back to the snapshot in seconds, asking each source once for the whole build", async () => {
    const before = everything();
    for (const source of SOURCES) servers.setFault(source, { fault: "timeout" });
    const asked = servers.requests.length;
    const env = { REPORT_LIVE: "1", REPORT_LIVE_CACHE_DIR: tempDir("live-cache") };
    const timings: string[] = [];
    let afterFirst = 0;
    try {
      for (const [i, dataset] of DATASETS.entries()) {
        // One process per loader, one after another, as Framework runs them.
        const { code, stdout, stderr, seconds } = await run(`src/data/market-${dataset}.json.ts`, env);
        timings.push(`${dataset} ${seconds.toFixed(1)} s`);
        if (i === 0) afterFirst = servers.requests.length;
        expect(code, stderr).toBe(0);
        const output = JSON.parse(stdout) as { mode: string; rows: unknown[] };
        expect(output.mode, dataset).toBe("snapshot");
        expect(output.rows, dataset).toEqual(readSnapshot(snapshotDir, dataset)!.rows);
        expect(stderr).toMatch(new RegExp(`^\\[${dataset}\\] live fetch failed, using the snapshot instead: (deribit|coinbase|mempool|fred) \\S+: `, "m"));
      }
    } finally {
      for (const source of SOURCES) servers.setFault(source, null);
    }
    const total = timings.reduce((sum, t) => sum + Number(t.split(" ")[1]), 0);
    console.log(`live build loaders with every API hanging: ${timings.join(", ")}; ${total.toFixed(1)} s in all (per-attempt timeout ${LIVE_BUILD_POLICY.timeoutMs! / 1000} s, deadline ${LIVE_BUILD_DEADLINE.defaultSeconds / 60} min)`);
    const made = servers.requests.slice(asked);
    expect(servers.requests.length).toBe(afterFirst); // only the first loader asked anything
    for (const source of SOURCES) {
      const count = made.filter((r) => r.startsWith(`${source} `)).length;
      expect(count, source).toBeGreaterThan(0);
      expect(count, source).toBeLessThanOrEqual(DEFAULT_POLICY.concurrencyPerHost); // no retry, no second loader
    }
    expect(total).toBeLessThan(LIVE_BUILD_DEADLINE.defaultSeconds / 10); // well under the deadline: seconds, not minutes
    expect(everything()).toEqual(before);
  }, 180_000);
});
