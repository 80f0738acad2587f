import { describe, expect, test } from "vitest";
import { marketPosition, readingDays, readingSpan, utcDay } from "../../src/components/clusterVsPrice.ts";
import { daysBefore, etfFlowClaims, etfFlowSteps } from "../../src/components/etfFlows.ts";
import { claimById, claimsById } from "../../src/lib/claims.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";

const { claims } = loadLedger();

describe("ETF flows", () => {
  test("daily and month-to-date figures are kept apart", () => {
    const { daily, monthToDate } = etfFlowClaims(claims);
    expect(daily.map((c) => [c.asOf, c.value, c.attributedTo])).toEqual([
      ["2026-02-04", -544.9, "Farside Investors"],
      ["2026-02-05", -434.1, "Farside Investors"]
    ]);
    expect(monthToDate.map((c) => [c.asOf, c.value])).toEqual([["2026-02-05", -690]]);
  });

  test("the trading days before the first daily figure are Feb 2 and 3 (Feb 1 is a Sunday)", () => {
    expect(daysBefore("2026-02-04")).toBe("Feb 2–3");
    expect(daysBefore("2026-02-03")).toBe("Feb 2");
  });

  test("the month's arithmetic: Feb 2–3 computed at about +$289M, then each reported day, then the reported total", () => {
    const steps = etfFlowSteps(etfFlowClaims(claims));
    expect(steps.map((s) => [s.label, s.kind, s.claim?.id ?? null])).toEqual([
      ["Feb 2–3", "computed: month to date minus the days reported", null],
      ["Feb 4", "reported, one day", "btc-etf-flow-2026-02-04"],
      ["Feb 5", "reported, one day", "btc-etf-flow-2026-02-05"],
      ["Month to Feb 5", "reported, month to date", "btc-etf-flow-month-to-date-2026-02-05"]
    ]);
    const [before, feb4, feb5, total] = steps;
    expect(before!.to - before!.from).toBeCloseTo(289, 6);
    // Each reported day steps from where the previous one ended, and the steps land on the reported total.
    expect(feb4!.from).toBeCloseTo(before!.to, 6);
    expect(feb5!.from).toBeCloseTo(feb4!.to, 6);
    expect(feb5!.to).toBeCloseTo(total!.to, 6);
    expect([total!.from, total!.to]).toEqual([0, -690]);
  });
});

describe("cluster against the price", () => {
  const readings = claimsById(claims, ["btc-open-2026-02-05", "btc-close-2026-02-05", "btc-low-2026-02-06-rally-71k", "btc-high-2026-02-06", "btc-price-stocktwits"]);

  test("the columns are the UTC days of the readings, with Stocktwits' IST time moved to UTC", () => {
    expect(readingDays(readings)).toEqual(["2026-02-05", "2026-02-06", "2026-02-07"]);
    expect(utcDay("2026-02-07T11:00+05:30")).toBe("2026-02-07");
    expect(utcDay("2026-02-07T03:00+05:30")).toBe("2026-02-06");
  });

  test("an undated reading has no column", () => {
    expect(readingDays([...readings, claimById(claims, "btc-followup-price")])).toEqual(["2026-02-05", "2026-02-06", "2026-02-07"]);
  });

  test("a reading with no time printed spans its whole day; a timed reading and a market row sit at their time", () => {
    const days = readingDays(readings);
    expect(readingSpan(claimById(claims, "btc-open-2026-02-05"), days)).toEqual({ x1: -0.5, x2: 0.5 });
    expect(readingSpan(claimById(claims, "btc-low-2026-02-06-rally-71k"), days)).toEqual({ x1: 0.5, x2: 1.5 });
    // 11:00 IST on Feb 7 is 05:30 UTC: 5.5 hours into the third day.
    const stocktwits = readingSpan(claimById(claims, "btc-price-stocktwits"), days);
    expect(stocktwits.x1).toBeCloseTo(1.5 + 5.5 / 24, 6);
    expect(stocktwits.x2).toBe(stocktwits.x1);
    expect(marketPosition("2026-02-06T00:00:00.000Z", days)).toBeCloseTo(0.5);
    expect(marketPosition("2026-02-06T12:00:00.000Z", days)).toBeCloseTo(1);
  });

  test("the Stocktwits price sits just above the cluster's top, not inside it", () => {
    const cluster = claimById(claims, "btc-absorption-cluster-glassnode");
    expect([cluster.low, cluster.high, cluster.attributedTo]).toEqual([66900, 70600, "Glassnode"]);
    expect(claimById(claims, "btc-price-stocktwits").value).toBeGreaterThan(cluster.high!);
  });
});

describe("ETF flows without the month's total", () => {
  test("with daily figures alone there is no arithmetic: each day is its own bar from zero", () => {
    const steps = etfFlowSteps(etfFlowClaims(claimsById(claims, ["btc-etf-flow-2026-02-04", "btc-etf-flow-2026-02-05"])));
    expect(steps.map((s) => [s.label, s.from, s.to, s.kind])).toEqual([
      ["Feb 4", 0, -544.9, "reported, one day"],
      ["Feb 5", 0, -434.1, "reported, one day"]
    ]);
  });
});
