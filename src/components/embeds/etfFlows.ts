import type { CitedClaim } from "../../lib/ledger/types.js";
import { etfFlowClaims, etfFlows } from "../etfFlows.js";
import { ETF_FLOWS } from "./flows.js";
import { claimIds } from "./options.js";
import { defineChart } from "./spec.js";

const isEtfFlow = (claim: CitedClaim) => etfFlowClaims([claim]).daily.length + etfFlowClaims([claim]).monthToDate.length === 1;

export const etfFlowsEmbed = defineChart(["claims"])({
  about: "US spot Bitcoin ETF net flows as the month's arithmetic: the days before, each reported day, and the reported month-to-date total.",
  pages: ["flows"],
  claimsForm: true,
  options: {
    ids: claimIds("ledger ids of daily or month-to-date ETF net flows; default Farside's Feb 4 and Feb 5 and the month to Feb 5.", {
      what: "a reported BTC ETF net flow over one day or month to date",
      accepts: isEtfFlow,
      fallback: () => ETF_FLOWS
    })
  },
  example: { ids: ["btc-etf-flow-2026-02-04", "btc-etf-flow-2026-02-05"] },
  draw: (_data, { ids }, width) => etfFlows(ids, { width })
});
