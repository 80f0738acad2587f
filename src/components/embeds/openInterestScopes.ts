import { openInterestScopeLabel, openInterestScopes } from "../openInterestScopes.js";
import { claimIds } from "./options.js";
import { defineChart } from "./spec.js";

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
