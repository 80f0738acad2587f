// Every chart a page or a note can draw by name, keyed as in src/lib/chartNames.ts. Each chart
// has a module of its own, loaded when a page first draws that chart: a page loads the code of
// its own charts only, and none of it before its text and its charts drawn at build time show.
import { EMBEDDABLE_CHART_NAMES, type EmbeddableChartName } from "../../lib/chartNames.js";
import { ChartEmbedError } from "./options.js";
import type { ChartEmbedSpec } from "./spec.js";

// Literal paths, so that Framework finds and builds each module.
const MODULES: Record<EmbeddableChartName, () => Promise<object>> = {
  pricePath: () => import("./pricePath.js"),
  episodePaths: () => import("./episodePaths.js"),
  episodeTable: () => import("./episodeTable.js"),
  signalTurns: () => import("./signalTurns.js"),
  dailyRanges: () => import("./dailyRanges.js"),
  normalisedPrices: () => import("./normalisedPrices.js"),
  crossAssetMoves: () => import("./crossAssetMoves.js"),
  reportedVsComputed: () => import("./reportedVsComputed.js"),
  crossAssetHeatmap: () => import("./crossAssetHeatmap.js"),
  fearGreed: () => import("./fearGreed.js"),
  liquidationTotals: () => import("./liquidationTotals.js"),
  liquidationsBySide: () => import("./liquidationsBySide.js"),
  openInterestUsdVsBtc: () => import("./openInterestUsdVsBtc.js"),
  openInterestScopes: () => import("./openInterestScopes.js"),
  etfFlows: () => import("./etfFlows.js"),
  ibitFlowEstimate: () => import("./ibitFlowEstimate.js"),
  realizedLoss: () => import("./realizedLoss.js"),
  clusterVsPrice: () => import("./clusterVsPrice.js"),
  realizedPrice: () => import("./realizedPrice.js"),
  exchangeFlows: () => import("./exchangeFlows.js"),
  hashpriceReading: () => import("./hashpriceReading.js"),
  difficultyAdjustment: () => import("./difficultyAdjustment.js"),
  linkedPanels: () => import("./linkedPanels.js"),
  longShortRatios: () => import("./longShortRatios.js"),
  skewReadings: () => import("./skewReadings.js"),
  putStrikesVsPrice: () => import("./putStrikesVsPrice.js"),
  basisVsNeutral: () => import("./basisVsNeutral.js"),
  factCheckTable: () => import("./factCheckTable.js"),
  sourceAgreement: () => import("./sourceAgreement.js"),
  priceWaypoints: () => import("./priceWaypoints.js")
};

/** The chart with this name; an unknown name is refused with every name a note can use. */
export async function chartEmbedSpec(chart: string): Promise<ChartEmbedSpec> {
  if (!Object.hasOwn(MODULES, chart)) throw new ChartEmbedError(`chartEmbed: no chart named ${JSON.stringify(chart)}; use one of ${EMBEDDABLE_CHART_NAMES.join(", ")}`);
  const spec = ((await MODULES[chart as EmbeddableChartName]()) as Record<string, ChartEmbedSpec | undefined>)[`${chart}Embed`];
  if (!spec) throw new Error(`src/components/embeds/${chart}.ts exports no ${chart}Embed`);
  return spec;
}

/** Every chart, for Node: the build's drawing, the docs and the tests. */
export async function everyChartEmbed(): Promise<Record<EmbeddableChartName, ChartEmbedSpec>> {
  return Object.fromEntries(await Promise.all(EMBEDDABLE_CHART_NAMES.map(async (chart) => [chart, await chartEmbedSpec(chart)]))) as Record<EmbeddableChartName, ChartEmbedSpec>;
}
