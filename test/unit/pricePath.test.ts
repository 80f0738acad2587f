import { describe, expect, test } from "vitest";
import { labelsBelow, priceWaypointClaims, waypointTime } from "../../src/components/pricePath.ts";
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

  test("refuses a figure with no day: undated, or dated only to a week or a month", () => {
    expect(() => waypointTime(testClaim({ id: "u", asOf: null }))).toThrow('claim "u" has no date');
    expect(() => waypointTime(testClaim({ id: "w", asOf: "2026-W06" }))).toThrow('claim "w" has no date');
    expect(() => waypointTime(testClaim({ id: "m", asOf: "2025-10" }))).toThrow('claim "m" has no date');
  });
});

describe("priceWaypointClaims", () => {
  const { claims } = loadLedger();
  const waypoints = priceWaypointClaims(claims, "2026-02-04", "2026-02-07");
  const ids = waypoints.map((claim) => claim.id);

  test("takes the reported BTC prices of Feb 4 to 7 with a value, leaving out bounds, other assets and undated figures", () => {
    expect(ids).toContain("btc-open-2026-02-05");
    expect(ids).toContain("btc-low-2026-02-06");
    expect(ids).toContain("btc-low-2026-02-06-rally-71k");
    expect(ids).toContain("btc-price-stocktwits");
    expect(ids).not.toContain("btc-price-above-70k-2026-02-06"); // "more than $70,000": a bound
    expect(ids).not.toContain("eth-price-stocktwits");
    expect(ids).not.toContain("btc-followup-price"); // undated
    for (const claim of waypoints) {
      expect(claim.asset).toBe("BTC");
      expect(claim.value).not.toBeNull();
      expect(claim.asOf!.slice(0, 10) >= "2026-02-04" && claim.asOf!.slice(0, 10) <= "2026-02-07").toBe(true);
    }
  });

  test("takes every ledger price reading dated to a day of the window, each once", () => {
    const inWindow = claims.filter(
      (claim) =>
        claim.asset === "BTC" &&
        ["open", "close", "low", "high", "price"].includes(claim.metric) &&
        claim.value !== null &&
        /^2026-02-0[4-7]/.test(claim.asOf ?? "")
    );
    expect(inWindow.length).toBeGreaterThan(0);
    expect([...ids].sort()).toEqual(inWindow.map((claim) => claim.id).sort());
  });

  test("leaves out a week-dated or month-dated reading", () => {
    const dated = (id: string, asOf: string) => testClaim({ id, metric: "price", value: 70_000, asOf });
    const picked = priceWaypointClaims([dated("day", "2026-02-05"), dated("week", "2026-W06"), dated("month", "2026-02")], "2026-02-01", "2026-02-28");
    expect(picked.map((claim) => claim.id)).toEqual(["day"]);
  });
});

describe("labelsBelow", () => {
  test("puts a level's label under its line when the next level up is within 2.5%, so the two do not overlap", () => {
    const level = (id: string, value: number) => ({ claim: testClaim({ id, metric: "price", value }), label: id });
    expect(labelsBelow([level("basis", 83_000), level("high", 82_000), level("after", 67_000)])).toEqual([false, true, false]);
  });
});
