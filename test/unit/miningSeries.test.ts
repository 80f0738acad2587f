import { describe, expect, test } from "vitest";
import type { MiningDataset } from "../../src/components/miningSeries.ts";
import {
  computedHashprice,
  difficultyAdjustments,
  firstAdjustmentFrom,
  hashpriceAround,
  reliefFactor,
  reliefPct
} from "../../src/components/miningSeries.ts";
import { claimById } from "../../src/lib/claims.ts";
import { PUBLIC_BUILDERS } from "../../src/lib/public/datasets.ts";
import { publicDir } from "../../src/lib/public/store.ts";
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

  test("the first adjustment from the sell-off's day on, and the computed hashprice on the full days either side", () => {
    const adjustment = firstAdjustmentFrom(difficultyAdjustments(captured), "2026-02-05")!;
    expect(adjustment.changePct).toBe(-13.37);
    const { before, after } = hashpriceAround(computedHashprice(captured), adjustment);
    expect(before?.day).toBe("2026-02-06");
    expect(after?.day).toBe("2026-02-08");
  });
});

describe("the mining dataset from the public extracts", () => {
  const mining = { dataset: "mining", mode: "public", asOf: null, ...(() => {
    const built = PUBLIC_BUILDERS.mining(publicDir());
    return { meta: { sources: built.uses, method: built.method, summary: built.summary }, rows: built.rows };
  })() } as MiningDataset;

  test("the adjustment after the sell-off is the step of Feb 7, about −11.16%, the largest cut in the series", () => {
    const adjustments = difficultyAdjustments(mining);
    const adjustment = firstAdjustmentFrom(adjustments, "2026-02-05")!;
    expect(adjustment.time.toISOString()).toBe("2026-02-07T00:00:00.000Z");
    // btc-difficulty-1d: 141,668,107,417,558 until Feb 6, 125,864,590,119,494 from Feb 8.
    expect(adjustment.changePct).toBeCloseTo((125864590119494 / 141668107417558 - 1) * 100, 10);
    expect(Math.min(...adjustments.map((a) => a.changePct))).toBe(adjustment.changePct);
    const { before, after } = hashpriceAround(computedHashprice(mining), adjustment);
    expect([before?.day, after?.day]).toEqual(["2026-02-06", "2026-02-08"]);
  });

  test("the lowest computed hashprice is Feb 5's, under the reported $32 ceiling", () => {
    const points = computedHashprice(mining);
    const lowest = points.reduce((low, point) => (point.usdPerPhDay < low.usdPerPhDay ? point : low));
    expect(lowest.day).toBe("2026-02-05");
    expect(lowest.usdPerPhDay).toBeLessThan(claimById(claims, "btc-hashprice-2026-02-05").high!);
  });
});
