import { difficultyAdjustment } from "../difficultyAdjustment.js";
import { miningDays, miningWithin } from "./miners.js";
import { claimId, dayRange } from "./options.js";
import { defineChart } from "./spec.js";

export const difficultyAdjustmentEmbed = defineChart(["claims", "mining"])({
  about: "Each difficulty adjustment's change computed from the daily series, beside the cut a report expected at the next one.",
  pages: ["miners"],
  options: {
    expected: claimId("the ledger id of the expected change; default TheMinerMag's expected cut.", {
      what: "a reported expected difficulty change",
      accepts: (claim) => claim.metric === "difficulty_change_expected" && claim.value !== null,
      fallback: () => "btc-difficulty-change-expected-2026-02-05"
    }),
    range: dayRange('`["YYYY-MM-DD", "YYYY-MM-DD"]`, the first and last UTC day whose adjustments are drawn; default every day of the series.', miningDays, "all")
  },
  example: { range: ["2026-01-01", "2026-02-20"] },
  draw: ({ mining }, { expected, range }, width) => difficultyAdjustment(expected, miningWithin(mining, range), { width })
});
