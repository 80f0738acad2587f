import { describe, expect, test } from "vitest";
import { absorptionCluster, clusterWaypoints, marketPosition, readingPosition, utcDay } from "../../src/components/clusterVsPrice.ts";
import { etfFlowClaims } from "../../src/components/etfFlows.ts";
import { followUpPanels, readingLabel } from "../../src/components/followUpReadings.ts";
import { claimById } from "../../src/lib/claims.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";

const { claims } = loadLedger();

describe("ETF flows", () => {
  test("daily, month-to-date and the scenario are kept apart", () => {
    const { daily, monthToDate, scenarios } = etfFlowClaims(claims);
    expect(daily.map((c) => [c.asOf, c.value])).toEqual([
      ["2026-02-04", -544.9],
      ["2026-02-05", -434.1]
    ]);
    expect(monthToDate.map((c) => [c.asOf, c.value])).toEqual([["2026-02-05", -690]]);
    expect(scenarios.map((c) => [c.low, c.high])).toEqual([[-500, -400]]);
  });
});

describe("cluster against the price", () => {
  test("the cluster is Glassnode's $66,900 to $70,600 band", () => {
    const cluster = absorptionCluster(claims);
    expect([cluster.low, cluster.high, cluster.attributedTo]).toEqual([66900, 70600, "Glassnode"]);
  });

  test("waypoints are the BTC price readings of Feb 5 to Feb 7 UTC, with Stocktwits' IST time moved to UTC", () => {
    const ids = clusterWaypoints(claims).map((c) => c.id);
    expect(ids).toContain("btc-open-2026-02-05");
    expect(ids).toContain("btc-low-2026-02-06-rally-71k");
    expect(ids).toContain("btc-price-stocktwits");
    expect(ids).not.toContain("btc-followup-price");
    expect(ids).not.toContain("btc-correction-range-2025-11-21-rally-71k");
    expect(ids).toHaveLength(16);
    expect(utcDay("2026-02-07T11:00+05:30")).toBe("2026-02-07");
    expect(utcDay("2026-02-07T03:00+05:30")).toBe("2026-02-06");
  });

  test("a reading sits in its day's column by type; a market row by its time of day", () => {
    const days = ["2026-02-05", "2026-02-06", "2026-02-07"];
    expect(readingPosition(claimById(claims, "btc-open-2026-02-05"), days)).toBeCloseTo(-0.3);
    expect(readingPosition(claimById(claims, "btc-close-2026-02-05"), days)).toBeCloseTo(0.3);
    expect(readingPosition(claimById(claims, "btc-price-stocktwits"), days)).toBeCloseTo(2.15);
    expect(marketPosition("2026-02-06T00:00:00.000Z", days)).toBeCloseTo(0.5);
    expect(marketPosition("2026-02-06T12:00:00.000Z", days)).toBeCloseTo(1);
  });
});

describe("undated follow-up", () => {
  test("every undated follow-up figure is in a panel, grouped by unit", () => {
    const panels = followUpPanels(claims);
    const undated = claims.filter((c) => c.period === "undated-follow-up").map((c) => c.id).sort();
    expect(panels.flatMap((p) => p.claims.map((c) => c.id)).sort()).toEqual(undated);
    expect(panels.map((p) => [p.title, p.claims.map(readingLabel)])).toEqual([
      ["BTC price levels", ["price after the drop", "rally high", "ETF cost basis"]],
      ["BTC price change over “this week”", ["this week"]],
      ["Realized profit/loss ratio", ["7-day avg, local high", "7-day avg, after", "90-day avg"]],
      ["Realized losses per day", ["all holders", "long-term holders"]],
      ["Futures long liquidations, one event", ["longs liquidated"]]
    ]);
  });

  test("realized losses in millions and billions share the panel's billions axis", () => {
    const losses = followUpPanels(claims).find((p) => p.title === "Realized losses per day");
    expect(losses?.claims.map((c) => losses.x(c))).toEqual([1.35, 0.77]);
  });
});
