import { describe, expect, test } from "vitest";
import { boundKind, claimWhen, horizontalBoundSymbol, plottedValue, shortUtcDate, shortUtcDateTime, toUsdBn, verticalBoundSymbol } from "../../src/components/reportedBound.ts";
import { claimById } from "../../src/lib/claims.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { testClaim } from "../support/claims.ts";

const { claims } = loadLedger();

describe("bounds", () => {
  test("a stated value, a lower bound and an upper bound sit at the printed number", () => {
    const liquidations = claimById(claims, "btc-followup-long-liquidations");
    const ratio90d = claimById(claims, "btc-followup-realized-pl-ratio-90d");
    expect(boundKind(claimById(claims, "btc-followup-price"))).toBe("value");
    expect([boundKind(liquidations), plottedValue(liquidations)]).toEqual(["lower", 400]);
    expect([boundKind(ratio90d), plottedValue(ratio90d)]).toEqual(["upper", 2]);
  });

  test("a range is a band, never a point", () => {
    const cluster = claimById(claims, "btc-absorption-cluster-glassnode");
    expect(boundKind(cluster)).toBe("range");
    expect(() => plottedValue(cluster)).toThrow(/band/);
  });

  test("arrowheads point the open way", () => {
    expect(horizontalBoundSymbol(claimById(claims, "btc-followup-long-liquidations"))).toEqual({ symbol: "triangle", rotate: 90 });
    expect(horizontalBoundSymbol(claimById(claims, "btc-followup-realized-pl-ratio-90d"))).toEqual({ symbol: "triangle", rotate: -90 });
    expect(verticalBoundSymbol(testClaim({ id: "above-70k", value: null, low: 70000 }))).toEqual({ symbol: "triangle", rotate: 0 });
    expect(verticalBoundSymbol(claimById(claims, "btc-close-2026-02-05"))).toEqual({ symbol: "circle", rotate: 0 });
  });
});

describe("units and labels", () => {
  test("millions and billions of USD share one axis in billions", () => {
    expect(toUsdBn(382.12, "usd_mn")).toBeCloseTo(0.38212, 10);
    expect(toUsdBn(1.8, "usd_bn")).toBe(1.8);
    expect(() => toUsdBn(60000, "usd")).toThrow(/not a USD amount/);
  });

  test("UTC dates: a day, a month, and a time with a zone converted to UTC", () => {
    expect(shortUtcDate("2026-02-05")).toBe("Feb 5");
    expect(shortUtcDate("2025-10")).toBe("Oct 2025");
    expect(shortUtcDateTime("2026-02-07T11:00+05:30")).toBe("Feb 7, 05:30 UTC");
  });

  test("a week, and a figure with no date printed, are said so", () => {
    expect(shortUtcDate("2026-W05")).toBe("Jan 26–Feb 1");
    expect(claimWhen({ asOf: null })).toBe("date not printed");
    expect(claimWhen({ asOf: "2026-02-06" })).toBe("Feb 6");
  });
});
