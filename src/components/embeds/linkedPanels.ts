import { claimsById } from "../../lib/claims.js";
import { addUtcDays } from "../../lib/metrics/time.js";
import { linkedPanels } from "../linkedPanels.js";
import { hourlyDays } from "./derivatives.js";
import { checkInRange, isDatedPrice } from "./figures.js";
import { claimIdsOrNull, dayRange, type DayRange } from "./options.js";
import { defineChart } from "./spec.js";
import { spanWords } from "./text.js";

const monthWords = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

/** "Oct 2025 to Feb 2026" for a range of whole months, as Derivatives titles its five; else the days. */
function rangeWords(range: DayRange): string {
  const wholeMonths = range.from.endsWith("-01") && addUtcDays(range.to, 1).endsWith("-01");
  return wholeMonths ? `${monthWords(range.from)} to ${monthWords(range.to)}` : spanWords(range);
}

export const linkedPanelsEmbed = defineChart(["volatility", "claims"])({
  about: "Bitcoin's hourly price, implied (DVOL) against realized volatility, and funding on one time axis, read together under the pointer.",
  pages: ["/", "derivatives"],
  options: {
    range: dayRange('`["YYYY-MM-DD", "YYYY-MM-DD"]`, the first and last UTC day drawn; default Jan 25 to Feb 15, 2026, as on the Overview (Derivatives draws Oct 1, 2025 to Feb 28, 2026).', hourlyDays, { from: "2026-01-25", to: "2026-02-15" }),
    prices: claimIdsOrNull("ledger ids of reported BTC prices marked on the price panel; default the open of Feb 5 and the low of Feb 6 where the range takes them in.", {
      what: "a reported BTC price dated to a day or an hour",
      accepts: isDatedPrice,
      nonEmpty: false
    })
  },
  example: { range: ["2026-01-20", "2026-02-15"], prices: ["btc-low-2026-02-06"] },
  draw({ volatility, claims }, { range, prices }, width) {
    if (prices) checkInRange("prices", prices, range);
    return linkedPanels(volatility, claims, {
      width,
      ...range,
      title: `Bitcoin, ${rangeWords(range)}: price, implied against realized volatility, funding`,
      filename: `btc-volatility-funding-${range.from}-to-${range.to}`,
      prices: prices ?? claimsById(claims, ["btc-open-2026-02-05", "btc-low-2026-02-06"])
    });
  }
});
