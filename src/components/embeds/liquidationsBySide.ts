import { liquidations24hClaims, liquidationsBySide } from "../liquidationsBySide.js";
import { claimIds } from "./options.js";
import { defineChart } from "./spec.js";

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
