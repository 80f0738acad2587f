/** Funding APR as a fraction: rate per interval × intervals per year (365-day year). */
export function fundingApr(ratePerInterval: number, intervalHours: number): number {
  return ratePerInterval * ((365 * 24) / intervalHours);
}
