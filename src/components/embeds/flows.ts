// Charts of the Flows and on-chain page: ETF flows, realized losses, the absorption cluster, the chain.
import type { CitedClaim } from "../../lib/ledger/types.js";
import type { OnchainDataset } from "../../lib/public/onchain.js";
import { clusterVsPrice } from "../clusterVsPrice.js";
import { etfFlowClaims, etfFlows } from "../etfFlows.js";
import { exchangeFlows } from "../exchangeFlows.js";
import { ibitFlowEstimate } from "../ibitFlowEstimate.js";
import { realizedLoss } from "../realizedLoss.js";
import { realizedPrice } from "../realizedPrice.js";
import { isBand, isDatedPrice } from "./figures.js";
import { checkLabels, claimId, claimIds, dayRange, daysOf, flag, labels, OptionProblem } from "./options.js";
import { defineChart } from "./spec.js";
import { figureLabel } from "./text.js";

/** Farside's two daily figures and the month-to-date total, as on Flows. */
const ETF_FLOWS = ["btc-etf-flow-2026-02-04", "btc-etf-flow-2026-02-05", "btc-etf-flow-month-to-date-2026-02-05"];
const isEtfFlow = (claim: CitedClaim) => etfFlowClaims([claim]).daily.length + etfFlowClaims([claim]).monthToDate.length === 1;
const isEtfDailyFlow = (claim: CitedClaim) => etfFlowClaims([claim]).daily.length === 1;

export const etfFlowsEmbed = defineChart(["claims"])({
  about: "US spot Bitcoin ETF net flows as the month's arithmetic: the days before, each reported day, and the reported month-to-date total.",
  pages: ["flows"],
  claimsForm: true,
  options: {
    ids: claimIds("ledger ids of daily or month-to-date ETF net flows; default Farside's Feb 4 and Feb 5 and the month to Feb 5.", {
      what: "a reported BTC ETF net flow over one day or month to date",
      accepts: isEtfFlow,
      fallback: () => ETF_FLOWS
    })
  },
  example: { ids: ["btc-etf-flow-2026-02-04", "btc-etf-flow-2026-02-05"] },
  draw: (_data, { ids }, width) => etfFlows(ids, { width })
});

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

const onchainRange = (doc: string) => dayRange(doc, (data: { onchain: OnchainDataset }) => daysOf(data.onchain.rows), "all");
const onchainRows = (onchain: OnchainDataset, { from, to }: { from: string; to: string }) => ({ ...onchain, rows: onchain.rows.filter((row) => row.date >= from && row.date <= to) });

export const realizedPriceEmbed = defineChart(["onchain"])({
  about: "Bitcoin's price and realized price (the average cost of all coins) per UTC day, with MVRV beneath on a log scale.",
  pages: ["flows"],
  options: { range: onchainRange('`["YYYY-MM-DD", "YYYY-MM-DD"]`, the first and last UTC day drawn; default every day of the extract.') },
  example: { range: ["2026-01-01", "2026-02-15"] },
  draw: ({ onchain }, { range }, width) => realizedPrice(onchainRows(onchain, range), { width })
});

export const exchangeFlowsEmbed = defineChart(["onchain"])({
  about: "Bitcoin's net flow onto exchanges per UTC day as bars (deposits up, withdrawals down), with the coins held on exchanges beneath.",
  pages: ["flows", "/"],
  options: { range: onchainRange('`["YYYY-MM-DD", "YYYY-MM-DD"]`, the first and last UTC day drawn; default every day of the extract, as on Flows.') },
  example: { range: ["2026-01-01", "2026-02-15"] },
  draw: ({ onchain }, { range }, width) => exchangeFlows(onchainRows(onchain, range), { width })
});
