// Noiseless synthetic option tapes drawn from known smiles, and the RR25 those smiles imply,
// for the RR25 tests and scripts/rr25-accuracy.ts. A smile gives IV (percent) from the
// log-moneyness k = ln(K / F) against the expiry's forward F, as Deribit quotes IV.
// The expected values are solved here from the smile itself, not with the code under test.
// None of it is real data.

import { expiryCode } from "../../src/lib/metrics/instruments.ts";
import type { OptionTrade } from "../../src/lib/metrics/rr25.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

/** IV in percent from log-moneyness ln(K / F) and years to expiry. */
export type Smile = (k: number, years: number) => number;

/**
 * SSVI (Gatheral and Jacquier): total variance w = θ/2 × (1 + ρφk + √((φk + ρ)² + 1 - ρ²)),
 * θ = ATM variance × years, φ = η / √θ. ρ < 0 makes puts dear, η sets the curvature.
 */
export function ssvi(atmPercent: number, rho: number, eta: number): Smile {
  return (k, years) => {
    const theta = (atmPercent / 100) ** 2 * years;
    const phi = eta / Math.sqrt(theta);
    const w = (theta / 2) * (1 + rho * phi * k + Math.sqrt((phi * k + rho) ** 2 + 1 - rho * rho));
    return 100 * Math.sqrt(w / years);
  };
}

/** Smile shapes; at 7 days their RR25 and 25-delta butterfly are roughly: */
export const SMILES: Record<string, Smile> = {
  "skewed, puts dear": ssvi(55, -0.45, 0.7), // RR25 -11, butterfly 1
  "steeply skewed": ssvi(55, -0.6, 1.0), // RR25 -21, butterfly 2.3
  "curved, nearly symmetric": ssvi(45, -0.1, 1.2), // RR25 -3, butterfly 3.5
  "skewed, calls dear": ssvi(60, 0.3, 0.7), // RR25 +9, butterfly 1.9
  flat: ssvi(50, 0, 0),
};

/** N⁻¹(0.75): a 25-delta call has d1 = -D25; a 25-delta put (call-equivalent delta 0.75) has d1 = +D25. */
const D25 = 0.6744897501960817;

/**
 * IV of a smile at call-equivalent delta 0.25 or 0.75: solves Black-76 d1(k, σ(k)) = ∓N⁻¹(0.75)
 * for the strike by bisection, then reads the smile there.
 */
export function smileIvAtDelta(smile: Smile, years: number, callDelta: 0.25 | 0.75): number {
  const target = callDelta === 0.25 ? -D25 : D25;
  const gap = (k: number) => {
    const stdDev = (smile(k, years) / 100) * Math.sqrt(years);
    return -k / stdDev + stdDev / 2 - target; // d1 falls as the strike rises
  };
  let low = -2;
  let high = 2;
  if (!(gap(low) > 0 && gap(high) < 0)) throw new Error("the 25-delta strike is not within e^±2 of the forward");
  for (let i = 0; i < 200; i++) {
    const mid = (low + high) / 2;
    if (gap(mid) > 0) low = mid;
    else high = mid;
  }
  return smile((low + high) / 2, years);
}

export interface TapeExpiry {
  /** Days from the tape's day start to the expiry date (expiry at 08:00 UTC). */
  days: number;
  smile: Smile;
}

export interface Tape {
  trades: OptionTrade[];
  /** Per expiry, the amount-weighted mean of its trades' years to expiry. */
  meanYears: Map<number, number>;
}

/**
 * Trades every 3 hours of one UTC day, the index wandering ±2% around 70,000; strikes every
 * 1,000 (2,500 beyond 10 days) from 35,000 to 126,000, a call and a put at each, each with
 * the IV of its expiry's smile at its log-moneyness against the forward
 * index × (1 + premium(years to expiry, trade time)).
 */
export function optionTape(day: string, expiries: readonly TapeExpiry[], premium: (years: number, atMs: number) => number): Tape {
  const dayStart = Date.parse(`${day}T00:00:00Z`);
  const trades: OptionTrade[] = [];
  const meanYears = new Map<number, number>();
  for (const { days, smile } of expiries) {
    const expiryMs = dayStart + days * DAY + 8 * HOUR;
    const code = expiryCode(expiryMs);
    const step = days <= 10 ? 1_000 : 2_500;
    let weight = 0;
    let weightedYears = 0;
    for (let hour = 0; hour < 24; hour += 3) {
      const timestamp = dayStart + hour * HOUR + 17 * 60_000;
      const indexPrice = 70_000 * (1 + 0.02 * Math.sin(hour / 4));
      const years = (expiryMs - timestamp) / YEAR;
      const forward = indexPrice * (1 + premium(years, timestamp));
      for (let strike = 35_000; strike <= 126_000; strike += step) {
        const iv = smile(Math.log(strike / forward), years);
        const amount = 0.1 + (strike % 3_000) / 10_000;
        for (const type of ["C", "P"]) {
          trades.push({ timestamp, instrumentName: `BTC-${code}-${strike}-${type}`, iv, indexPrice, amount });
          weight += amount;
          weightedYears += amount * years;
        }
      }
    }
    meanYears.set(days, weightedYears / weight);
  }
  return { trades, meanYears };
}

export interface ExpectedRr25 {
  rr25: number;
  callIv: number;
  putIv: number;
}

/**
 * RR25 at a constant maturity implied by the tape's smiles: each side's 25-delta IV at each
 * expiry's mean time to expiry, interpolated linearly in total variance between the two
 * expiries that bracket the maturity; null when none bracket it.
 */
export function expectedRr25(tape: Tape, expiries: readonly TapeExpiry[], tenorDays: number): ExpectedRr25 | null {
  const target = tenorDays / 365;
  const points = expiries
    .map(({ days, smile }) => {
      const years = tape.meanYears.get(days)!;
      return { years, callIv: smileIvAtDelta(smile, years, 0.25), putIv: smileIvAtDelta(smile, years, 0.75) };
    })
    .sort((a, b) => a.years - b.years);
  const below = points.filter((p) => p.years <= target).at(-1);
  const above = points.find((p) => p.years >= target);
  if (!below || !above) return null;
  const share = above.years === below.years ? 0 : (target - below.years) / (above.years - below.years);
  const interpolate = (v1: number, v2: number) =>
    above.years === below.years ? v1 : Math.sqrt((v1 ** 2 * below.years + share * (v2 ** 2 * above.years - v1 ** 2 * below.years)) / target);
  const callIv = interpolate(below.callIv, above.callIv);
  const putIv = interpolate(below.putIv, above.putIv);
  return { rr25: callIv - putIv, callIv, putIv };
}
