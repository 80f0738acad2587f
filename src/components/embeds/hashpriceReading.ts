import { hashpriceReading } from "../hashpriceReading.js";
import { difficultyAdjustments, firstAdjustmentFrom, type MiningDataset } from "../miningSeries.js";
import { miningDays, miningWithin, SELL_OFF_DAY } from "./miners.js";
import { claimId, day, dayRange, type EmbedOption, OptionProblem } from "./options.js";
import { defineChart } from "./spec.js";

const adjustmentDay = day('`"YYYY-MM-DD"`: mark the first difficulty adjustment on or after this day, or `null` for none; default `"2026-02-05"`, as on Miners, where a series with no adjustment from then marks none.', miningDays, SELL_OFF_DAY, true);

/** The day to mark the adjustment from, and whether the note asked for it (then finding none is an error). */
const adjustmentFromOption: EmbedOption<{ mining: MiningDataset }, { from: string | null; asked: boolean }> = {
  doc: adjustmentDay.doc,
  read: (value, data) => ({ from: adjustmentDay.read(value, data), asked: value !== undefined })
};

export const hashpriceReadingEmbed = defineChart(["claims", "mining"])({
  about: "Hashprice computed day by day from network data, beside the ceiling a report expected it to fall below, with a difficulty adjustment marked.",
  pages: ["miners"],
  options: {
    bound: claimId("the ledger id of the reported upper bound; default TheMinerMag's expected hashprice.", {
      what: "a reported hashprice given as an upper bound",
      accepts: (claim) => claim.metric === "hashprice" && claim.high !== null && claim.value === null && claim.low === null,
      fallback: () => "btc-hashprice-2026-02-05"
    }),
    range: dayRange('`["YYYY-MM-DD", "YYYY-MM-DD"]`, the first and last UTC day drawn; default every day of the series.', miningDays, "all"),
    adjustmentFrom: adjustmentFromOption
  },
  example: { range: ["2026-01-15", "2026-02-20"], adjustmentFrom: "2026-02-05" },
  draw({ mining }, { bound, range, adjustmentFrom }, width) {
    const within = miningWithin(mining, range);
    const adjustments = difficultyAdjustments(within);
    const { from, asked } = adjustmentFrom;
    const adjustment = from === null ? undefined : firstAdjustmentFrom(adjustments, from);
    if (from !== null && !adjustment && asked) {
      const days = adjustments.map((a) => a.time.toISOString().slice(0, 10));
      throw new OptionProblem(`finds no difficulty adjustment from ${from} to the end of the range`, days.length > 0 ? `use a day up to ${days.at(-1)} (adjustments in the range: ${days.join(", ")}), or null` : "use null: the range holds no adjustment", "adjustmentFrom");
    }
    return hashpriceReading(bound, within, { width, ...(adjustment ? { adjustment } : {}) });
  }
});
