import { realizedLoss } from "../realizedLoss.js";
import { checkLabels, claimIds, labels } from "./options.js";
import { defineChart } from "./spec.js";
import { figureLabel } from "./text.js";

/** The Flows page's words for its three readings: whose, when, and what each counts. */
const REALIZED_LOSS_LABELS: Record<string, string> = {
  "btc-realized-loss-7d-sma-glassnode": "Glassnode, week 5\n(late Jan to Feb 1)\n7-day average",
  "btc-followup-realized-loss": "After the rebound\n(date not printed)\nall holders",
  "btc-followup-realized-loss-lth": "After the rebound\n(date not printed)\nof which long-term holders"
};

export const realizedLossEmbed = defineChart(["claims"])({
  about: "Realized losses per day as reported, one bar per reading, each a level taken at a different moment.",
  pages: ["flows"],
  options: {
    ids: claimIds("ledger ids of reported realized losses; default Glassnode's week-5 average and the later summary's two readings.", {
      what: "a reported realized loss in USD",
      accepts: (claim) => claim.metric.startsWith("realized_loss") && (claim.unit === "usd_bn" || claim.unit === "usd_mn") && (claim.value ?? claim.low ?? claim.high) !== null,
      fallback: () => ["btc-realized-loss-7d-sma-glassnode", "btc-followup-realized-loss", "btc-followup-realized-loss-lth"]
    }),
    labels: labels('`{ "<id>": "words" }`, each bar\'s label; default the words on Flows for its three readings, for any other who reported it, when and over what span.')
  },
  example: { ids: ["btc-realized-loss-7d-sma-glassnode", "btc-followup-realized-loss"], labels: { "btc-followup-realized-loss": "After the rebound\n(date not printed)" } },
  draw(_data, { ids, labels: words }, width) {
    checkLabels(words, ids);
    return realizedLoss(ids.map((claim) => ({ claim, label: figureLabel(claim, { ...REALIZED_LOSS_LABELS, ...words }) })), { width });
  }
});
