import { describe, expect, test } from "vitest";
import { highestHigh, lastCloseAtOrAbove, lowestLow } from "../../src/lib/metrics/priceExtremes.ts";

const bar = (time: string, low: number, high: number, close: number) => ({ time, low, high, close });
const bars = [
  bar("2026-02-06T12:00:00Z", 60_000, 64_000, 63_000),
  bar("2026-02-07T00:00:00Z", 69_000, 71_000, 70_500),
  bar("2026-02-08T00:00:00Z", 68_000, 72_000, 69_000),
  bar("2026-02-09T00:00:00Z", 67_000, 70_200, 70_100),
  bar("2026-02-10T00:00:00Z", 65_000, 69_000, 66_000)
];

describe("price extremes over a window", () => {
  test("take the highest high and the lowest low from the window's start, to its end when given", () => {
    expect(highestHigh(bars, "2026-02-07")).toEqual({ time: "2026-02-08T00:00:00Z", price: 72_000 });
    expect(lowestLow(bars, "2026-02-07")).toEqual({ time: "2026-02-10T00:00:00Z", price: 65_000 });
    expect(lowestLow(bars, "2026-02-07", "2026-02-10")).toEqual({ time: "2026-02-09T00:00:00Z", price: 67_000 });
    expect(highestHigh(bars, "2026-03-01")).toBeNull();
  });

  test("find the latest close at or above a level, whatever the order of the bars", () => {
    expect(lastCloseAtOrAbove(bars, 70_000, "2026-02-07")).toEqual({ time: "2026-02-09T00:00:00Z", price: 70_100 });
    expect(lastCloseAtOrAbove([...bars].reverse(), 70_000, "2026-02-07")).toEqual({ time: "2026-02-09T00:00:00Z", price: 70_100 });
    expect(lastCloseAtOrAbove(bars, 80_000, "2026-02-07")).toBeNull();
  });
});
