import { basisVsNeutral } from "../basisVsNeutral.js";
import { claimIds, flag } from "./options.js";
import { defineChart } from "./spec.js";

export const basisVsNeutralEmbed = defineChart(["claims", "basis"])({
  about: "The reported annualized futures basis against the reported neutral range, with the daily basis computed from dated futures when a capture holds them (on Derivatives only then).",
  pages: [],
  claimsForm: true,
  options: {
    ids: claimIds("ledger ids of basis readings and the neutral range; default every one in the ledger.", {
      what: "a reported annualized BTC futures basis or its neutral range",
      accepts: (claim) => claim.metric.startsWith("annualized_basis"),
      fallback: ({ claims }) => claims.filter((claim) => claim.metric.startsWith("annualized_basis")).map((claim) => claim.id)
    }),
    computed: flag("`false` leaves out the computed daily basis; default `true` (drawn only when a capture holds dated futures).", true)
  },
  example: { computed: false },
  draw: ({ basis }, { ids, computed }, width) => basisVsNeutral(ids, { width, ...(computed ? { market: basis } : {}) })
});
