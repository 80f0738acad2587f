// What the Macro charts of the reported Feb 6 moves share: which moves, and which claims are such moves.
import type { CitedClaim } from "../../lib/ledger/types.js";
import { CROSS_ASSETS } from "../../lib/public/crossAssetRows.js";
import { claimIds } from "./options.js";

/** The one-day moves the translated analysis reports for Feb 6, as on the Macro page. */
export const REVERSAL_MOVES = ["sp500", "nasdaq", "dow", "sox", "gold", "silver", "dxy"].map((asset) => `${asset}-change-2026-02-06`);

/** A dated one-day (or intraday) % move of a market the cross-asset extracts hold. */
export const isReportedMove = (claim: CitedClaim) =>
  claim.unit === "pct" &&
  claim.value !== null &&
  claim.asOf !== null &&
  (claim.period === "1d" || claim.period === "intraday") &&
  CROSS_ASSETS.some((spec) => spec.ledgerAsset === claim.asset);

export const moves = (doc: string, nonEmpty: boolean) =>
  claimIds<{ claims: CitedClaim[] }>(doc, { what: "a dated one-day % move of a market with a public extract", accepts: isReportedMove, fallback: () => REVERSAL_MOVES, nonEmpty });
