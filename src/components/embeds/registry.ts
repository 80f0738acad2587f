// Every chart a commentary note can draw by name, keyed as in src/lib/chartNames.ts.
import type { EmbeddableChartName } from "../../lib/chartNames.js";
import { factCheckTableEmbed, sourceAgreementEmbed } from "./checks.js";
import { basisVsNeutralEmbed, linkedPanelsEmbed, longShortRatiosEmbed, putStrikesVsPriceEmbed, skewReadingsEmbed } from "./derivatives.js";
import { clusterVsPriceEmbed, etfFlowsEmbed, exchangeFlowsEmbed, ibitFlowEstimateEmbed, realizedLossEmbed, realizedPriceEmbed } from "./flows.js";
import { liquidationsBySideEmbed, liquidationTotalsEmbed, openInterestScopesEmbed, openInterestUsdVsBtcEmbed } from "./liquidations.js";
import { crossAssetHeatmapEmbed, crossAssetMovesEmbed, dailyRangesEmbed, fearGreedEmbed, normalisedPricesEmbed, reportedVsComputedEmbed } from "./macro.js";
import { difficultyAdjustmentEmbed, hashpriceReadingEmbed } from "./miners.js";
import { episodePathsEmbed, episodeTableEmbed, pricePathEmbed, priceWaypointsEmbed, signalTurnsEmbed } from "./overview.js";
import { ChartEmbedError } from "./options.js";
import type { ChartEmbedSpec } from "./spec.js";

export const CHART_EMBEDS: Record<EmbeddableChartName, ChartEmbedSpec> = {
  pricePath: pricePathEmbed,
  episodePaths: episodePathsEmbed,
  episodeTable: episodeTableEmbed,
  signalTurns: signalTurnsEmbed,
  dailyRanges: dailyRangesEmbed,
  normalisedPrices: normalisedPricesEmbed,
  crossAssetMoves: crossAssetMovesEmbed,
  reportedVsComputed: reportedVsComputedEmbed,
  crossAssetHeatmap: crossAssetHeatmapEmbed,
  fearGreed: fearGreedEmbed,
  liquidationTotals: liquidationTotalsEmbed,
  liquidationsBySide: liquidationsBySideEmbed,
  openInterestUsdVsBtc: openInterestUsdVsBtcEmbed,
  openInterestScopes: openInterestScopesEmbed,
  etfFlows: etfFlowsEmbed,
  ibitFlowEstimate: ibitFlowEstimateEmbed,
  realizedLoss: realizedLossEmbed,
  clusterVsPrice: clusterVsPriceEmbed,
  realizedPrice: realizedPriceEmbed,
  exchangeFlows: exchangeFlowsEmbed,
  hashpriceReading: hashpriceReadingEmbed,
  difficultyAdjustment: difficultyAdjustmentEmbed,
  linkedPanels: linkedPanelsEmbed,
  longShortRatios: longShortRatiosEmbed,
  skewReadings: skewReadingsEmbed,
  putStrikesVsPrice: putStrikesVsPriceEmbed,
  basisVsNeutral: basisVsNeutralEmbed,
  factCheckTable: factCheckTableEmbed,
  sourceAgreement: sourceAgreementEmbed,
  priceWaypoints: priceWaypointsEmbed
};

/** The chart with this name; an unknown name throws with every name a note can use. */
export function chartEmbedSpec(chart: string): ChartEmbedSpec {
  const spec = (CHART_EMBEDS as Record<string, ChartEmbedSpec | undefined>)[chart];
  if (!spec) throw new ChartEmbedError(`chartEmbed: no chart named ${JSON.stringify(chart)}; use one of ${Object.keys(CHART_EMBEDS).join(", ")}`);
  return spec;
}
