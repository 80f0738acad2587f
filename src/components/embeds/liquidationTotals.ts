import type { CitedClaim } from "../../lib/ledger/types.js";
import { FOLLOW_UP } from "../../lib/followUp.js";
import { liquidationTotals } from "../liquidationTotals.js";
import { claimIds } from "./options.js";
import { defineChart } from "./spec.js";

/** The ledger's group of totals whose windows differ, as on the Liquidations page. */
const TOTALS_GROUP = "btc-liquidation-totals";

const isLiquidationTotal = (claim: CitedClaim) =>
  claim.topic === "liquidations" && claim.asset === "BTC" && (claim.unit === "usd_bn" || claim.unit === "usd_mn") && (claim.value ?? claim.low ?? claim.high) !== null;

export const liquidationTotalsEmbed = defineChart(["claims", "conflicts"])({
  about: "Reported Bitcoin liquidation totals, one bar per window (a day, five days, 24 hours, a crash), side by side for scale, never added up.",
  pages: ["liquidations", "/"],
  claimsForm: true,
  options: {
    ids: claimIds("ledger ids of reported BTC liquidation figures; default the ledger's group of totals and the undated later flush, as on Liquidations.", {
      what: "a reported BTC liquidation figure in USD",
      accepts: isLiquidationTotal,
      fallback: ({ conflicts }) => [...new Set([...(conflicts.find((conflict) => conflict.id === TOTALS_GROUP)?.claimIds ?? []), "btc-followup-long-liquidations"])]
    })
  },
  example: { ids: ["btc-liquidations-2026-02-05", "btc-liquidations-5d-rally-71k", "btc-liquidations-2025-10-rally-71k"] },
  draw(_data, { ids }, width) {
    // The one report with no dates was written after the rebound; any other undated total says only that.
    const undated = ids.filter((claim) => claim.asOf === null);
    const afterRebound = undated.length > 0 && undated.every((claim) => claim.sourceId === FOLLOW_UP.sourceId);
    return liquidationTotals(ids, { width, ...(afterRebound ? { undatedWhen: "after the rebound,\ndate not printed" } : {}) });
  }
});
