// Every source × every fault: the capture names the source and endpoint that failed, says which
// datasets depend on it, writes nothing (the snapshot keeps every byte), and a normal
// (snapshot-mode) build still reads the old files.

import { cpSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureSnapshot } from "../../src/lib/snapshot/capture.ts";
import { datasetOutput } from "../../src/lib/snapshot/loader.ts";
import { DATASETS, readSnapshot, type DatasetName } from "../../src/lib/snapshot/store.ts";
import { API_ERRORS, FAULTS, PAGINATED_SOURCES, SOURCES, startFixtureServers, type FixtureServers, type FixtureSource } from "../fixtures/server.ts";
import { FAST_POLICY, fastClient, quiet, folderContents, tempDir, TEST_CLAIMS, TEST_WINDOW } from "./helpers.ts";

const DEPENDENTS: Record<FixtureSource, DatasetName[]> = {
  deribit: ["options-skew", "basis", "funding", "dvol", "fact-check"],
  coinbase: ["price", "options-skew", "basis", "mining", "volume-profile", "fact-check"],
  mempool: ["mining", "fact-check"],
  fred: ["macro", "fact-check"],
};

const EXPECTED_REASON: Record<(typeof FAULTS)[number], RegExp> = {
  timeout: new RegExp(`timed out after ${FAST_POLICY.timeoutMs} ms(; 127.0.0.1:\\d+ has not answered once in this run|\\))`),
  refused: /connection refused/,
  "rate-limit": /rate limited \(HTTP 429/,
  "server-error": /server error \(HTTP 500/,
  truncated: /response cut off before the end of its body/,
  "missing-field": /unexpected response shape|unexpected CSV header/,
  empty: /empty result/,
  "pagination-loop": /pagination did not advance|ignores the requested range/,
  "cut-body": /response is not valid JSON \(.+; \d+ bytes, starting "|the CSV ends mid-row: its last line \d+, "\d{4}-\d{2}-\d{2},\d{3}", has no line break/,
  gap: /so the answer has a gap|page 2 does not join page 1/,
  "api-error": /./, // the source's own error text, checked below
};

let servers: FixtureServers;
let goodDir: string;

beforeAll(async () => {
  servers = await startFixtureServers();
  goodDir = tempDir("snapshot-good");
  const { failures } = await captureSnapshot({ env: { ...servers.env(), ...TEST_WINDOW, REPORT_SNAPSHOT_DIR: goodDir }, client: fastClient(), progress: quiet, claims: () => TEST_CLAIMS });
  expect(failures).toEqual([]);
}, 30_000);
afterAll(() => servers.close());

const cases = SOURCES.flatMap((source) =>
  FAULTS.filter((fault) => fault !== "pagination-loop" || PAGINATED_SOURCES.includes(source)).map((fault) => ({ source, fault })),
);

describe.each(cases)("$source with $fault", ({ source, fault }) => {
  it("fails naming the source and endpoint, and leaves the snapshot alone", async () => {
    const dir = tempDir(`snapshot-${source}-${fault}`);
    cpSync(goodDir, dir, { recursive: true });
    const before = folderContents(dir);
    servers.setFault(source, { fault, retryAfter: "1" });
    const waits: number[] = [];
    try {
      const env = { ...servers.env(), ...TEST_WINDOW, REPORT_SNAPSHOT_DIR: dir };
      const result = await captureSnapshot({ env, client: fastClient(waits), progress: quiet, claims: () => TEST_CLAIMS });

      // Only the paged Deribit endpoints (trades, DVOL) can loop.
      const affected: DatasetName[] = fault === "pagination-loop" && source === "deribit" ? ["options-skew", "dvol", "fact-check"] : DEPENDENTS[source];
      const failed = new Set(result.failures.map((f) => f.dataset));
      expect([...failed].sort()).toEqual([...affected].sort());
      const sourceErrors = result.failures.map((f) => f.error.message).filter((m) => m.startsWith(`${source} `));
      expect(sourceErrors.length).toBeGreaterThan(0);
      for (const message of sourceErrors) {
        expect(message).toMatch(new RegExp(`^${source} \\S+: `));
        expect(message).toMatch(EXPECTED_REASON[fault]);
        if (fault === "api-error") expect(message).toContain(API_ERRORS[source].text);
      }
      if (fault === "rate-limit") expect(waits).toContain(1000);
      if (fault === "api-error" && source === "deribit") expect(waits).toEqual(expect.arrayContaining([FAST_POLICY.backoffMs])); // too_many_requests is retried

      expect(result.written).toEqual([]);
      expect(folderContents(dir)).toEqual(before); // every byte, and no temporary file left behind

      for (const dataset of affected) {
        const output = await datasetOutput(dataset, { env: { ...TEST_WINDOW, REPORT_SNAPSHOT_DIR: dir } });
        expect(output.mode).toBe("snapshot");
        expect(output.rows).toEqual(readSnapshot(goodDir, dataset)!.rows);
      }
    } finally {
      servers.setFault(source, null);
    }
  }, 20_000);
});

describe("every source failing", () => {
  it("changes no file at all", async () => {
    const dir = tempDir("snapshot-all-down");
    cpSync(goodDir, dir, { recursive: true });
    const before = folderContents(dir);
    for (const source of SOURCES) servers.setFault(source, { fault: "refused" });
    try {
      const result = await captureSnapshot({ env: { ...servers.env(), ...TEST_WINDOW, REPORT_SNAPSHOT_DIR: dir }, client: fastClient(), progress: quiet, claims: () => TEST_CLAIMS });
      expect(result.written).toEqual([]);
      // Every endpoint that was tried is named, not only the first failure of each dataset.
      const named = result.sourceErrors.map((e) => `${e.source} ${e.endpoint}`);
      for (const source of SOURCES) expect(named.some((n) => n.startsWith(`${source} `)), source).toBe(true);
      expect(named).toContain("fred fredgraph.csv?id=CBBTCUSD");
      expect(result.failures.map((f) => f.dataset).sort()).toEqual([...DATASETS].sort());
      expect(folderContents(dir)).toEqual(before);
    } finally {
      for (const source of SOURCES) servers.setFault(source, null);
    }
  }, 20_000);
});
