import { claimDate, formatClaimValue } from "../../lib/claims.js";
import type { CitedClaim } from "../../lib/ledger/types.js";
import { dailyRanges } from "../dailyRanges.js";
import { checkLabels, claimIds, dayRange, daysOf, labels } from "./options.js";
import { defineChart } from "./spec.js";

/** A reported silver level and the fall the same article reports to it, by ledger id. */
const REPORTED_FALL_TO: Record<string, string> = { "silver-price-2026-02-05": "silver-price-change-2026-02-05" };

/** "fell as much as 9.1% to around ", when the article reports the fall that ended at this level. */
function fallWords(claims: readonly CitedClaim[], level: CitedClaim): string {
  const fall = claims.find((claim) => claim.id === REPORTED_FALL_TO[level.id]);
  return fall ? `fell as much as ${formatClaimValue(fall).replace("−", "")} to around ` : "";
}

export const dailyRangesEmbed = defineChart(["silver", "claims"])({
  about: "Silver futures (COMEX) session by session: each day's range and close, with reported silver prices as lines across the chart.",
  pages: ["macro"],
  options: {
    range: dayRange('`["YYYY-MM-DD", "YYYY-MM-DD"]`, the first and last session drawn; default Jan 20 to Feb 13, 2026, as on Macro.', (data) => daysOf(data.silver.rows), { from: "2026-01-20", to: "2026-02-13" }),
    levels: claimIds("ledger ids of reported silver prices drawn as lines; default the reported level of about $72.21.", {
      what: "a reported silver price in USD",
      accepts: (claim) => claim.asset === "SILVER" && claim.unit === "usd" && claim.value !== null,
      fallback: () => ["silver-price-2026-02-05"],
      nonEmpty: false
    }),
    labels: labels('`{ "<id>": "words" }`, what each line says; default "Reported: <figure>", with the fall the article reports to it, and its date or "no day printed".')
  },
  example: { range: ["2026-01-26", "2026-02-10"] },
  draw({ silver, claims }, { range, levels, labels: words }, width) {
    checkLabels(words, levels);
    const label = (claim: CitedClaim) => words[claim.id] ?? `Reported: ${fallWords(claims, claim)}${formatClaimValue(claim)} (${claim.asOf === null ? "no day printed" : claimDate(claim)})`;
    return dailyRanges(silver, {
      width,
      ...range,
      title: "Silver futures (COMEX), daily range and close",
      yLabel: "USD per troy ounce",
      levels: levels.map((claim) => ({ claim, label: label(claim) }))
    });
  }
});
