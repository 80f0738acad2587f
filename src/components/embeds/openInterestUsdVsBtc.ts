import { openInterestUsdVsBtc } from "../openInterestUsdVsBtc.js";
import { OPEN_INTEREST_IN_COINS } from "./liquidations.js";
import { claimIds } from "./options.js";
import { defineChart } from "./spec.js";

export const openInterestUsdVsBtcEmbed = defineChart(["claims"])({
  about: "One report's futures open interest in dollars a week apart beside its count in coins, and the price per coin they imply.",
  pages: ["liquidations"],
  claimsForm: true,
  options: {
    ids: claimIds("the report's three figures: the dollar value a week earlier, the dollar value, and the coin count; default the story carried by AltcoinStory.", {
      what: "a reported BTC open interest in USD billions or in BTC",
      accepts: (claim) => claim.metric === "open_interest" && (claim.unit === "usd_bn" || claim.unit === "btc") && claim.value !== null,
      fallback: () => OPEN_INTEREST_IN_COINS
    })
  },
  example: { ids: OPEN_INTEREST_IN_COINS },
  draw: (_data, { ids }, width) => openInterestUsdVsBtc(ids, { width })
});
