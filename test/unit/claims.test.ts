import { describe, expect, test } from "vitest";
import { claimById, claimDate, formatClaimValue, formatInUnit } from "../../src/lib/claims.ts";
import { testClaim } from "../support/claims.ts";

describe("claimById", () => {
  test("finds a claim and names a missing id", () => {
    const claims = [testClaim({ id: "a" }), testClaim({ id: "b" })];
    expect(claimById(claims, "b").id).toBe("b");
    expect(() => claimById(claims, "c")).toThrow('claim "c" is not in the ledger (data/claims.csv)');
  });
});

describe("formatClaimValue", () => {
  test("formats values in their unit", () => {
    expect(formatInUnit(60150, "usd")).toBe("$60,150");
    expect(formatInUnit(0.09863, "usd")).toBe("$0.09863");
    expect(formatInUnit(-544.9, "usd_mn")).toBe("−$544.9M");
    expect(formatInUnit(-13, "vol_pts")).toBe("−13 vol pts");
    expect(formatInUnit(527850, "btc")).toBe("527,850 BTC");
  });

  test("states ranges and one-sided bounds as the article gave them", () => {
    expect(formatClaimValue({ value: null, low: 66900, high: 70600, unit: "usd" })).toBe("$66,900 to $70,600");
    expect(formatClaimValue({ value: null, low: 1.26, high: null, unit: "usd_bn" })).toBe("> $1.26B");
    expect(formatClaimValue({ value: null, low: null, high: 0, unit: "pct" })).toBe("< 0%");
  });

  test("refuses an unknown unit", () => {
    expect(() => formatInUnit(1, "furlongs")).toThrow('no format for unit "furlongs"');
  });
});

describe("claimDate", () => {
  test("keeps dates, converts times to UTC and marks undated follow-ups", () => {
    expect(claimDate({ asOf: "2026-02-06" })).toBe("2026-02-06");
    expect(claimDate({ asOf: "2026-02-07T11:00+05:30" })).toBe("2026-02-07 05:30 UTC");
    expect(claimDate({ asOf: null })).toBe("undated follow-up");
  });
});
