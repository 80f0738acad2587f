// Charts of the Liquidations page: the reported windows, the sides of the rebound, open interest.
import type { CitedClaim } from "../../lib/ledger/types.js";
import { FOLLOW_UP } from "../../lib/scorecard.js";
import { liquidationTotals } from "../liquidationTotals.js";
import { liquidations24hClaims, liquidationsBySide } from "../liquidationsBySide.js";
import { openInterestScopeLabel, openInterestScopes } from "../openInterestScopes.js";
import { openInterestUsdVsBtc } from "../openInterestUsdVsBtc.js";
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

export const liquidationsBySideEmbed = defineChart(["claims"])({
  about: "Liquidations in the 24 hours of the rebound by coin and side: longs, shorts, and totals the source does not split.",
  pages: ["liquidations"],
  claimsForm: true,
  options: {
    ids: claimIds("ledger ids of 24-hour liquidation figures; default every one in the ledger, as on Liquidations.", {
      what: "a 24-hour liquidation figure of one coin",
      accepts: (claim) => liquidations24hClaims([claim]).length === 1,
      fallback: ({ claims }) => liquidations24hClaims(claims).map((claim) => claim.id)
    })
  },
  example: { ids: ["btc-liquidations-long-24h-stocktwits", "btc-liquidations-short-24h-stocktwits", "eth-liquidations-long-24h-stocktwits", "eth-liquidations-short-24h-stocktwits"] },
  draw: (_data, { ids }, width) => liquidationsBySide(ids, { width })
});

/** The one report that counts open interest in coins as well: its dollar values a week apart and its coin count. */
export const OPEN_INTEREST_IN_COINS = ["btc-open-interest-notional-prior-week-rally-71k", "btc-open-interest-notional-rally-71k", "btc-open-interest-btc-rally-71k"];

export const openInterestUsdVsBtcEmbed = defineChart(["claims"])({
  about: "One report's futures open interest in dollars a week apart beside its count in coins, and the price per coin they imply.",
  pages: ["liquidations"],
  claimsForm: true,
  options: {
    ids: claimIds("the report's three figures: the dollar value a week earlier, the dollar value, and the coin count; default the story carried by AltcoinStory.", {
      what: "a reported BTC open interest in USD billions or in BTC",
      accepts: (claim) => claim.metric === "open_interest" && (claim.unit === "usd_bn" || claim.unit === "btc") && claim.value !== null,
      fallback: () => OPEN_INTEREST_IN_COINS
    })
  },
  example: { ids: OPEN_INTEREST_IN_COINS },
  draw: (_data, { ids }, width) => openInterestUsdVsBtc(ids, { width })
});

/** Who counted each report's open interest, by source, in the words of Liquidations. */
const SCOPE_WORDS: Record<string, string> = {
  "framework-translation": "CoinGlass, as the translated report cites it",
  ambcrypto: "CoinGlass, as AMBCrypto cites it",
  "rally-71k": "Major exchanges, in the story carried by AltcoinStory and Esther Mendoza"
};

export const openInterestScopesEmbed = defineChart(["claims"])({
  about: "Every reported dollar level of futures open interest on one axis, one row per report, with the week's move where it prints one.",
  pages: ["liquidations"],
  claimsForm: true,
  options: {
    ids: claimIds("ledger ids of open-interest levels in USD; default the five on Liquidations.", {
      what: "a reported BTC open interest in USD billions",
      accepts: (claim) => claim.metric === "open_interest" && claim.unit === "usd_bn" && claim.value !== null,
      fallback: () => [
        "btc-open-interest-prior-week-framework-translation",
        "btc-open-interest-2026-02-05-framework-translation",
        "btc-open-interest-ambcrypto",
        "btc-open-interest-notional-prior-week-rally-71k",
        "btc-open-interest-notional-rally-71k"
      ]
    })
  },
  example: { ids: ["btc-open-interest-prior-week-framework-translation", "btc-open-interest-2026-02-05-framework-translation", "btc-open-interest-ambcrypto"] },
  draw: (_data, { ids }, width) => openInterestScopes(ids, { width, scopeLabel: (claim) => SCOPE_WORDS[claim.sourceId] ?? openInterestScopeLabel(claim) })
});
