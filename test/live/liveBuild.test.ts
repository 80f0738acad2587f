// The loaders of one live build (REPORT_LIVE=1) share one fetch of each input through the
// build's cache folder, stop at the live-build deadline, and a normal build never reads it.

import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureSnapshot } from "../../src/lib/snapshot/capture.ts";
import { datasetOutput, type LoaderOptions } from "../../src/lib/snapshot/loader.ts";
import { liveCacheDir, removeLiveCache } from "../../src/lib/snapshot/liveBuild.ts";
import { DATASETS, PROJECT_ROOT, readSnapshot } from "../../src/lib/snapshot/store.ts";
import { startFixtureServers, type FixtureServers } from "../fixtures/server.ts";
import { fastClient, quiet, tempDir, TEST_CLAIMS, TEST_WINDOW } from "./helpers.ts";

let servers: FixtureServers;
let snapshot: string;
/** The requests one capture makes, for comparison with a live build's. */
let captureRequests: string[];

beforeAll(async () => {
  servers = await startFixtureServers();
  snapshot = tempDir("snapshot");
  const before = servers.requests.length;
  const { failures } = await captureSnapshot({ env: { ...servers.env(), ...TEST_WINDOW, REPORT_SNAPSHOT_DIR: snapshot }, client: fastClient(), progress: quiet, claims: () => TEST_CLAIMS });
  expect(failures).toEqual([]);
  captureRequests = servers.requests.slice(before);
}, 60_000);
afterAll(() => servers.close());

function liveEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { ...servers.env(), ...TEST_WINDOW, REPORT_SNAPSHOT_DIR: snapshot, REPORT_LIVE: "1", REPORT_LIVE_CACHE_DIR: tempDir("live-cache"), ...extra };
}

function loader(env: Record<string, string>, warnings: string[] = [], progress: string[] = []): LoaderOptions {
  return { env, warn: (line) => warnings.push(line), progress: (line) => progress.push(line), claims: () => TEST_CLAIMS };
}

describe("one live build", () => {
  it("asks each source what one capture asks, once, however many loaders read it", async () => {
    const env = liveEnv();
    const before = servers.requests.length;
    const warnings: string[] = [];
    for (const dataset of DATASETS) {
      const output = await datasetOutput(dataset, loader(env, warnings));
      expect(output.mode, dataset).toBe("live");
      expect(output.rows, dataset).toEqual(readSnapshot(snapshot, dataset)!.rows);
    }
    expect(warnings).toEqual([]);
    expect(servers.requests.slice(before).sort()).toEqual([...captureRequests].sort());
  }, 60_000);

  it("shares one fetch between loaders that start together", async () => {
    const env = liveEnv();
    const before = servers.requests.length;
    const outputs = await Promise.all((["price", "basis", "mining"] as const).map((dataset) => datasetOutput(dataset, loader(env))));
    expect(outputs.map((o) => o.mode)).toEqual(["live", "live", "live"]);
    const made = servers.requests.slice(before);
    expect(made.length).toBe(new Set(made).size);
    expect(made.sort()).toEqual([...captureRequests].sort());
  }, 60_000);

  it("stops a pagination that never ends at the live-build deadline and falls back for that dataset only", async () => {
    servers.setFault("deribit", { fault: "endless" });
    try {
      const env = liveEnv({ REPORT_LIVE_DEADLINE_SECONDS: "2" });
      const warnings: string[] = [];
      const progress: string[] = [];
      const started = Date.now();
      const skew = await datasetOutput("options-skew", loader(env, warnings, progress));
      const seconds = (Date.now() - started) / 1000;
      console.log(`options-skew fell back after ${seconds.toFixed(1)} s with a 2 s live-build deadline`);
      expect(skew.mode).toBe("snapshot");
      expect(skew.rows).toEqual(readSnapshot(snapshot, "options-skew")!.rows);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        /^\[options-skew\] live fetch failed, using the snapshot instead: deribit public\/get_last_trades_by_currency_and_time: stopped: the live build deadline of 2 s \(REPORT_LIVE_DEADLINE_SECONDS\) passed.* \(at page (\d+), after trades through 2026-02-04 00:00 UTC\)$/,
      );
      expect(progress).toContain("deribit option trades: page 1, through 2026-02-04 00:00 UTC");
      expect(seconds).toBeLessThan(30); // the deadline, not the endless pages, ended it
      // The inputs that did arrive serve the build's other loaders.
      expect((await datasetOutput("dvol", loader(env, warnings))).mode).toBe("live");
      expect(warnings).toHaveLength(1);
    } finally {
      servers.setFault("deribit", null);
    }
  }, 60_000);
});

describe("the live-build cache", () => {
  it("is never read by a normal build", async () => {
    const cache = tempDir("planted-cache");
    writeFileSync(path.join(cache, "run.json"), JSON.stringify({ pid: process.pid, startedAt: 0, deadline: { at: 8.64e15, describe: "planted" } }));
    writeFileSync(path.join(cache, "spot.json"), JSON.stringify({ ok: true, data: [], uses: [] }));
    const output = await datasetOutput("price", { env: { ...TEST_WINDOW, REPORT_SNAPSHOT_DIR: snapshot, REPORT_LIVE_CACHE_DIR: cache } });
    expect(output.mode).toBe("snapshot");
    expect(output.rows).toEqual(readSnapshot(snapshot, "price")!.rows);
  });

  it("lives in Framework's cache, which npm run clean empties and git ignores, and can be removed", () => {
    expect(liveCacheDir({})).toBe(path.join(PROJECT_ROOT, "src", ".observablehq", "cache", "live-inputs"));
    const cache = tempDir("cache-to-remove");
    writeFileSync(path.join(cache, "run.json"), "{}");
    removeLiveCache({ REPORT_LIVE_CACHE_DIR: cache });
    expect(existsSync(cache)).toBe(false);
  });
});
