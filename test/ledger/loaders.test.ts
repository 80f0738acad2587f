// Runs the Framework data loaders in-process and checks the JSON they print.
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import type { CitedClaim, Conflict, Source } from "../../src/lib/ledger/types.ts";

const ledger = loadLedger();

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
    expect(claims.map((claim) => claim.id)).toEqual(ledger.claims.map((claim) => claim.id));
    expect(claims[0]).toEqual({
      id: "btc-open-2026-02-05",
      topic: "price",
      metric: "open",
      asset: "BTC",
      side: null,
      kind: "reading",
      value: 73100,
      low: null,
      high: null,
      label: null,
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
      source: expect.objectContaining({
        id: "framework-translation",
        outlet: "an unnamed outlet",
        copies: [expect.objectContaining({ file: "000_dfdfa337dd763d04.txt" })],
      }),
      copyIds: ["framework-translation"],
    });
    expect(claims.every((claim) => claim.source.id === claim.sourceId)).toBe(true);
    // Each claim names the copies that print its quote: at least one, all of its own source.
    for (const claim of claims) {
      expect(claim.copyIds.length, claim.id).toBeGreaterThan(0);
      expect(claim.source.copies.map((copy) => copy.id), claim.id).toEqual(expect.arrayContaining(claim.copyIds));
    }
    // A figure only the copy bylined Esther Mendoza prints is not credited to AltcoinStory's copies.
    expect(claims.find((claim) => claim.id === "btc-open-interest-rose-rally-71k")?.copyIds).toEqual(["rally-71k-mendoza"]);
  });

  it("sources.json prints every source with its copies", async () => {
    const sources = (await runLoader("../../src/data/sources.json.ts")) as Source[];
    expect(sources.map((source) => source.id)).toEqual(ledger.sources.map((source) => source.id));
    expect(sources.find((source) => source.id === "stocktwits")).toMatchObject({
      outlet: "Stocktwits",
      published: "Feb 07, 2026, 11:00 AM IST",
      url: expect.stringMatching(/^https:\/\/stocktwits\.com\//),
      attributedParties: ["CoinGlass", "Mike McGlone (Bloomberg)"],
      copies: [expect.objectContaining({ file: "003_0863229adef767b3.txt", carriedBy: "Asianet News" })],
    });
    expect(sources.find((source) => source.id === "rally-71k")?.copies.map((copy) => [copy.file, copy.outlet, copy.author, copy.published])).toEqual([
      ["001_589187d9420170c9.txt", "AltcoinStory", "newsbot", "Feb 9, 2026"],
      ["001_589187d9420170c9.txt", "AltcoinStory", null, "Feb 6, 2026"],
      ["002_47aa9d4fbeb6afcd.txt", null, "Esther Mendoza", "Updated: February 6, 2026"],
    ]);
  });

  it("conflicts.json prints member ids and the reconciliation", async () => {
    const conflicts = (await runLoader("../../src/data/conflicts.json.ts")) as Conflict[];
    expect(conflicts.map((conflict) => conflict.id)).toEqual(ledger.conflicts.map((conflict) => conflict.id));
    for (const conflict of conflicts) {
      expect(Object.keys(conflict).sort()).toEqual(["claimIds", "id", "kind", "line", "note", "title"]);
      expect(conflict.claimIds.length).toBeGreaterThanOrEqual(2);
    }
  });
});
