import { longShortRatios } from "../longShortRatios.js";
import { checkLabels, claimIds, labels } from "./options.js";
import { defineChart } from "./spec.js";

/** What each of AMBCrypto's ratios counts, as its article says. */
const RATIO_WORDS: Record<string, string> = {
  "btc-long-short-ratio-all-ambcrypto": "All exchanges",
  "btc-long-short-ratio-binance-okx-ambcrypto": "Binance and OKX accounts, average"
};

export const longShortRatiosEmbed = defineChart(["claims"])({
  about: "Reported long/short ratios on a log scale, where two longs per short sits as far from even as two shorts per long.",
  pages: ["derivatives"],
  claimsForm: true,
  options: {
    ids: claimIds("ledger ids of reported BTC long/short ratios; default AMBCrypto's two.", {
      what: "a reported BTC long/short ratio",
      accepts: (claim) => claim.metric === "long_short_ratio" && claim.unit === "ratio" && claim.value !== null,
      fallback: () => Object.keys(RATIO_WORDS)
    }),
    labels: labels('`{ "<id>": "words" }`, what each ratio counts; default the words Derivatives gives AMBCrypto\'s two, and for any other the quote it comes from.')
  },
  example: { ids: ["btc-long-short-ratio-all-ambcrypto"], labels: { "btc-long-short-ratio-all-ambcrypto": "Across all exchanges" } },
  draw(_data, { ids, labels: words }, width) {
    checkLabels(words, ids);
    return longShortRatios(ids.map((claim) => ({ label: words[claim.id] ?? RATIO_WORDS[claim.id] ?? `“${claim.quote}”`, claim })), { width });
  }
});
