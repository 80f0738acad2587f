import { describe, expect, test } from "vitest";
import type { MiningDataset } from "../../src/components/miningSeries.ts";
import {
  computedHashprice,
  difficultyAdjustments,
  firstAdjustmentAfter,
  hashpriceAround,
  reliefFactor,
  reliefPct
} from "../../src/components/miningSeries.ts";
import { claimById } from "../../src/lib/claims.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";

const { claims } = loadLedger();
const expected = claimById(claims, "btc-difficulty-change-expected-2026-02-05");

const absent: MiningDataset = { dataset: "mining", mode: "absent", asOf: null, meta: null, rows: [] };

function row(date: string, hashprice: number | null) {
  return { date, hashrate_ehs: 1000, difficulty: 1.4e14, blocks_per_day: 144, reward_per_block_btc: 3.2, price_usd: 70000, hashprice_usd_per_ph_day: hashprice };
}

const captured: MiningDataset = {
  dataset: "mining",
  mode: "snapshot",
  asOf: "2026-03-02T10:00:00.000Z",
  meta: {
    sources: [{ source: "mempool", endpoint: "v1/mining/hashrate" }],
    method: "hashprice",
    summary: {
      difficultyAdjustments: [
        { time: "2026-01-24T03:00:00.000Z", height: 933408, difficulty: 1.41e14, change_pct: -1.99 },
        { time: "2026-02-07T11:00:00.000Z", height: 935424, difficulty: 1.2215e14, change_pct: -13.37 }
      ]
    }
  },
  rows: [row("2026-02-05", 33.1), row("2026-02-06", 32.4), row("2026-02-07", null), row("2026-02-08", 36.2)]
};

describe("relief from a difficulty cut", () => {
  test("the ledger's expected -13.37% raises revenue per PH/s by 1 / (1 - 0.1337), about 15.4%", () => {
    expect(expected.value).toBe(-13.37);
    expect(reliefFactor(expected.value!)).toBeCloseTo(1 / 0.8663, 12);
    expect(Math.round(reliefPct(expected.value!) * 10) / 10).toBe(15.4);
  });

  test("the reported $32 ceiling becomes a ceiling of about $36.94 at unchanged price and fees", () => {
    const bound = claimById(claims, "btc-hashprice-2026-02-05");
    expect(bound.high).toBe(32);
    expect(bound.value).toBeNull();
    expect(Math.round(bound.high! * reliefFactor(expected.value!) * 100) / 100).toBe(36.94);
  });

  test("no change gives no relief; a rise in difficulty cuts revenue", () => {
    expect(reliefFactor(0)).toBe(1);
    expect(reliefPct(25)).toBeCloseTo(-20, 12);
  });

  test("a change of -100% or less is impossible", () => {
    expect(() => reliefFactor(-100)).toThrow(RangeError);
  });
});

describe("the mining dataset", () => {
  test("an absent dataset has no hashprice and no adjustments", () => {
    expect(computedHashprice(absent)).toEqual([]);
    expect(difficultyAdjustments(absent)).toEqual([]);
  });

  test("days without a computed hashprice are left out, and each day is drawn at midday UTC", () => {
    const points = computedHashprice(captured);
    expect(points.map((p) => p.day)).toEqual(["2026-02-05", "2026-02-06", "2026-02-08"]);
    expect(points[0]!.date.toISOString()).toBe("2026-02-05T12:00:00.000Z");
  });

  test("the first adjustment after the report's day, and the computed hashprice on the full days either side", () => {
    const adjustment = firstAdjustmentAfter(difficultyAdjustments(captured), expected.asOf!)!;
    expect(adjustment.changePct).toBe(-13.37);
    const { before, after } = hashpriceAround(computedHashprice(captured), adjustment);
    expect(before?.day).toBe("2026-02-06");
    expect(after?.day).toBe("2026-02-08");
  });
});
