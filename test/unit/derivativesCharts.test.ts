import { describe, expect, test } from "vitest";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { basisReadings } from "../../src/components/basisVsNeutral.ts";
import { boundLabel, fundingBounds } from "../../src/components/fundingRegime.ts";
import { longShortReadings, ratioSide } from "../../src/components/longShortRatios.ts";
import { derivativesVolumeBars, levelBeforeChange } from "../../src/components/derivativesVolume.ts";
import { groupSameFigure, sameFigureSources } from "../../src/components/sameFigure.ts";
import { dayTicks, paddedDayDomain, utcNoon } from "../../src/components/utcDays.ts";
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
  test("finds the 2% reading (two outlets) and the 5%-10% neutral range", () => {
    const { readings, neutral } = basisReadings(claims);
    expect(readings.map((group) => [group[0].value, group.length])).toEqual([[2, 2]]);
    expect([neutral[0].low, neutral[0].high]).toEqual([5, 10]);
  });
});

describe("fundingBounds", () => {
  test("reads the Feb 5 funding regime as a one-sided bound below zero", () => {
    const [bound, ...rest] = fundingBounds(claims);
    expect(rest).toEqual([]);
    expect(bound?.dayStart.toISOString()).toBe("2026-02-05T00:00:00.000Z");
    expect(bound?.dayEnd.toISOString()).toBe("2026-02-06T00:00:00.000Z");
    expect([bound?.upper, bound?.lower]).toEqual([0, null]);
    expect(boundLabel(bound!)).toBe("below 0%");
  });
});

describe("long/short ratios", () => {
  test("all exchanges lean short, Binance and OKX accounts lean long", () => {
    expect(longShortReadings(claims).map((d) => [d.value, ratioSide(d.value)])).toEqual([
      [0.958, "shorts"],
      [2, "longs"]
    ]);
  });
});

describe("derivatives volume", () => {
  test("a 50% rise to $108B implies $72B before it", () => {
    expect(levelBeforeChange(108, 50)).toBe(72);
    expect(derivativesVolumeBars(claims).map((bar) => [bar.label, bar.value, bar.computed])).toEqual([
      ["earlier (computed)", 72, true],
      ["Feb 5 (reported)", 108, false]
    ]);
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
