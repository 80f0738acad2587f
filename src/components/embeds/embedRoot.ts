// The element an embedded chart is drawn in, the same in the browser (chartEmbed.ts) and when
// the build draws it (src/lib/prerender/), so that the one replaces the other at the same size.
import type { MarketDataset } from "../chartFigure.js";
import { marketStatus } from "../marketStatus.js";
import { DATA_FILES, type ChartEmbedSpec, type EmbedData } from "./spec.js";

/** The width a table or list (a chart with fixedWidth) is drawn at, in the browser and at build time. */
export const TABLE_WIDTH = 640;

/**
 * As on a page, a note says which market series come from an API capture and which are missing
 * from the build; series read from the public extracts are named in each chart's source line.
 * A report page says so once, above its charts, so its embeds add nothing.
 */
function marketNote(spec: ChartEmbedSpec, data: Partial<EmbedData>): HTMLElement[] {
  const markets = spec.needs.filter((key) => DATA_FILES[key].startsWith("market-")).map((key) => data[key] as MarketDataset<object>);
  return markets.some((market) => market.rows.length === 0 || market.mode !== "public") ? [marketStatus(markets)] : [];
}

/** The chart's body (a table, or the chart in its resizing container), in a note under its market note, marked with its name. */
export function embedRoot(chart: string, spec: ChartEmbedSpec, data: Partial<EmbedData>, body: HTMLElement, inNote: boolean): HTMLElement {
  const root = document.createElement("div");
  root.dataset.chartEmbed = chart;
  root.append(...(inNote ? marketNote(spec, data) : []), body);
  return root;
}
