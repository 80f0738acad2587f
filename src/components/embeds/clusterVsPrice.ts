import { clusterVsPrice } from "../clusterVsPrice.js";
import { isBand, isDatedPrice } from "./figures.js";
import { claimId, claimIds, flag } from "./options.js";
import { defineChart } from "./spec.js";

export const clusterVsPriceEmbed = defineChart(["claims", "price", "volumeProfile"])({
  about: "Glassnode's absorption band against the reported BTC prices of each day and the hourly price, with the highest-volume price band as a proxy.",
  pages: ["flows"],
  options: {
    cluster: claimId("the ledger id of the price band; default Glassnode's absorption cluster.", {
      what: "a BTC price band with a low and a high",
      accepts: isBand,
      fallback: () => "btc-absorption-cluster-glassnode"
    }),
    readings: claimIds("ledger ids of reported BTC prices set against the band, each on its UTC day; default the open and close of Feb 5, the low and high of Feb 6 and Stocktwits' price of Feb 7, as on Flows.", {
      what: "a reported BTC price dated to a day or an hour",
      accepts: isDatedPrice,
      fallback: () => ["btc-open-2026-02-05", "btc-close-2026-02-05", "btc-low-2026-02-06-rally-71k", "btc-high-2026-02-06", "btc-price-stocktwits"]
    }),
    volumeProfile: flag("`false` leaves out the highest-volume price band; default `true`.", true)
  },
  example: { readings: ["btc-open-2026-02-05", "btc-close-2026-02-05", "btc-low-2026-02-06"], volumeProfile: false },
  draw: ({ price, volumeProfile }, { cluster, readings, volumeProfile: withProfile }, width) =>
    clusterVsPrice(cluster, { width, readings, price, ...(withProfile ? { volumeProfile } : {}) })
});
