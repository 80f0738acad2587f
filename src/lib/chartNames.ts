// The names a commentary page can pass to chartEmbed("<name>", ...), in the order of the site's
// pages. Kept apart from the chart code (which needs a DOM) so the build can check a note's embeds
// in Node before Framework runs; src/components/embeds/<name>.ts draws each (registry.ts loads it).
export const EMBEDDABLE_CHART_NAMES = [
  // Overview
  "pricePath",
  "episodePaths",
  "episodeTable",
  "signalTurns",
  // Macro
  "dailyRanges",
  "normalisedPrices",
  "crossAssetMoves",
  "reportedVsComputed",
  "crossAssetHeatmap",
  "fearGreed",
  // Liquidations
  "liquidationTotals",
  "liquidationsBySide",
  "openInterestUsdVsBtc",
  "openInterestScopes",
  // Flows and on-chain
  "etfFlows",
  "ibitFlowEstimate",
  "realizedLoss",
  "clusterVsPrice",
  "realizedPrice",
  "exchangeFlows",
  // Miners
  "hashpriceReading",
  "difficultyAdjustment",
  // Derivatives
  "linkedPanels",
  "longShortRatios",
  "skewReadings",
  "putStrikesVsPrice",
  "basisVsNeutral",
  // Fact check, Methodology
  "factCheckTable",
  "sourceAgreement",
  // Drawn only in notes
  "priceWaypoints"
] as const;

export type EmbeddableChartName = (typeof EMBEDDABLE_CHART_NAMES)[number];
