// The volatility loader on the committed extracts in data/public/.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PublicVolatility } from "../../src/lib/public/volatility.ts";

afterEach(() => vi.restoreAllMocks());

async function runLoader(): Promise<PublicVolatility> {
  let output = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    output += String(chunk);
    return true;
  });
  await import("../../src/data/public-volatility.json.ts");
  vi.restoreAllMocks();
  return JSON.parse(output) as PublicVolatility;
}

describe("public-volatility.json", async () => {
  const data = await runLoader();

  it("has one row per hour of 2025-10-01..2026-02-28 and one per day", () => {
    expect(data.hourly).toHaveLength(151 * 24);
    expect(data.hourly[0]!.time).toBe("2025-10-01T00:00:00Z");
    expect(data.hourly.at(-1)!.time).toBe("2026-02-28T23:00:00Z");
    expect(data.daily).toHaveLength(151);
    expect(data.daily.every((day) => data.hourly.some((hour) => hour.time === `${day.date}T23:00:00Z` && hour.realized_7d === day.realized_7d))).toBe(true);
  });

  it("keeps the price's missing hours as nulls and fills none", () => {
    // The extract has 3,593 hourly candles: 31 hours are missing, in two runs (Oct 28 and Nov 28-29).
    const missing = data.hourly.filter((row) => row.close === null).map((row) => row.time);
    expect(missing).toHaveLength(31);
    expect(missing[0]).toBe("2025-10-28T03:00:00Z");
    expect(missing.at(-1)).toBe("2025-11-29T18:00:00Z");
  });

  it("has DVOL and realized volatility in plausible ranges, realized from the eighth day on", () => {
    const dvol = data.hourly.flatMap((row) => (row.dvol === null ? [] : [row.dvol]));
    const realized = data.hourly.flatMap((row) => (row.realized_7d === null ? [] : [row.realized_7d]));
    expect(dvol.length).toBe(data.hourly.length);
    expect(Math.min(...dvol)).toBeGreaterThan(20);
    expect(Math.max(...dvol)).toBeLessThan(150);
    expect(Math.min(...realized)).toBeGreaterThan(10);
    expect(Math.max(...realized)).toBeLessThan(200);
    // Six days of returns are needed: the first value is at hour 144 (Oct 7, 00:00).
    expect(data.hourly.findIndex((row) => row.realized_7d !== null)).toBe(144);
    for (const row of data.hourly) {
      if (row.spread !== null) expect(row.spread).toBeCloseTo(row.dvol! - row.realized_7d!, 1);
    }
  });

  it("annualizes the per-8-hour funding rate as rate × 3 × 365 and credits each series", () => {
    expect(data.funding.length).toBeGreaterThan(100);
    for (const day of data.funding) expect(day.apr_pct).toBeCloseTo(day.funding_rate * 3 * 365 * 100, 9);
    expect(data.method).toEqual({ realizedWindowHours: 168, minReturns: 144, fundingIntervalHours: 8 });
    expect(data.sources.price.mirror).toMatch(/^Marcdylann\/btc-dip-prediction-thesis@[0-9a-f]{40}:data\/btc_hourly\.csv$/);
    expect(data.sources.dvol.upstream).toBe("Deribit DVOL index (BTC)");
    expect(data.sources.funding.series).toBe("btc-funding-1d");
  });
});
