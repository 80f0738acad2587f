import { DAYS_PER_YEAR } from "./time.ts";

/** Annualized basis as a fraction: (F / S - 1) × 365 / days to expiry. */
export function annualizedBasis(futurePrice: number, spotPrice: number, daysToExpiry: number): number {
  if (!(spotPrice > 0) || !(daysToExpiry > 0)) {
    throw new RangeError(`annualized basis needs spot > 0 and days to expiry > 0 (got ${spotPrice}, ${daysToExpiry})`);
  }
  return (futurePrice / spotPrice - 1) * (DAYS_PER_YEAR / daysToExpiry);
}
