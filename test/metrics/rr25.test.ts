import { describe, expect, it } from "vitest";
import { black76D1, normCdf } from "../../src/lib/metrics/black76.ts";
import { expiryCode } from "../../src/lib/metrics/instruments.ts";
import { computeRr25, type OptionTrade } from "../../src/lib/metrics/rr25.ts";

const DAY = 86_400_000;

/** A smile in call-equivalent delta, IV in percent. */
type Smile = (callDelta: number) => number;

/** Smile with chosen IVs at the 25-delta call (Δ 0.25) and 25-delta put (Δ 0.75), plus curvature. */
function smileWith(call25: number, put25: number, curvature = 15): Smile {
  const slope = (put25 - call25) / 0.5;
  const mid = (call25 + put25) / 2 - curvature * 0.0625;
  return (d) => mid + slope * (d - 0.5) + curvature * (d - 0.5) ** 2;
}

/** IV (percent) that is consistent with the smile at this strike: σ = smile(Δ(σ)). */
function impliedFromSmile(smile: Smile, forward: number, strike: number, years: number): number {
  let iv = smile(0.5);
  for (let i = 0; i < 100; i++) iv = smile(normCdf(black76D1(forward, strike, iv / 100, years)));
  return iv;
}

/** Deterministic trades on one UTC day for each expiry, with the index wandering intraday. */
function tradesForDay(day: string, expiries: { days: number; smile: Smile }[]): OptionTrade[] {
  const dayStart = Date.parse(`${day}T00:00:00Z`);
  const trades: OptionTrade[] = [];
  for (const { days, smile } of expiries) {
    const expiryMs = dayStart + days * DAY + 8 * 3_600_000;
    const code = expiryCode(expiryMs);
    for (let hour = 0; hour < 24; hour += 3) {
      const timestamp = dayStart + hour * 3_600_000 + 17 * 60_000;
      const indexPrice = 70_000 * (1 + 0.02 * Math.sin(hour / 4));
      const years = (expiryMs - timestamp) / (365 * DAY);
      for (let strike = 40_000; strike <= 110_000; strike += 1_000) {
        const iv = impliedFromSmile(smile, indexPrice, strike, years);
        for (const type of ["C", "P"]) {
          trades.push({ timestamp, instrumentName: `BTC-${code}-${strike}-${type}`, iv, indexPrice, amount: 0.1 + (strike % 3_000) / 10_000 });
        }
      }
    }
  }
  return trades;
}

describe("computeRr25", () => {
  it("gives back the RR25 of a known smile at 7 and 30 days, within 0.2 vol points", () => {
    const smile = smileWith(48, 61); // RR25 = 48 - 61 = -13
    const expiries = [2, 5, 9, 16, 23, 37, 58].map((days) => ({ days, smile }));
    const rows = computeRr25(tradesForDay("2026-02-06", expiries));
    expect(rows.map((r) => [r.date, r.tenor_days])).toEqual([
      ["2026-02-06", 7],
      ["2026-02-06", 30],
    ]);
    for (const row of rows) {
      expect(Math.abs(row.rr25 - -13)).toBeLessThan(0.2);
      expect(Math.abs(row.call_iv25 - 48)).toBeLessThan(0.2);
      expect(Math.abs(row.put_iv25 - 61)).toBeLessThan(0.2);
      expect(row.expiries).toHaveLength(2);
    }
  });

  it("interpolates across expiries in total variance", () => {
    const near = { days: 5, smile: smileWith(70, 80, 0) };
    const far = { days: 9, smile: smileWith(50, 56, 0) };
    const [row] = computeRr25(tradesForDay("2026-02-05", [near, far]), { tenorsDays: [7] });
    // Each trade's own tenor is measured from its trade time: the group tenor is their mean.
    const meanHours = (17 / 60 + 10.5) / 24;
    const t1 = near.days - meanHours + 8 / 24;
    const t2 = far.days - meanHours + 8 / 24;
    const interpolate = (v1: number, v2: number) =>
      Math.sqrt((v1 * v1 * t1 + ((7 - t1) / (t2 - t1)) * (v2 * v2 * t2 - v1 * v1 * t1)) / 7);
    expect(row).toBeDefined();
    expect(row!.call_iv25).toBeCloseTo(interpolate(70, 50), 1);
    expect(row!.put_iv25).toBeCloseTo(interpolate(80, 56), 1);
  });

  it("produces no row when no expiries bracket the maturity (no extrapolation)", () => {
    const smile = smileWith(50, 60);
    const rows = computeRr25(tradesForDay("2026-02-05", [{ days: 9, smile }, { days: 16, smile }]));
    expect(rows).toEqual([]);
  });

  it("keeps UTC days apart and skips trades it cannot price", () => {
    const smile = smileWith(45, 55);
    const expiries = [3, 10, 24, 40].map((days) => ({ days, smile }));
    const trades = [
      ...tradesForDay("2026-02-05", expiries),
      ...tradesForDay("2026-02-06", expiries),
      { timestamp: Date.parse("2026-02-06T12:00:00Z"), instrumentName: "BTC-PERPETUAL", iv: 50, indexPrice: 70_000, amount: 1 },
      { timestamp: Date.parse("2026-02-06T12:00:00Z"), instrumentName: "BTC-27MAR26-70000-C", iv: 0, indexPrice: 70_000, amount: 1 },
    ];
    const rows = computeRr25(trades);
    expect(rows.map((r) => `${r.date}/${r.tenor_days}`)).toEqual(["2026-02-05/7", "2026-02-05/30", "2026-02-06/7", "2026-02-06/30"]);
    for (const row of rows) expect(Math.abs(row.rr25 + 10)).toBeLessThan(0.2);
  });

  it("needs trades on both sides of the 25-delta point", () => {
    const smile = smileWith(50, 60);
    const onlyNearTheMoney = tradesForDay("2026-02-05", [3, 10, 40].map((days) => ({ days, smile }))).filter((t) => {
      const strike = Number(t.instrumentName.split("-")[2]);
      return strike > 67_000 && strike < 73_000;
    });
    expect(computeRr25(onlyNearTheMoney)).toEqual([]);
  });
});
