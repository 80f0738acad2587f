import type { EmbeddableChartName } from "../lib/chartNames.js";
import { claimById, claimSummary, formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { claimHref } from "./chartFigure.js";
import { element } from "./element.js";

/** What a note's front matter lists beside its text (see src/lib/commentary.ts). */
export interface DiscussedItems {
  tags: readonly string[];
  /** Ledger claim ids. */
  figures: readonly string[];
  charts: readonly EmbeddableChartName[];
}

/** How a chart is named under a note that discusses it. */
export const CHART_WORDS: Record<EmbeddableChartName, string> = {
  pricePath: "Bitcoin's hourly price path",
  episodePaths: "The three sell-offs around their lows",
  episodeTable: "The three sell-offs measured",
  signalTurns: "Which signals turned after the crash",
  dailyRanges: "Silver futures, day by day",
  normalisedPrices: "Bitcoin, stocks and metals indexed to one day",
  crossAssetMoves: "Reported one-day moves beside computed ones",
  reportedVsComputed: "Reported and computed one-day moves, as a table",
  crossAssetHeatmap: "Day-by-day moves across markets",
  fearGreed: "The Crypto Fear & Greed Index",
  liquidationTotals: "BTC liquidations, one bar per reported window",
  liquidationsBySide: "Liquidations by asset and side",
  openInterestUsdVsBtc: "BTC futures open interest: dollars against coins",
  openInterestScopes: "BTC futures open interest as each source measured it",
  etfFlows: "US spot Bitcoin ETF net flows",
  ibitFlowEstimate: "IBIT's estimated daily net flow",
  realizedLoss: "Realized losses per day as reported",
  clusterVsPrice: "The absorption cluster against the price",
  realizedPrice: "Bitcoin's price, realized price and MVRV",
  exchangeFlows: "Bitcoin's net flow onto exchanges",
  hashpriceReading: "Hashprice against the expected floor",
  difficultyAdjustment: "Difficulty adjustments against the expected cut",
  linkedPanels: "Price, volatility and funding on one time axis",
  longShortRatios: "BTC long/short ratios",
  skewReadings: "BTC options skew readings",
  putStrikesVsPrice: "Put open interest strikes against the price",
  basisVsNeutral: "BTC futures basis against its neutral range",
  factCheckTable: "Reported figures checked against market data",
  sourceAgreement: "How far independent sources of one close disagree",
  priceWaypoints: "Reported BTC price waypoints"
};

/**
 * Under a note: its tags, the ledger figures it discusses (each as the ledger states it, linked
 * to its entry on the sources page, then who reported it, when, and the quote) and the charts
 * it discusses, in words.
 */
export function commentaryDiscussed(claims: readonly CitedClaim[], { tags, figures, charts }: DiscussedItems): HTMLElement {
  const aside = element("aside", "commentary-discussed");
  if (tags.length > 0) {
    aside.append(element("p", "commentary-tags", "Tags: ", ...tags.map((tag) => element("span", "commentary-tag", tag))));
  }
  if (figures.length > 0) {
    const items = figures.map((id) => {
      const claim = claimById(claims, id);
      const link = element("a", "cited-figure", formatClaimValue(claim));
      link.href = claimHref(id);
      return element("li", "", link, `: ${claimSummary(claim)}`);
    });
    aside.append(element("p", "commentary-discussed-label", "Figures this note discusses"), element("ul", "commentary-figures", ...items));
  }
  if (charts.length > 0) {
    const items = charts.map((name) => element("li", "", CHART_WORDS[name]));
    aside.append(element("p", "commentary-discussed-label", "Charts this note discusses"), element("ul", "commentary-charts", ...items));
  }
  return aside;
}
