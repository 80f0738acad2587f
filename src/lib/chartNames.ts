// The names a commentary page can pass to chartEmbed("<name>", ...). Kept apart from the chart
// code (which needs a DOM) so the build can check a note's embeds in Node before Framework runs.
export const EMBEDDABLE_CHART_NAMES = [
  "priceWaypoints",
  "openInterestUsdVsBtc",
  "openInterestScopes",
  "skewReadings",
  "basisVsNeutral",
  "longShortRatios",
  "liquidationTotals",
  "liquidationsBySide",
  "whalePositions",
  "etfFlows",
  "followUpReadings"
] as const;

export type EmbeddableChartName = (typeof EMBEDDABLE_CHART_NAMES)[number];
