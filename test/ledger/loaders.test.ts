// Runs the Framework data loaders in-process and checks the JSON they print.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CitedClaim, Conflict, Source } from "../../src/lib/ledger/types.ts";

afterEach(() => vi.restoreAllMocks());

async function runLoader(module: string): Promise<unknown> {
  let output = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    output += String(chunk);
    return true;
  });
  await import(module);
  vi.restoreAllMocks();
  return JSON.parse(output);
}

describe("data loaders", () => {
  it("claims.json prints every claim with its line and source", async () => {
    const claims = (await runLoader("../../src/data/claims.json.ts")) as CitedClaim[];
    expect(claims).toHaveLength(128);
    expect(claims[0]).toEqual({
      id: "btc-open-2026-02-05",
      topic: "price",
      metric: "open",
      asset: "BTC",
      side: null,
      value: 73100,
      low: null,
      high: null,
      unit: "usd",
      asOf: "2026-02-05",
      period: "1d",
      convention: null,
      tenorDays: null,
      sourceId: "framework-translation",
      attributedTo: "CoinGlass",
      quote: "began trading around $73,100 on February 5",
      note: null,
      expiry: null,
      line: 2,
      source: expect.objectContaining({ id: "framework-translation", file: "000_dfdfa337dd763d04.txt" }),
    });
    expect(claims.every((claim) => claim.source.id === claim.sourceId)).toBe(true);
  });

  it("sources.json prints the five sources", async () => {
    const sources = (await runLoader("../../src/data/sources.json.ts")) as Source[];
    expect(sources).toHaveLength(5);
    expect(sources[3]).toMatchObject({
      id: "stocktwits",
      outlet: "Stocktwits",
      published: "Feb 07, 2026, 11:00 AM IST",
      url: expect.stringMatching(/^https:\/\/stocktwits\.com\//),
      attributedParties: ["CoinGlass", "Mike McGlone (Bloomberg)"],
      line: 5,
    });
  });

  it("conflicts.json prints member ids and the reconciliation", async () => {
    const conflicts = (await runLoader("../../src/data/conflicts.json.ts")) as Conflict[];
    expect(conflicts).toHaveLength(9);
    for (const conflict of conflicts) {
      expect(Object.keys(conflict).sort()).toEqual(["claimIds", "id", "kind", "line", "note", "title"]);
      expect(conflict.claimIds.length).toBeGreaterThanOrEqual(2);
    }
  });
});
