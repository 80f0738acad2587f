import type { CitedClaim } from "../../lib/ledger/types.js";
import { etfFlowClaims } from "../etfFlows.js";
import { ibitFlowEstimate } from "../ibitFlowEstimate.js";
import { ETF_FLOWS } from "./flows.js";
import { claimIds, dayRange, daysOf, OptionProblem } from "./options.js";
import { defineChart } from "./spec.js";

const isEtfDailyFlow = (claim: CitedClaim) => etfFlowClaims([claim]).daily.length === 1;

export const ibitFlowEstimateEmbed = defineChart(["ibitFlow", "claims"])({
  about: "IBIT's estimated daily net flow (from shares outstanding) as bars, beside the all-ETF daily figures the articles report.",
  pages: ["flows"],
  options: {
    range: dayRange('`["YYYY-MM-DD", "YYYY-MM-DD"]`, the first and last trading day drawn; default every day of the extract.', (data) => daysOf(data.ibitFlow.rows), "all"),
    ids: claimIds("ledger ids of reported all-ETF daily flows drawn beside the bars; default Farside's Feb 4 and Feb 5.", {
      what: "a reported BTC ETF net flow over one day",
      accepts: isEtfDailyFlow,
      fallback: () => ETF_FLOWS.filter((id) => !id.includes("month-to-date")),
      nonEmpty: false
    })
  },
  example: { range: ["2026-01-26", "2026-02-13"] },
  draw({ ibitFlow }, { range, ids }, width) {
    const outside = ids.find((claim) => (claim.asOf ?? "") < range.from || (claim.asOf ?? "").slice(0, 10) > range.to);
    if (outside) throw new OptionProblem(`has "${outside.id}", dated ${outside.asOf}, outside the range drawn`, `widen "range" to take in ${outside.asOf}, or leave the figure out`, "ids");
    return ibitFlowEstimate({ ...ibitFlow, rows: ibitFlow.rows.filter((row) => row.date >= range.from && row.date <= range.to) }, { width, allEtfDaily: ids });
  }
});
