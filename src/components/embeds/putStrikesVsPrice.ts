import { putStrikesVsPrice, strikeMarks } from "../putStrikesVsPrice.js";
import { hourlyDays } from "./derivatives.js";
import { claimIds, day, dayRange } from "./options.js";
import { defineChart } from "./spec.js";

export const putStrikesVsPriceEmbed = defineChart(["volatility", "claims"])({
  about: "Where reported put open interest sat against the price: the strike band and the largest strike up to their expiry, over the hourly close, with the lowest close marked.",
  pages: ["derivatives"],
  options: {
    range: dayRange('`["YYYY-MM-DD", "YYYY-MM-DD"]`, the first and last UTC day drawn; default Jan 25 to Feb 28, 2026, as on Derivatives.', hourlyDays, { from: "2026-01-25", to: "2026-02-28" }),
    ids: claimIds("ledger ids of put strikes with an expiry; default Derive's band and largest strike for Feb 27.", {
      what: "a reported option strike or strike band with an expiry",
      accepts: (claim) => claim.unit === "usd" && strikeMarks([claim]).length === 1,
      fallback: () => ["btc-put-open-interest-strikes-2026-02-27", "btc-put-open-interest-peak-strike-2026-02-27"]
    }),
    lowestFrom: day('`"YYYY-MM-DD"`: the lowest hourly close is marked from this day to the expiry; default `"2026-02-07"`, the day after the analysis.', hourlyDays, "2026-02-07")
  },
  example: { range: ["2026-02-01", "2026-02-28"], lowestFrom: "2026-02-10" },
  draw: ({ volatility }, { range, ids, lowestFrom }, width) => putStrikesVsPrice(volatility, ids, { width, ...range, lowestFrom })
});
