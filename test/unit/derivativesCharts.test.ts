import { describe, expect, test } from "vitest";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { basisReadings } from "../../src/components/basisVsNeutral.ts";
import { boundLabel, fundingBounds } from "../../src/components/linkedPanels.ts";
import { longShortReadings, parityDomain, ratioSide } from "../../src/components/longShortRatios.ts";
import { lowestClose, strikeMarks } from "../../src/components/putStrikesVsPrice.ts";
import { groupSameFigure, sameFigureSources } from "../../src/components/sameFigure.ts";
import { dayTicks, paddedDayDomain, utcNoon } from "../../src/components/utcDays.ts";
import { asOfInterval } from "../../src/lib/claims.ts";
import { testClaim } from "../support/claims.ts";

const { claims } = loadLedger();

describe("groupSameFigure", () => {
  test("merges restatements of one figure and keeps different moments apart", () => {
    const a = testClaim({ id: "a", value: 2, asOf: "2026-02-06" });
    const b = testClaim({ id: "b", value: 2, asOf: "2026-02-06", attributedTo: "CoinGlass" });
    const c = testClaim({ id: "c", value: 2, asOf: "2026-02-05" });
    expect(groupSameFigure([a, b, c]).map((group) => group.map((claim) => claim.id))).toEqual([["a", "b"], ["c"]]);
    expect(sameFigureSources([a, b])).toBe("Outlet A; CoinGlass via Outlet A");
  });
});

describe("basisReadings", () => {
  test("finds the 2% reading, one figure however many ledger rows state it, and the 5%-10% neutral range", () => {
    const { readings, neutral } = basisReadings(claims);
    const ledgerRows = claims.filter((claim) => claim.metric === "annualized_basis");
    expect(readings.map((group) => group[0].value)).toEqual([2]);
    expect(readings.flat().map((claim) => claim.id)).toEqual(ledgerRows.map((claim) => claim.id));
    expect([neutral[0].low, neutral[0].high]).toEqual([5, 10]);
  });

  test("leaves out a reading its source does not date to a day", () => {
    const neutral = testClaim({ id: "n", metric: "annualized_basis_neutral", unit: "pct_annualized", low: 5, high: 10, period: "reference" });
    const undated = testClaim({ id: "b", metric: "annualized_basis", unit: "pct_annualized", value: 2, asOf: null });
    expect(basisReadings([neutral, undated]).readings).toEqual([]);
  });
});

describe("fundingBounds", () => {
  test("reads the reported funding regime as a one-sided bound below zero over the span its row gives", () => {
    const [bound, ...rest] = fundingBounds(claims);
    const claim = claims.find((candidate) => candidate.metric === "funding_rate")!;
    const interval = asOfInterval(claim.asOf)!;
    expect(rest).toEqual([]);
    expect(bound?.dayStart).toEqual(interval.from);
    expect(bound?.dayEnd).toEqual(interval.to);
    expect([bound?.upper, bound?.lower]).toEqual([0, null]);
    expect(boundLabel(bound!)).toBe("below 0%");
  });

  test("shades a whole ISO week for a weekly reading and leaves an undated one off the time axis", () => {
    const weekly = testClaim({ id: "w", metric: "funding_rate", unit: "pct", high: 0, asOf: "2026-W06" });
    const undated = testClaim({ id: "u", metric: "funding_rate", unit: "pct", high: 0, asOf: null });
    const bounds = fundingBounds([weekly, undated]);
    expect(bounds.map((bound) => [bound.dayStart.toISOString().slice(0, 10), bound.dayEnd.toISOString().slice(0, 10), bound.when])).toEqual([
      ["2026-02-02", "2026-02-09", "2026-W06 (Feb 2 to Feb 8)"]
    ]);
  });
});

describe("long/short ratios", () => {
  const ratios = claims.filter((claim) => claim.metric === "long_short_ratio");

  test("all exchanges lean short, Binance and OKX accounts lean long", () => {
    const readings = longShortReadings(ratios.map((claim) => ({ label: claim.id, claim })));
    expect(readings.map((d) => [d.value, ratioSide(d.value)]).sort()).toEqual([
      [0.958, "shorts"],
      [2, "longs"]
    ]);
  });

  test("sit on a log axis as far below parity as above it", () => {
    expect(parityDomain([0.958, 2])).toEqual([0.25, 4]);
    expect(parityDomain([0.3])).toEqual([0.125, 8]);
  });
});

describe("put strikes against the price", () => {
  test("the reported band and largest strike run to their Feb 27 expiry", () => {
    const marks = strikeMarks(claims.filter((claim) => claim.metric.startsWith("put_open_interest")));
    expect(marks.map((d) => [d.low, d.high, d.expiryStart.toISOString(), d.expiryEnd.toISOString()]).sort()).toEqual([
      [50000, 50000, "2026-02-27T00:00:00.000Z", "2026-02-28T00:00:00.000Z"],
      [50000, 60000, "2026-02-27T00:00:00.000Z", "2026-02-28T00:00:00.000Z"]
    ]);
  });

  test("finds the lowest close in a window, skipping missing hours", () => {
    const hour = (time: string, close: number | null) => ({ time, close, dvol: null, realized_7d: null, spread: null });
    const hourly = [hour("2026-02-06T23:00:00Z", 60000), hour("2026-02-07T00:00:00Z", null), hour("2026-02-07T01:00:00Z", 65000), hour("2026-02-08T00:00:00Z", 64000)];
    expect(lowestClose(hourly, new Date("2026-02-07T00:00:00Z"), new Date("2026-02-08T00:00:00Z"))?.close).toBe(65000);
    expect(lowestClose(hourly, new Date("2026-03-01T00:00:00Z"), new Date("2026-03-02T00:00:00Z"))).toBeNull();
  });
});

describe("utc days", () => {
  test("pads a day domain and ticks at UTC midnights", () => {
    const domain = paddedDayDomain([utcNoon("2026-02-06")], 2);
    expect(domain.map((d) => d.toISOString().slice(0, 10))).toEqual(["2026-02-04", "2026-02-09"]);
    expect(dayTicks(domain, 8).map((d) => d.toISOString().slice(5, 10))).toEqual(["02-04", "02-05", "02-06", "02-07", "02-08", "02-09"]);
    expect(dayTicks(domain, 3)).toHaveLength(3);
  });
});
