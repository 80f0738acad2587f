import { describe, expect, it } from "vitest";
import {
  dailyRealizedVolatility,
  MIN_REALIZED_RETURNS,
  realizedVolatility,
  REALIZED_WINDOW_HOURS
} from "../../src/lib/metrics/realizedVolatility.ts";

// Closes chosen so the hourly log returns are exact: +0.01, −0.01, then two returns lost to
// the missing 23:00 hour, then 0.
const smallSeries = [
  { time: "2026-02-05T20:00:00Z", close: 100 },
  { time: "2026-02-05T21:00:00Z", close: 100 * Math.exp(0.01) },
  { time: "2026-02-05T22:00:00Z", close: 100 },
  // 23:00 is missing from the source.
  { time: "2026-02-06T00:00:00Z", close: 100 * Math.exp(0.02) },
  { time: "2026-02-06T01:00:00Z", close: 100 * Math.exp(0.02) }
];

describe("realizedVolatility", () => {
  it("takes the root mean square of the returns in a 3-hour window, needing 2 of them (worked by hand)", () => {
    const rows = realizedVolatility(smallSeries, { windowHours: 3, minReturns: 2 });
    // One row per hour, the missing 23:00 included as an hour with no return.
    expect(rows.map((row) => row.time)).toEqual([
      "2026-02-05T20:00:00Z",
      "2026-02-05T21:00:00Z",
      "2026-02-05T22:00:00Z",
      "2026-02-05T23:00:00Z",
      "2026-02-06T00:00:00Z",
      "2026-02-06T01:00:00Z"
    ]);
    // Returns in each window: {} , {+0.01}, {+0.01, −0.01}, {+0.01, −0.01}, {−0.01}, {0}.
    expect(rows.map((row) => row.returns)).toEqual([0, 1, 2, 2, 1, 1]);
    // (0.01² + 0.01²) / 2 = 0.0001; × 8760 = 0.876; √0.876 = 0.9359487; × 100.
    expect(rows.map((row) => row.realized)).toEqual([null, null, expect.closeTo(93.59487, 4), expect.closeTo(93.59487, 4), null, null]);
  });

  it("treats a null close like a missing hour and never bridges it", () => {
    const withNull = [...smallSeries.slice(0, 3), { time: "2026-02-05T23:00:00Z", close: null }, ...smallSeries.slice(3)];
    expect(realizedVolatility(withNull, { windowHours: 3, minReturns: 2 })).toEqual(realizedVolatility(smallSeries, { windowHours: 3, minReturns: 2 }));
  });

  it("reads alternating ±1% hours as 1% × √8760 ≈ 93.59 vol points once 144 of 168 returns are in", () => {
    expect([REALIZED_WINDOW_HOURS, MIN_REALIZED_RETURNS]).toEqual([168, 144]);
    const start = Date.parse("2026-01-01T00:00:00Z");
    const closes = Array.from({ length: 200 }, (_, i) => ({
      time: new Date(start + i * 3_600_000).toISOString(),
      close: i % 2 === 0 ? 100 : 100 * Math.exp(0.01)
    }));
    const rows = realizedVolatility(closes);
    expect(rows[143]!.realized).toBeNull();
    expect(rows[144]!.returns).toBe(144);
    expect(rows[144]!.realized).toBeCloseTo(93.59487, 4);
    expect(rows[199]!.returns).toBe(168);
    expect(rows[199]!.realized).toBeCloseTo(93.59487, 4);
  });

  it("rejects hours out of order, repeated or not on the hour", () => {
    expect(() => realizedVolatility([smallSeries[1]!, smallSeries[0]!])).toThrow(/time order/);
    expect(() => realizedVolatility([smallSeries[0]!, smallSeries[0]!])).toThrow(/time order/);
    expect(() => realizedVolatility([{ time: "2026-02-05T20:30:00Z", close: 1 }])).toThrow(/start of a UTC hour/);
    expect(() => realizedVolatility(smallSeries, { windowHours: 3, minReturns: 4 })).toThrow(/minReturns/);
  });
});

describe("dailyRealizedVolatility", () => {
  it("gives each UTC day the window ending at its 23:00 hour", () => {
    const daily = dailyRealizedVolatility(realizedVolatility(smallSeries, { windowHours: 3, minReturns: 2 }));
    expect(daily).toEqual([{ date: "2026-02-05", realized: expect.closeTo(93.59487, 4) }]);
  });
});
