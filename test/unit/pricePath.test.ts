import { describe, expect, test } from "vitest";
import { priceWaypointClaims, waypointTime } from "../../src/components/pricePath.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { testClaim } from "../support/claims.ts";

describe("waypointTime", () => {
  test("puts opens at the start, closes at the end and other date-only figures at midday, in UTC", () => {
    expect(waypointTime(testClaim({ id: "o", metric: "open", asOf: "2026-02-05" })).toISOString()).toBe("2026-02-05T00:00:00.000Z");
    expect(waypointTime(testClaim({ id: "c", metric: "close", asOf: "2026-02-05" })).toISOString()).toBe("2026-02-06T00:00:00.000Z");
    expect(waypointTime(testClaim({ id: "l", metric: "low", asOf: "2026-02-06" })).toISOString()).toBe("2026-02-06T12:00:00.000Z");
  });

  test("keeps a time of day and converts its zone to UTC", () => {
    expect(waypointTime(testClaim({ id: "p", metric: "price", asOf: "2026-02-07T11:00+05:30" })).toISOString()).toBe("2026-02-07T05:30:00.000Z");
  });

  test("refuses an undated figure", () => {
    expect(() => waypointTime(testClaim({ id: "u", asOf: null }))).toThrow('claim "u" has no date');
  });
});

describe("priceWaypointClaims", () => {
  const { claims } = loadLedger();

  test("takes the reported BTC prices of Feb 4 to 7 with a value, leaving out bounds and other assets", () => {
    const ids = priceWaypointClaims(claims, "2026-02-04", "2026-02-07").map((claim) => claim.id);
    expect(ids).toContain("btc-open-2026-02-05");
    expect(ids).toContain("btc-low-2026-02-06-rally-71k");
    expect(ids).toContain("btc-price-stocktwits");
    expect(ids).not.toContain("btc-price-above-70k-2026-02-06"); // "more than $70,000": a bound
    expect(ids).not.toContain("eth-price-stocktwits");
    expect(ids).not.toContain("btc-followup-price"); // undated
    expect(ids).toHaveLength(12);
  });
});
