import { claimsById } from "../lib/claims.js";
import type { EmbeddableChartName } from "../lib/chartNames.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { basisVsNeutral } from "./basisVsNeutral.js";
import type { MarketDataset } from "./chartFigure.js";
import { etfFlows } from "./etfFlows.js";
import { followUpReadings } from "./followUpReadings.js";
import { liquidationsBySide } from "./liquidationsBySide.js";
import { liquidationTotals } from "./liquidationTotals.js";
import { longShortRatios } from "./longShortRatios.js";
import { openInterestScopes } from "./openInterestScopes.js";
import { openInterestUsdVsBtc } from "./openInterestUsdVsBtc.js";
import { priceWaypoints } from "./priceWaypoints.js";
import { skewReadings } from "./skewReadings.js";
import { whalePositions } from "./whalePositions.js";

export interface ChartEmbedOptions {
  width: number;
  /** Captured market series for charts that overlay one (skew, basis). */
  market?: MarketDataset<never>;
}

type EmbeddableChart = (claims: readonly CitedClaim[], options: ChartEmbedOptions) => HTMLElement;

/**
 * Report charts a commentary page can draw by name. Each takes the claims it is given and
 * draws those it knows how to show; a chart built around fixed figures (open interest in USD
 * against BTC, for one) needs its figures among the ids.
 */
export const EMBEDDABLE_CHARTS: Record<EmbeddableChartName, EmbeddableChart> = {
  priceWaypoints: (claims, { width }) => priceWaypoints(claims, { width }),
  openInterestUsdVsBtc: (claims, { width }) => openInterestUsdVsBtc(claims, { width }),
  openInterestScopes: (claims, { width }) => openInterestScopes(claims, { width }),
  skewReadings: (claims, { width, market }) => skewReadings(claims, { width, market }),
  basisVsNeutral: (claims, { width, market }) => basisVsNeutral(claims, { width, market }),
  // An embed has no page to name what each ratio counts, so each is labelled with its quote.
  longShortRatios: (claims, { width }) => longShortRatios(claims.map((claim) => ({ label: `“${claim.quote}”`, claim })), { width }),
  liquidationTotals: (claims, { width }) => liquidationTotals(claims, { width }),
  liquidationsBySide: (claims, { width }) => liquidationsBySide(claims, { width }),
  whalePositions: (claims, { width }) => whalePositions(claims, { width }),
  etfFlows: (claims, { width }) => etfFlows(claims, { width }),
  followUpReadings: (claims, { width }) => followUpReadings(claims, { width })
};

/**
 * Draws a report chart, by name, from only the ledger claims a commentary discusses:
 * `display(resize((width) => chartEmbed("priceWaypoints", claims, ["btc-low-2026-02-06"], { width })))`.
 * An unknown chart or claim id throws with the names to use instead.
 */
export function chartEmbed(chart: string, claims: readonly CitedClaim[], ids: readonly string[], options: ChartEmbedOptions): HTMLElement {
  const draw = (EMBEDDABLE_CHARTS as Record<string, EmbeddableChart | undefined>)[chart];
  if (!draw) throw new Error(`chartEmbed: no chart named "${chart}"; use one of ${Object.keys(EMBEDDABLE_CHARTS).join(", ")}`);
  if (ids.length === 0) throw new Error(`chartEmbed("${chart}"): list the claim ids the chart should draw`);
  const selected = claimsById(claims, ids);
  try {
    return draw(selected, options);
  } catch (error) {
    throw new Error(`chartEmbed("${chart}") could not draw claims ${ids.join(", ")}: ${(error as Error).message}`);
  }
}
