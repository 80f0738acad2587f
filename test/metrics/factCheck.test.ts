import { describe, expect, it } from "vitest";
import type { Candle } from "../../src/lib/metrics/candles.ts";
import { factCheckRows, factCheckSkipped, type CheckableClaim, type FactCheckInputs } from "../../src/lib/metrics/factCheck.ts";

const bar = (iso: string, open: number, high: number, low: number, close: number): Candle => ({ time: Date.parse(iso), open, high, low, close, volume: 1 });

const inputs: FactCheckInputs = {
  price: [
    bar("2026-02-05T00:00:00Z", 73_000, 73_500, 72_800, 73_200),
    bar("2026-02-05T23:00:00Z", 63_000, 63_100, 62_400, 62_700),
    bar("2026-02-06T01:00:00Z", 62_700, 62_800, 60_100, 60_500),
    bar("2026-02-06T15:00:00Z", 68_000, 71_300, 67_900, 70_900),
  ],
  basis: [{ date: "2026-02-06", basis_pct: 2.4 }],
  skew: [
    { date: "2026-02-05", tenor_days: 7, rr25: -12.5 },
    { date: "2026-02-05", tenor_days: 30, rr25: -9 },
    { date: "2026-02-06", tenor_days: 30, rr25: -11 },
  ],
  mining: [{ date: "2026-02-04", hashprice_usd_per_ph_day: 31.5 }],
  adjustments: [
    { time: "2026-01-24T03:00:00.000Z", change_pct: -2 },
    { time: "2026-02-07T11:00:00.000Z", change_pct: -11.2 },
  ],
  macro: [
    { date: "2026-02-06", series: "SP500", value: 6932.3, change_pct: 1.9 },
    { date: "2026-02-06", series: "NASDAQCOM", value: 23031.21, change_pct: 2.1 },
  ],
};

const claim = (c: Partial<CheckableClaim> & Pick<CheckableClaim, "id" | "metric" | "unit">): CheckableClaim => ({
  topic: "price", asset: "BTC", kind: "reading", value: null, low: null, high: null, asOf: "2026-02-06", period: "point", convention: null, tenorDays: null, ...c,
});

describe("factCheckRows", () => {
  it("pairs each checkable claim with its computed counterpart", () => {
    const rows = factCheckRows(
      [
        claim({ id: "open", metric: "open", unit: "usd", value: 73_100, asOf: "2026-02-05", period: "1d" }),
        claim({ id: "close", metric: "close", unit: "usd", value: 62_600, asOf: "2026-02-05", period: "1d" }),
        claim({ id: "low", metric: "low", unit: "usd", value: 60_000, period: "intraday" }),
        claim({ id: "session", metric: "price_change", unit: "pct", value: -12, asOf: "2026-02-05", period: "1d" }),
        claim({ id: "rebound", metric: "price_change", unit: "pct", value: 17, period: "since-low" }),
        claim({ id: "basis", metric: "annualized_basis", unit: "pct_annualized", value: 2 }),
        claim({ id: "rr", metric: "risk_reversal_25d", unit: "vol_pts", value: -13, asOf: "2026-02-05", convention: "rr25" }),
        claim({ id: "pmc", metric: "options_skew", unit: "pct", value: 20, convention: "put_minus_call" }),
        claim({ id: "hashprice", metric: "hashprice", unit: "usd_per_ph_day", high: 32, asOf: "2026-02-05" }),
        claim({ id: "difficulty", metric: "difficulty_change_expected", unit: "pct", value: -13.37, asOf: "2026-02-05", period: "next-adjustment" }),
        claim({ id: "sp", topic: "macro", metric: "price_change", asset: "SP500", unit: "pct", value: 1.97, period: "1d" }),
        claim({ id: "nasdaq", topic: "macro", metric: "price_change", asset: "NASDAQ", unit: "pct", value: 2.18, period: "1d" }),
      ],
      inputs,
    );
    const computed = Object.fromEntries(rows.map((r) => [r.claim_id, r.computed]));
    expect(computed).toEqual({
      open: 73_000,
      close: 62_700,
      low: 60_100,
      session: expect.closeTo(100 * (62_700 / 73_000 - 1), 9),
      rebound: expect.closeTo(100 * (71_300 / 60_100 - 1), 9),
      basis: 2.4,
      rr: -12.5, // 7-day by default for RR25
      pmc: 11, // RR25 -11 at 30 days, sign flipped
      hashprice: 31.5, // latest reading within three days
      difficulty: -11.2,
      sp: 1.9,
      nasdaq: 2.1,
    });
    const hashprice = rows.find((r) => r.claim_id === "hashprice")!;
    expect(hashprice).toMatchObject({ claimed: 32, difference: -0.5, dataset: "mining" });
  });

  it("produces no row for claims it cannot check or whose inputs are missing", () => {
    const rows = factCheckRows(
      [
        claim({ id: "liquidations", topic: "liquidations", metric: "liquidations", unit: "usd_bn", value: 2.6 }),
        claim({ id: "neutral", metric: "annualized_basis_neutral", unit: "pct_annualized", kind: "reference", low: 5, high: 10, period: null }),
        claim({ id: "undated", metric: "price", unit: "usd", value: 67_000, asOf: null, period: "point" }),
        claim({ id: "old-skew", metric: "options_skew", unit: "pct", value: 11, asOf: "2025-11-21", convention: "put_minus_call" }),
        claim({ id: "gold", topic: "macro", metric: "price_change", asset: "GOLD", unit: "pct", value: 3.9, period: "1d" }),
        claim({ id: "late-low", metric: "low", unit: "usd", value: 1, asOf: "2026-02-20", period: "intraday" }),
      ],
      inputs,
    );
    expect(rows).toEqual([]);
    expect(factCheckRows([claim({ id: "low", metric: "low", unit: "usd", value: 60_000 })], {})).toEqual([]);
  });
});

describe("figures their source dates only to a week, or not at all", () => {
  const weekly: FactCheckInputs = {
    ...inputs,
    funding: [
      { time: "2026-02-01T00:00:00Z", interest_8h: -0.0009 }, // week 5: outside week 6
      { time: "2026-02-04T00:00:00Z", interest_8h: 0.00003 },
      { time: "2026-02-06T00:00:00Z", interest_8h: -0.0001 },
      { time: "2026-02-08T00:00:00Z", interest_8h: -0.00004 },
      { time: "2026-02-09T00:00:00Z", interest_8h: -0.0005 }, // week 7
    ],
    skew: [...inputs.skew!, { date: "2026-02-03", tenor_days: 7, rr25: -14.2 }, { date: "2026-02-09", tenor_days: 7, rr25: -20 }],
  };
  const fundingWeek6 = claim({ id: "funding", topic: "derivatives", metric: "funding_rate", unit: "pct", high: 0, asOf: "2026-W06", period: "week" });
  const rrWeek6 = claim({ id: "rr", topic: "options", metric: "risk_reversal_25d", unit: "vol_pts", value: -13, asOf: "2026-W06", period: "week", convention: "rr25" });

  it("compares a weekly extreme with the lowest value computed over that ISO week (Monday to Sunday)", () => {
    const rows = factCheckRows([fundingWeek6, rrWeek6], weekly);
    expect(rows.map((r) => [r.claim_id, r.as_of, r.claimed, r.computed])).toEqual([
      ["funding", "2026-W06", 0, expect.closeTo(-0.01, 10)],
      ["rr", "2026-W06", -13, -14.2],
    ]);
    expect(rows[0]!.computed_from).toBe("lowest daily mean 8-hour funding rate over 2026-W06 (Feb 2 to Feb 8), on 2026-02-06");
    expect(rows[1]!.computed_from).toBe("lowest RR25 at constant 7-day maturity over 2026-W06 (Feb 2 to Feb 8), on 2026-02-03");
  });

  it("compares a figure dated to a day with that day's value", () => {
    const rows = factCheckRows([{ ...fundingWeek6, asOf: "2026-02-04", period: "point" }], weekly);
    expect(rows[0]).toMatchObject({ as_of: "2026-02-04", computed: expect.closeTo(0.003, 10) });
  });

  it("never pins an undated figure to a day, and says why it is left out", () => {
    const undated = [
      { ...rrWeek6, id: "rr-undated", asOf: null },
      claim({ id: "follow-up-price", metric: "price", unit: "usd", value: 67_000, asOf: null, period: "point" }),
      claim({ id: "liquidations", topic: "liquidations", metric: "liquidations", unit: "usd_mn", kind: "bound", low: 400, asOf: null, period: "event" }),
      claim({ id: "neutral", metric: "annualized_basis", unit: "pct_annualized", kind: "reference", low: 5, high: 10, asOf: null, period: null }),
    ];
    const rows = factCheckRows(undated, weekly);
    expect(rows).toEqual([]);
    const skipped = factCheckSkipped(undated, rows);
    expect(skipped.map((s) => s.claim_id)).toEqual(["rr-undated", "follow-up-price"]);
    expect(skipped[0]!.reason).toBe("No day printed: not set against any one day of the series.");
    expect(skipped[1]!.reason).toBe(skipped[0]!.reason);
  });

  it("lists a weekly figure no series covers, and not one that was checked", () => {
    const rows = factCheckRows([fundingWeek6, rrWeek6], { ...weekly, skew: [] });
    expect(rows.map((r) => r.claim_id)).toEqual(["funding"]);
    expect(factCheckSkipped([fundingWeek6, rrWeek6], rows)).toEqual([
      { claim_id: "rr", reason: "Dated only to 2026-W06 (Feb 2 to Feb 8): no series in this build covers that week for this measure." },
    ]);
  });
});
