// Pins the real ledger's shape, so a dropped or duplicated row fails loudly.
// When you add or remove a figure on purpose, update the counts here.
import { describe, expect, it } from "vitest";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { TOPICS, UNDATED_PERIOD } from "../../src/lib/ledger/vocabulary.ts";

const ledger = loadLedger();

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe("the claims ledger", () => {
  it("has every figure of each article", () => {
    expect(ledger.claims).toHaveLength(128);
    expect(countBy(ledger.claims, (claim) => claim.source.file)).toEqual({
      "000_dfdfa337dd763d04.txt": 34,
      "001_589187d9420170c9.txt": 19,
      "002_47aa9d4fbeb6afcd.txt": 19,
      "003_0863229adef767b3.txt": 26,
      "004_a395b2abfd4c6d37.txt": 30,
    });
  });

  it("has the expected rows per topic", () => {
    expect(countBy(ledger.claims, (claim) => claim.topic)).toEqual({
      price: 40,
      derivatives: 17,
      options: 9,
      liquidations: 16,
      flows: 6,
      onchain: 7,
      mining: 2,
      macro: 9,
      altcoins: 10,
      sentiment: 2,
      positioning: 10,
    });
    expect(Object.keys(countBy(ledger.claims, (claim) => claim.topic)).sort()).toEqual([...TOPICS].sort());
  });

  it("marks the ten follow-up figures at the end of 004 as undated", () => {
    const undated = ledger.claims.filter((claim) => claim.asOf === null);
    expect(undated).toHaveLength(10);
    expect(undated.every((claim) => claim.period === UNDATED_PERIOD && claim.sourceId === "ambcrypto")).toBe(true);
  });

  it("keeps the ids pages use", () => {
    const ids = new Set(ledger.claims.map((claim) => claim.id));
    for (const id of ["btc-open-2026-02-05", "btc-close-2026-02-05", "btc-low-2026-02-06", "btc-high-2026-02-06"]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it("gives every skew reading its convention", () => {
    const skew = ledger.claims.filter((claim) => claim.convention !== null);
    expect(countBy(skew, (claim) => claim.convention ?? "")).toEqual({ rr25: 1, put_minus_call: 6 });
  });

  it("has one row per source for the five articles", () => {
    expect(ledger.sources.map((source) => source.id)).toEqual([
      "framework-translation",
      "altcoinstory",
      "mendoza",
      "stocktwits",
      "ambcrypto",
    ]);
  });

  it("records every disagreement the issue lists", () => {
    const members = Object.fromEntries(ledger.conflicts.map((conflict) => [conflict.id, conflict.claimIds]));
    const valuesOf = (id: string) =>
      (members[id] ?? []).map((claimId) => ledger.claims.find((claim) => claim.id === claimId)?.value);
    expect(valuesOf("btc-intraday-low-2026-02-06")).toEqual([60000, 60150, 60150]);
    expect(valuesOf("btc-liquidation-totals")).toEqual([1, 1.8, 1.8, 382.12, 4.65, 4.65]);
    expect(valuesOf("btc-open-interest")).toEqual(
      expect.arrayContaining([49, 50.9, 35.8, 527850, 55]),
    );
    expect(valuesOf("btc-options-skew-feb-2026")).toEqual([-13, 20, 20]);
    expect(members["altcoinstory-dateline"]).toContain("btc-low-2026-02-06-rally-71k");
    expect(ledger.conflicts).toHaveLength(9);
  });
});
