// The market datasets computed from the committed public extracts, checked against values
// worked out by hand from the extract rows quoted in each test.
import { describe, expect, test } from "vitest";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { difficultySteps, PUBLIC_BUILDERS } from "../../src/lib/public/datasets.ts";
import { factCheckSkipped } from "../../src/lib/metrics/factCheck.ts";
import { publicFactCheck } from "../../src/lib/public/factCheck.ts";
import { publicDir } from "../../src/lib/public/store.ts";
import type { MacroRow, MiningRow } from "../../src/lib/snapshot/rows.ts";

const dir = publicDir();
const factCheck = publicFactCheck(loadLedger().claims, dir);
const checked = (id: string) => {
  const row = factCheck.rows.find((candidate) => (candidate as { claim_id: string }).claim_id === id);
  if (!row) throw new Error(`claim ${id} is not fact-checked`);
  return row as { computed: number; computed_from: string; why_they_differ: string };
};

describe("mining from Coin Metrics", () => {
  test("hashprice on 2026-02-05 is (issuance + fees) × price / hash rate in PH/s", () => {
    // btc-coinmetrics-1d 2026-02-05: price 63494.6884456458, hashrate 894.379692333951 EH/s,
    // issuance 396.875 BTC, fees 6.14723942 BTC → 403.02223942 × 63494.6884456458 / 894379.692333951.
    const row = (PUBLIC_BUILDERS.mining(dir).rows as MiningRow[]).find((r) => r.date === "2026-02-05")!;
    expect(row.hashprice_usd_per_ph_day).toBeCloseTo(28.6117, 3);
    expect(row.blocks_per_day).toBe(127);
    expect(row.reward_per_block_btc).toBeCloseTo(403.02223942 / 127, 9);
  });

  test("the February retarget is the step from 141668107417558 to 125864590119494", () => {
    const steps = (PUBLIC_BUILDERS.mining(dir).summary as { difficultyAdjustments: { time: string; change_pct: number }[] }).difficultyAdjustments;
    const february = steps.filter((step) => step.time.startsWith("2026-02"));
    expect(february).toHaveLength(1);
    expect(february[0]!.time).toBe("2026-02-07T00:00:00Z");
    expect(february[0]!.change_pct).toBeCloseTo(100 * (125864590119494 / 141668107417558 - 1), 10);
  });
});

describe("difficultySteps", () => {
  const rows = (values: number[]) => values.map((difficulty, i) => ({ date: `2026-01-${String(i + 1).padStart(2, "0")}`, difficulty }));

  test("a retarget blended over two daily averages is one step, from the value before to the value after", () => {
    const steps = difficultySteps(rows([100, 100, 90, 80, 80]));
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ time: "2026-01-03T00:00:00Z", difficulty: 80 });
    expect(steps[0]!.change_pct).toBeCloseTo(-20, 10);
  });

  test("float noise in the last digit is not a retarget", () => {
    expect(difficultySteps(rows([148258433855480, 148258433855481, 148258433855480, 148258433855480]))).toEqual([]);
  });

  test("a run still moving at the end of the series is not reported as finished", () => {
    expect(difficultySteps(rows([100, 100, 90]))).toEqual([]);
  });
});

describe("macro closes", () => {
  test("the S&P 500 on 2026-02-06 rose 6932.2998046875 / 6798.39990234375 − 1", () => {
    const row = (PUBLIC_BUILDERS.macro(dir).rows as MacroRow[]).find((r) => r.series === "SP500" && r.date === "2026-02-06")!;
    expect(row.change_pct).toBeCloseTo(100 * (6932.2998046875 / 6798.39990234375 - 1), 10);
    expect(row.change_pct).toBeCloseTo(1.97, 2);
  });

  test("the first day of each series has no change (no previous close in the window)", () => {
    const first = (PUBLIC_BUILDERS.macro(dir).rows as MacroRow[]).filter((r) => r.date === "2025-10-01");
    expect(first.length).toBe(7);
    for (const row of first) expect(row.change_pct).toBeNull();
  });
});

describe("funding", () => {
  test("APR is the daily mean 8-hour rate × 3 × 365", () => {
    const rows = PUBLIC_BUILDERS.funding(dir).rows as { time: string; interest_8h: number; apr_pct: number }[];
    const feb6 = rows.find((r) => r.time === "2026-02-06T00:00:00Z")!;
    expect(feb6.interest_8h).toBe(-0.0000958766666666667);
    expect(feb6.apr_pct).toBeCloseTo(-0.0000958766666666667 * 3 * 365 * 100, 10);
  });
});

describe("fact check over the public extracts", () => {
  test("checks at least fifteen reported figures, each with a reason the two can differ", () => {
    expect(factCheck.rows.length).toBeGreaterThanOrEqual(15);
    for (const row of factCheck.rows) expect((row as { why_they_differ: string }).why_they_differ.length).toBeGreaterThan(20);
  });

  test("a price quoted at 11:00 IST on Feb 7 is the close of the hour ending 05:00 UTC", () => {
    // btc-yahoo-1h 2026-02-07T04:00:00Z closes at 70678.53125.
    expect(checked("btc-price-stocktwits").computed).toBe(70678.53125);
    // ... against the 04:00 bar of Feb 6, which closed at 64807.66015625.
    expect(checked("btc-price-change-24h-stocktwits").computed).toBeCloseTo(100 * (70678.53125 / 64807.66015625 - 1), 10);
  });

  test("silver's fall, printed without a day, is set against no day of the series", () => {
    const skipped = factCheckSkipped(loadLedger().claims, factCheck.rows as { claim_id: string }[]).map((s) => s.claim_id);
    for (const id of ["silver-price-change-2026-02-05", "silver-price-2026-02-05"]) {
      expect(() => checked(id)).toThrow(/is not fact-checked/);
      expect(skipped).toContain(id);
    }
  });

  test("the week-6 funding regime is compared with the lowest daily mean 8-hour rate of that ISO week, in percent", () => {
    // btc-funding-1d: the lowest daily mean from Feb 2 to Feb 8 is Feb 6's -0.0000958766666666667.
    expect(checked("btc-funding-rate-2026-02-05").computed).toBeCloseTo(-0.00958766666666667, 12);
  });

  test("the distance from the all-time high uses the highest high in the series and says where the series starts", () => {
    const row = checked("btc-distance-from-ath-rally-71k");
    expect(row.computed_from).toMatch(/highest high in the series, 126183 on 2025-10-06 \(the series starts 2025-10-01\)/);
  });
});
