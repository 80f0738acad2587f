import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureSnapshot, recomputeFactCheck } from "../../src/lib/snapshot/capture.ts";
import { datasetOutput } from "../../src/lib/snapshot/loader.ts";
import { DATASETS, readSnapshot, snapshotDir, writeSnapshotAtomic, type SnapshotFile } from "../../src/lib/snapshot/store.ts";
import { FIXTURE_BASIS, fixtureRr25 } from "../fixtures/market.ts";
import { startFixtureServers, type FixtureServers } from "../fixtures/server.ts";
import { fastClient, quiet, tempDir, TEST_CLAIMS, TEST_WINDOW } from "./helpers.ts";

let servers: FixtureServers;
let dir: string;

beforeAll(async () => {
  servers = await startFixtureServers();
  dir = tempDir("snapshot");
  const result = await captureSnapshot({ env: { ...servers.env(), ...TEST_WINDOW, REPORT_SNAPSHOT_DIR: dir }, client: fastClient(), progress: quiet, claims: () => TEST_CLAIMS });
  expect(result.failures).toEqual([]);
}, 30_000);
afterAll(() => servers.close());

const read = (name: (typeof DATASETS)[number]) => readSnapshot(dir, name)!;

describe("captureSnapshot against the fixture servers", () => {
  it("writes one {meta, rows} file per dataset with complete meta", () => {
    expect(readdirSync(dir).sort()).toEqual(DATASETS.map((d) => `${d}.json`).sort());
    for (const dataset of DATASETS) {
      const { meta, rows } = read(dataset);
      expect(meta.dataset).toBe(dataset);
      expect(meta.window).toEqual({ start: "2026-02-04", end: "2026-02-09" });
      expect(meta.rowCount).toBe(rows.length);
      expect(rows.length).toBeGreaterThan(0);
      expect(Date.parse(meta.fetchedAt)).not.toBeNaN();
      expect(meta.codeVersion).toHaveProperty("commit");
      expect(meta.sources.length).toBeGreaterThan(0);
      for (const use of meta.sources) expect(use.url.startsWith("http://127.0.0.1:")).toBe(true);
      expect(meta.method.length).toBeGreaterThan(20);
    }
  });

  it("computes RR25 and basis that match what the fixture market was built with", () => {
    const skew = read("options-skew").rows as { date: string; tenor_days: number; rr25: number }[];
    expect(skew.some((r) => r.tenor_days === 7) && skew.some((r) => r.tenor_days === 30)).toBe(true);
    for (const row of skew) expect(Math.abs(row.rr25 - fixtureRr25(row.date))).toBeLessThan(0.2);
    for (const row of read("basis").rows as { basis_pct: number }[]) expect(row.basis_pct).toBeCloseTo(100 * FIXTURE_BASIS, 6);
  });

  it("fact-checks the claims that have a computed counterpart and skips the rest", () => {
    const rows = read("fact-check").rows as { claim_id: string; claimed: number; computed: number; difference: number }[];
    expect(rows.map((r) => r.claim_id).sort()).toEqual(
      ["basis", "btc-low-2026-02-06", "btc-open-2026-02-05", "btc-rebound", "difficulty", "hashprice", "skew-pmc", "skew-rr25", "sp500"].sort(),
    );
    const byId = new Map(rows.map((r) => [r.claim_id, r]));
    expect(byId.get("difficulty")!.computed).toBeCloseTo(-13.37, 6);
    expect(byId.get("skew-pmc")!.computed).toBeCloseTo(13, 0); // sign flipped from RR25 -13
    for (const row of rows) expect(row.difference).toBeCloseTo(row.computed - row.claimed, 9);
  });

  it("recomputes the fact-check offline from the files on disk", () => {
    const copy = tempDir("snapshot-recompute");
    for (const name of readdirSync(dir)) writeFileSync(path.join(copy, name), readFileSync(path.join(dir, name)));
    recomputeFactCheck(TEST_CLAIMS.slice(0, 2), { REPORT_SNAPSHOT_DIR: copy });
    expect((readSnapshot(copy, "fact-check")!.rows as { claim_id: string }[]).map((r) => r.claim_id)).toEqual(["btc-open-2026-02-05", "btc-low-2026-02-06"]);
  });
});

describe("snapshot store", () => {
  it("resolves the default folder from the project, not the working directory", () => {
    expect(snapshotDir({})).toBe(path.resolve(import.meta.dirname, "../../data/snapshot"));
  });

  it("replaces files atomically and rejects files that are not snapshots", () => {
    const target = tempDir("store");
    const dvol = read("dvol");
    const file: SnapshotFile = { meta: { ...dvol.meta, rowCount: 1 }, rows: dvol.rows.slice(0, 1) };
    writeSnapshotAtomic(target, file);
    writeSnapshotAtomic(target, { ...file, rows: dvol.rows.slice(1, 2) });
    expect(readdirSync(target)).toEqual(["dvol.json"]);
    expect(readSnapshot(target, "dvol")!.rows).toEqual(dvol.rows.slice(1, 2));
    expect(readSnapshot(target, "price")).toBeNull();
    writeFileSync(path.join(target, "price.json"), '{"rows": 3}');
    expect(() => readSnapshot(target, "price")).toThrow(/is not \{"meta"/);
  });
});

describe("loader output", () => {
  it("reads the snapshot without touching the network, and says absent when there is none", async () => {
    const output = await datasetOutput("price", { env: { ...TEST_WINDOW, REPORT_SNAPSHOT_DIR: dir } });
    expect(output).toMatchObject({ dataset: "price", mode: "snapshot", asOf: read("price").meta.fetchedAt });
    expect(output.rows).toEqual(read("price").rows);
    expect(await datasetOutput("price", { env: { REPORT_SNAPSHOT_DIR: tempDir("empty"), REPORT_PUBLIC_DIR: tempDir("no-extracts") } })).toEqual({
      dataset: "price",
      mode: "absent",
      asOf: null,
      meta: null,
      rows: [],
    });
  });

  it("computes the dataset from the committed public extracts when no snapshot is captured", async () => {
    const output = await datasetOutput("price", { env: { REPORT_SNAPSHOT_DIR: tempDir("no-snapshot") } });
    expect(output.mode).toBe("public");
    expect(output.meta?.sources.map((use) => use.source)).toEqual(["Yahoo Finance BTC-USD (hourly)"]);
    expect(output.rows.length).toBeGreaterThan(3000);
    expect(output.rows[0]).toMatchObject({ time: "2025-10-01T00:00:00.000Z" });
  });

  it("fetches live with REPORT_LIVE=1", async () => {
    const env = { ...servers.env(), ...TEST_WINDOW, REPORT_SNAPSHOT_DIR: dir, REPORT_LIVE: "1", REPORT_LIVE_CACHE_DIR: tempDir("live-cache") };
    const output = await datasetOutput("macro", { env, progress: () => undefined });
    expect(output.mode).toBe("live");
    expect(output.rows).toEqual(read("macro").rows);
    const factCheck = await datasetOutput("fact-check", { env, claims: () => TEST_CLAIMS });
    expect(factCheck.mode).toBe("live");
    expect(factCheck.rows).toEqual(read("fact-check").rows);
  }, 20_000);

  it("falls back to the snapshot with a warning when the live fetch fails", async () => {
    servers.setFault("fred", { fault: "refused" });
    try {
      const warnings: string[] = [];
      const env = { ...servers.env(), ...TEST_WINDOW, REPORT_SNAPSHOT_DIR: dir, REPORT_LIVE: "1", REPORT_LIVE_CACHE_DIR: tempDir("live-cache") };
      const output = await datasetOutput("macro", { env, warn: (m) => warnings.push(m), progress: () => undefined });
      expect(output.mode).toBe("snapshot");
      expect(output.rows).toEqual(read("macro").rows);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^\[macro\] live fetch failed, using the snapshot instead: fred fredgraph.csv\?id=\w+: connection refused/);
    } finally {
      servers.setFault("fred", null);
    }
  });
});
