// Which ledger figures a chart can draw, shared by the adapters. Browser-safe.
import type { CitedClaim } from "../../lib/ledger/types.js";
import { addUtcDays } from "../../lib/metrics/time.js";
import { priceWaypointClaims, waypointTime } from "../pricePath.js";
import { OptionProblem, type DayRange } from "./options.js";

export const isBtcUsd = (claim: CitedClaim) => claim.asset === "BTC" && claim.unit === "usd";

/** A reported BTC price with a value dated to a day or an hour: a dot on a time axis. */
export const isDatedPrice = (claim: CitedClaim) => priceWaypointClaims([claim], "0000-01-01", "9999-12-31").length === 1;

/** A BTC price band, low to high. */
export const isBand = (claim: CitedClaim) => isBtcUsd(claim) && claim.low !== null && claim.high !== null;

/** A single BTC price level. */
export const isLevel = (claim: CitedClaim) => isBtcUsd(claim) && claim.value !== null;

/** Throws when a dated figure given for `option` falls outside the days drawn. */
export function checkInRange(option: string, claims: readonly CitedClaim[], range: DayRange): void {
  const [start, end] = [Date.parse(`${range.from}T00:00:00Z`), Date.parse(`${addUtcDays(range.to, 1)}T00:00:00Z`)];
  const outside = claims.find((claim) => waypointTime(claim).getTime() < start || waypointTime(claim).getTime() > end);
  if (outside) throw new OptionProblem(`has "${outside.id}", dated ${outside.asOf}, outside the range drawn`, `widen "range" to take in ${outside.asOf?.slice(0, 10)}, or leave the figure out`, option);
}
