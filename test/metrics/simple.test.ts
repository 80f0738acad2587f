import { describe, expect, it } from "vitest";
import { annualizedBasis } from "../../src/lib/metrics/basis.ts";
import { dailyBars, type Candle } from "../../src/lib/metrics/candles.ts";
import { fundingApr } from "../../src/lib/metrics/funding.ts";
import { hashprice } from "../../src/lib/metrics/hashprice.ts";
import { nextQuarterlyExpiry, parseOptionInstrument, expiryCode } from "../../src/lib/metrics/instruments.ts";
import { pricePathStats } from "../../src/lib/metrics/pricePath.ts";
import { highestVolumeBand, volumeProfile } from "../../src/lib/metrics/volumeProfile.ts";

const H = 3_600_000;
const t0 = Date.parse("2026-02-05T00:00:00Z");
const bar = (hour: number, open: number, high: number, low: number, close: number, volume = 10): Candle => ({
  time: t0 + hour * H, open, high, low, close, volume,
});

describe("annualizedBasis", () => {
  it("gives back the premium a future was priced at", () => {
    const spot = 70_000;
    const future = spot * (1 + 0.02 * (51 / 365));
    expect(annualizedBasis(future, spot, 51)).toBeCloseTo(0.02, 12);
    expect(annualizedBasis(spot * 0.99, spot, 36.5)).toBeCloseTo(-0.1, 12);
  });
  it("rejects a non-positive time to expiry", () => {
    expect(() => annualizedBasis(1, 1, 0)).toThrow(RangeError);
  });
});

describe("fundingApr", () => {
  it("annualizes the rate per interval", () => {
    expect(fundingApr(0.0001, 8)).toBeCloseTo(0.1095, 12);
    expect(fundingApr(-0.00001, 1)).toBeCloseTo(-0.0876, 12);
  });
});

describe("hashprice", () => {
  it("is blocks/day × reward × price / PH/s", () => {
    // 144 blocks × 3.145 BTC × $70,000 over 1,000 EH/s (= 1,000,000 PH/s)
    expect(hashprice({ blocksPerDay: 144, rewardPerBlockBtc: 3.145, priceUsd: 70_000, hashrateHs: 1e21 })).toBeCloseTo(31.7016, 4);
  });
});

describe("instruments", () => {
  it("parses option names with the 08:00 UTC expiry", () => {
    expect(parseOptionInstrument("BTC-6FEB26-65000-P")).toEqual({ expiryMs: Date.parse("2026-02-06T08:00:00Z"), strike: 65_000, type: "put" });
    expect(parseOptionInstrument("BTC-PERPETUAL")).toBeNull();
    expect(parseOptionInstrument("BTC-6FOO26-65000-P")).toBeNull();
  });
  it("finds the next quarterly expiry (last Friday of Mar/Jun/Sep/Dec)", () => {
    expect(expiryCode(nextQuarterlyExpiry(Date.parse("2026-03-01T00:00:00Z")))).toBe("27MAR26");
    expect(expiryCode(nextQuarterlyExpiry(Date.parse("2026-03-27T09:00:00Z")))).toBe("26JUN26");
  });
});

describe("dailyBars", () => {
  it("aggregates hourly bars into UTC days", () => {
    const bars = dailyBars([bar(1, 2, 5, 1, 3), bar(0, 1, 4, 0.5, 2), bar(24, 3, 3, 3, 3, 1)]);
    expect(bars).toEqual([
      { date: "2026-02-05", open: 1, high: 5, low: 0.5, close: 3, volume: 20 },
      { date: "2026-02-06", open: 3, high: 3, low: 3, close: 3, volume: 1 },
    ]);
  });
});

describe("pricePathStats", () => {
  it("finds the largest drawdown and the rebound within 24 hours of the trough", () => {
    const candles = [
      bar(0, 73_000, 74_000, 72_500, 73_500),
      bar(1, 73_500, 73_600, 68_000, 68_500),
      bar(2, 68_500, 68_600, 60_000, 61_000),
      bar(10, 61_000, 70_500, 60_900, 70_000),
      bar(30, 70_000, 72_000, 69_000, 71_000), // beyond 24 h after the trough
    ];
    const stats = pricePathStats(candles)!;
    expect(stats.peak).toEqual({ time: "2026-02-05T00:00:00.000Z", price: 74_000 });
    expect(stats.trough).toEqual({ time: "2026-02-05T02:00:00.000Z", price: 60_000 });
    expect(stats.maxDrawdown).toBeCloseTo(60_000 / 74_000 - 1, 12);
    expect(stats.reboundHigh.price).toBe(70_500);
    expect(stats.rebound).toBeCloseTo(70_500 / 60_000 - 1, 12);
  });
  it("returns null without data", () => {
    expect(pricePathStats([])).toBeNull();
  });
});

describe("volume profile", () => {
  it("spreads each bar's volume evenly over its range", () => {
    const bins = volumeProfile([bar(0, 0, 300, 100, 0, 20), bar(1, 0, 150, 150, 0, 5)], 100);
    expect(bins).toEqual([
      { price_low: 100, price_high: 200, volume: 15 },
      { price_low: 200, price_high: 300, volume: 10 },
    ]);
  });
  it("grows the band from the heaviest bin towards the heavier neighbour", () => {
    const bins = [1, 2, 8, 5, 9, 3, 1].map((volume, i) => ({ price_low: i * 100, price_high: (i + 1) * 100, volume }));
    expect(highestVolumeBand(bins, 0, 700, 0.5)).toEqual({ price_low: 200, price_high: 500, volume: 22, share: 22 / 29 });
    expect(highestVolumeBand(bins, 0, 700, 0.3)).toEqual({ price_low: 400, price_high: 500, volume: 9, share: 9 / 29 });
    expect(highestVolumeBand(bins, 0, 700, 0.4)).toEqual({ price_low: 300, price_high: 500, volume: 14, share: 14 / 29 });
    expect(highestVolumeBand(bins, 1_000, 2_000, 0.5)).toBeNull();
  });
});
