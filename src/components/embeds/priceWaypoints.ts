import { priceWaypoints } from "../priceWaypoints.js";
import { isDatedPrice } from "./figures.js";
import { claimIds } from "./options.js";
import { defineChart } from "./spec.js";

export const priceWaypointsEmbed = defineChart(["claims"])({
  about: "Reported BTC prices as labelled points, in the order given, with no time axis (drawn only in notes; the pages use the price path).",
  pages: [],
  claimsForm: true,
  options: {
    ids: claimIds("ledger ids of reported BTC prices dated to a day; default the open and close of Feb 5 and the low and high of Feb 6.", {
      what: "a reported BTC price dated to a day or an hour",
      accepts: isDatedPrice,
      fallback: () => ["btc-open-2026-02-05", "btc-close-2026-02-05", "btc-low-2026-02-06", "btc-high-2026-02-06"]
    })
  },
  example: { ids: ["btc-open-2026-02-05", "btc-low-2026-02-06"] },
  draw: (_data, { ids }, width) => priceWaypoints(ids, { width })
});
