import { describe, expect, test } from "vitest";
import { reliefCeilings } from "../../src/components/difficultyRelief.ts";
import { adjustmentDomain } from "../../src/components/difficultyAdjustment.ts";
import { hashpriceDomain } from "../../src/components/hashpriceReading.ts";
import { claimById } from "../../src/lib/claims.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";

const { claims } = loadLedger();
const bound = claimById(claims, "btc-hashprice-2026-02-05");
const expected = claimById(claims, "btc-difficulty-change-expected-2026-02-05");

describe("reliefCeilings", () => {
  test("the reported ceiling as reported, then the ceiling computed from it and the expected change", () => {
    const [reported, after] = reliefCeilings(bound, expected);
    expect(reported).toMatchObject({ usdPerPhDay: 32, figure: "< $32/PH/s/day", mark: "< $32", source: "TheMinerMag via Unnamed outlet (machine translation)" });
    expect(after!.usdPerPhDay).toBeCloseTo(32 / (1 - 0.1337), 10);
    expect(after).toMatchObject({ figure: "< $36.94/PH/s/day", mark: "< $36.94" });
    expect(after!.how).toBe("computed: < $32/PH/s/day ÷ (1 − 13.37%), price and fees unchanged");
  });

  test("a claim without a bound is refused", () => {
    expect(() => reliefCeilings(expected, expected)).toThrow(/need a bound/);
  });
});

describe("chart extents", () => {
  const absent = { dataset: "mining", mode: "absent" as const, asOf: null, meta: null, rows: [] };

  test("without market rows, the reported day with context either side", () => {
    expect(hashpriceDomain(bound, absent).map((d) => d.toISOString().slice(0, 10))).toEqual(["2026-02-02", "2026-02-09"]);
    expect(adjustmentDomain(expected, []).map((d) => d.toISOString().slice(0, 10))).toEqual(["2026-02-02", "2026-02-09"]);
  });

  test("widened to an actual adjustment outside it", () => {
    const later = { time: new Date("2026-02-20T04:00:00Z"), height: 937440, changePct: 2.1 };
    expect(adjustmentDomain(expected, [later])[1].toISOString()).toBe("2026-02-20T04:00:00.000Z");
  });
});
