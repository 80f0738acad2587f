import type { EmbeddableChartName } from "../lib/chartNames.js";
import { claimById, claimSummary, formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
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
  priceWaypoints: "Reported BTC price waypoints",
  openInterestUsdVsBtc: "BTC futures open interest: dollars against coins",
  openInterestScopes: "BTC futures open interest as each source measured it",
  skewReadings: "BTC options skew readings",
  basisVsNeutral: "BTC futures basis against its neutral range",
  longShortRatios: "BTC long/short ratios",
  liquidationTotals: "BTC liquidations, one bar per reported window",
  liquidationsBySide: "Liquidations by asset and side",
  whalePositions: "Whale positions",
  etfFlows: "US spot Bitcoin ETF net flows",
  followUpReadings: "Readings from the follow-up reports"
};

/**
 * Under a note: its tags, the ledger figures it discusses (each as the ledger states it, linked
 * to its entry on the sources page, then who reported it, when, and the quote) and the charts
 * it discusses, in words. Commentary pages sit one folder down, hence "../sources".
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
      link.href = `../sources#claim-${id}`;
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
