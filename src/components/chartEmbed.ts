// Draws any chart of the report, by name, in a commentary note: the same component, caption and
// credits as on its page, from only the files that chart needs. The names are listed in
// src/lib/chartNames.ts, the options of each in src/components/embeds/ and docs/authoring.md.
import { FileAttachment } from "observablehq:stdlib";
import type { CitedClaim } from "../lib/ledger/types.js";
import type { MarketDataset } from "./chartFigure.js";
import { ChartEmbedError } from "./embeds/options.js";
import { chartEmbedSpec } from "./embeds/registry.js";
import { embedRoot, TABLE_WIDTH } from "./embeds/embedRoot.js";
import type { ChartEmbedSpec, DataKey, EmbedData } from "./embeds/spec.js";

// FileAttachment takes only literal paths, so each file a chart can draw from is named here.
// Nothing is fetched until a chart that needs it is embedded, and each file once per page.
const FILES: { [Key in DataKey]: () => Promise<EmbedData[Key]> } = {
  claims: () => FileAttachment("../data/claims.json").json(),
  conflicts: () => FileAttachment("../data/conflicts.json").json(),
  price: () => FileAttachment("../data/market-price.json").json(),
  volumeProfile: () => FileAttachment("../data/market-volume-profile.json").json(),
  optionsSkew: () => FileAttachment("../data/market-options-skew.json").json(),
  basis: () => FileAttachment("../data/market-basis.json").json(),
  mining: () => FileAttachment("../data/market-mining.json").json(),
  factCheck: () => FileAttachment("../data/market-fact-check.json").json(),
  crossAsset: () => FileAttachment("../data/public-cross-asset.json").json(),
  silver: () => FileAttachment("../data/public-silver.json").json(),
  fearGreed: () => FileAttachment("../data/public-fear-greed.json").json(),
  onchain: () => FileAttachment("../data/public-btc-onchain.json").json(),
  volatility: () => FileAttachment("../data/public-volatility.json").json(),
  ibitFlow: () => FileAttachment("../data/public-ibit-flow.json").json(),
  episodes: () => FileAttachment("../data/public-episodes.json").json(),
  signalTurns: () => FileAttachment("../data/signal-turns.json").json(),
  agreement: () => FileAttachment("../data/public-agreement.json").json()
};

const fetched = new Map<DataKey, Promise<unknown>>();

/**
 * A file the charts draw from, fetched once per page. A page reads its own copy of such a file
 * through this too: a FileAttachment of its own would fetch the same file a second time.
 */
export function chartData<Key extends DataKey>(key: Key): Promise<EmbedData[Key]> {
  if (!fetched.has(key)) fetched.set(key, FILES[key]());
  return fetched.get(key) as Promise<EmbedData[Key]>;
}

async function load(keys: readonly DataKey[]): Promise<Partial<EmbedData>> {
  return Object.fromEntries(await Promise.all(keys.map(async (key) => [key, await chartData(key)])));
}

/** The width of a page's block cells: the width a chart is drawn at before its own is known. */
function blockWidth(): number {
  return document.querySelector<HTMLElement>("#observablehq-main .observablehq--block")?.clientWidth ?? 640;
}

/**
 * The chart at the page's width, drawn at once and again whenever its width changes. Framework's
 * resize() draws only after the container is laid out, so for a frame the cell would be empty
 * and the page below would jump where the chart drawn at build time stood.
 */
function resizing(draw: (width: number) => HTMLElement): HTMLElement {
  const container = document.createElement("div");
  container.style.position = "relative";
  let width = blockWidth();
  container.append(draw(width));
  new ResizeObserver(([entry]) => {
    const next = entry!.contentRect.width;
    if (next === 0 || next === width) return;
    width = next;
    container.replaceChildren(draw(width));
  }).observe(container);
  return container;
}

/**
 * The embed. It is drawn before it is returned, so that a problem shows in the note's cell,
 * naming the chart, rather than later when the page resizes.
 */
function embedded(chart: string, spec: ChartEmbedSpec, data: Partial<EmbedData>, draw: (width: number) => HTMLElement): HTMLElement {
  // A note has a byline (src/lib/commentary.ts); a report page does not.
  const inNote = document.querySelector(".commentary-byline") !== null;
  return embedRoot(chart, spec, data, spec.fixedWidth ? draw(TABLE_WIDTH) : resizing(draw), inNote);
}

/** The options of the claims-and-ids form: the width, and a captured series for skew or basis. */
export interface ClaimsFormOptions {
  width: number;
  market?: MarketDataset<never>;
}

function absent(dataset: string): MarketDataset<never> {
  return { dataset, mode: "absent", asOf: null, meta: null, rows: [] };
}

/**
 * A report chart by name, with options: in a note, a cell holding only
 * `chartEmbed("pricePath", { range: ["2026-02-01", "2026-02-10"] })` draws it at the page's width.
 * Left-out options draw the chart as its page does. An unknown name or a bad option fails the
 * cell with the chart, the option and the values to use.
 *
 * The form `chartEmbed("etfFlows", claims, ids, { width })`, inside `resize`, draws a chart of
 * ledger figures from claims the note has loaded (the same as the option `ids`).
 */
export function chartEmbed(chart: string, options?: Record<string, unknown>): Promise<HTMLElement>;
export function chartEmbed(chart: string, claims: readonly CitedClaim[], ids: readonly string[], options: ClaimsFormOptions): Promise<HTMLElement>;
export async function chartEmbed(chart: string, second?: unknown, ids?: readonly string[], claimsForm?: ClaimsFormOptions): Promise<HTMLElement> {
  const spec = await chartEmbedSpec(chart);
  if (Array.isArray(second)) {
    if (!spec.claimsForm) throw new ChartEmbedError(`chartEmbed("${chart}") loads its own data: write chartEmbed("${chart}", ${JSON.stringify(spec.example)})`);
    const { width, market } = claimsForm ?? { width: 640 };
    const data = { claims: second as CitedClaim[], conflicts: [], optionsSkew: market ?? absent("options-skew"), basis: market ?? absent("basis") };
    return spec.prepare(chart, data, { ids })(width);
  }
  const data = await load(spec.needs);
  return embedded(chart, spec, data, spec.prepare(chart, data, second));
}
