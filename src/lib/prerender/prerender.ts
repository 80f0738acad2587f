// After Framework has built the site into a folder: every page cell that draws a registry chart
// by name gets that chart drawn at build time (staticChart.ts), so it shows with the text, with
// no JavaScript, until the live chart takes its place. Node only; run by scripts/build.ts.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DATA_FILES, type DataKey, type EmbedData } from "../../components/embeds/spec.ts";
import { ChartEmbedError } from "../../components/embeds/options.ts";
import { chartEmbedSpec } from "../../components/embeds/registry.ts";
import { builtPageFiles, siteRootFrom } from "../builtPages.ts";
import { PROJECT_ROOT } from "../ledger/paths.ts";
import { cellValues } from "./cellValues.ts";
import { cellIsEmpty, chartCells, fillCell, pageCells, type PageCell } from "./chartCells.ts";
import { chartModuleClosure, withModulePreloads } from "./modulePreloads.ts";
import { publishChartImages, type PublishedImages } from "./publish.ts";
import { withServerDom } from "./serverDom.ts";
import { staticChart } from "./staticChart.ts";

const DOWNLOADS = "_file/downloads";

/** The built data files by registry key, read once each, as the pages' FileAttachments read them. */
function dataReader(dir: string): (keys: readonly DataKey[]) => Partial<EmbedData> {
  const files = readdirSync(path.join(dir, "_file/data"));
  const cache = new Map<DataKey, unknown>();
  const read = (key: DataKey) => {
    const [name, extension] = DATA_FILES[key].split(/\.(?=[^.]+$)/) as [string, string];
    const built = files.find((file) => new RegExp(`^${name.replace(/[.-]/g, "\\$&")}\\.[0-9a-f]{8}\\.${extension}$`).test(file));
    if (!built) throw new Error(`${path.join(dir, "_file/data")}: no built ${DATA_FILES[key]}; a page's chart needs it`);
    return JSON.parse(readFileSync(path.join(dir, "_file/data", built), "utf8"));
  };
  return (keys) => Object.fromEntries(keys.map((key) => [key, cache.has(key) ? cache.get(key) : cache.set(key, read(key)).get(key)]));
}

/**
 * A chart's CSV downloads as files beside the page rather than inline: the same table would
 * otherwise travel in the page once per drawing. Named by content, so each is written once.
 */
function downloadsAsFiles(html: string, dir: string, pageFile: string): string {
  const toRoot = siteRootFrom(pageFile);
  return html.replace(/href="data:text\/csv;charset=utf-8,([^"]*)" download="([^"]+)\.csv"|download="([^"]+)\.csv" href="data:text\/csv;charset=utf-8,([^"]*)"/g, (_, encoded1, name1, name2, encoded2) => {
    const csv = decodeURIComponent((encoded1 ?? encoded2).replaceAll("&amp;", "&"));
    const name = (name1 ?? name2) as string;
    const file = `${name}.${createHash("sha256").update(csv).digest("hex").slice(0, 8)}.csv`;
    mkdirSync(path.join(dir, DOWNLOADS), { recursive: true });
    writeFileSync(path.join(dir, DOWNLOADS, file), csv);
    return `href="${toRoot}/${DOWNLOADS}/${file}" download="${name}.csv"`;
  });
}

export interface PrerenderResult {
  /** Charts drawn, by page. */
  pages: { page: string; charts: string[] }[];
  /** Charts left to the browser because their options are wrong: there the cell shows the problem. */
  warnings: string[];
  /** The charts' images for publishing (publish.ts). */
  images: PublishedImages["files"];
  /** Each page's first chart image, by page file, for its link preview (addPagePreviews). */
  leads: Map<string, NonNullable<PublishedImages["lead"]>>;
}

/**
 * Draws every registry chart cell of every page built in `dir`, in place. A chart whose options
 * are wrong is left to the browser, which shows the problem in its cell, and is reported; any
 * other failure throws, naming the page and the chart.
 */
export async function prerenderCharts(dir: string): Promise<PrerenderResult> {
  const data = dataReader(dir);
  const pages: PrerenderResult["pages"] = [];
  const warnings: string[] = [];
  const images: PrerenderResult["images"] = [];
  const leads: PrerenderResult["leads"] = new Map();
  // The 404 page draws no chart.
  for (const pageFile of builtPageFiles(dir).filter((file) => file !== "404.html")) {
    const file = path.join(dir, pageFile);
    let html = readFileSync(file, "utf8");
    const drawn: string[] = [];
    // The page's address as chartFigure.ts resolves links from it (relative to the project root in Node).
    const url = pathToFileURL(path.join(PROJECT_ROOT, pageFile.replace(/\.html$/, ""))).href;
    for (const cell of chartCells(html)) {
      const call = `chartEmbed("${cell.chart}"${cell.options ? `, ${JSON.stringify(cell.options)}` : ""})`;
      try {
        const spec = await chartEmbedSpec(cell.chart);
        const markup = withServerDom(url, () => staticChart(cell.chart, spec, cell.options, data(spec.needs), { idPrefix: `s${cell.id}`, inNote: pageFile.startsWith("commentary/") }));
        html = fillCell(html, cell.id, downloadsAsFiles(markup, dir, pageFile));
        drawn.push(cell.chart);
      } catch (error) {
        if (error instanceof ChartEmbedError) warnings.push(`${pageFile}: ${call} is drawn in the browser only: ${error.message}`);
        else throw new Error(`${pageFile}: ${call} could not be drawn at build time: ${(error as Error).message}`, { cause: error });
      }
    }
    if (drawn.length === 0) continue;
    const published = publishChartImages(html, dir, pageFile);
    images.push(...published.files);
    if (published.lead) leads.set(pageFile, published.lead);
    // The live charts' code, fetched at once rather than one import at a time.
    writeFileSync(file, withModulePreloads(published.html, pageFile, chartModuleClosure(dir, drawn)));
    pages.push({ page: pageFile, charts: drawn });
  }
  return { pages, warnings, images, leads };
}

/**
 * Fills every other cell of every page built in `dir` that displays something computed from the
 * committed data alone (cellValues.ts): the figures in the prose and the blocks between
 * paragraphs show with the text, and nothing moves when the live values take their place. Below
 * a cell the build cannot compute, cells stay empty: filled, they would move when it appears.
 * Returns the number of cells filled, by page.
 */
export async function prerenderCells(dir: string): Promise<{ page: string; cells: number }[]> {
  const pages: { page: string; cells: number }[] = [];
  for (const pageFile of builtPageFiles(dir)) {
    const file = path.join(dir, pageFile);
    let html = readFileSync(file, "utf8");
    const cells = pageCells(html);
    const root = (cell: PageCell) => html.indexOf(`<!--:${cell.id}:-->`);
    const empty = cells.filter((cell) => cell.inputs.includes("display") && root(cell) >= 0 && cellIsEmpty(html, cell.id)).sort((a, b) => root(a) - root(b));
    if (empty.length === 0) continue;
    const values = await cellValues(html, pathToFileURL(file.replace(/\.html$/, "")).href, cells, empty);
    const firstLeft = empty.findIndex((cell) => !values.has(cell.id));
    const filled = (firstLeft < 0 ? empty : empty.slice(0, firstLeft)).filter((cell) => values.get(cell.id) !== "");
    for (const cell of filled) html = fillCell(html, cell.id, values.get(cell.id)!, "cell-static");
    if (filled.length === 0) continue;
    writeFileSync(file, html);
    pages.push({ page: pageFile, cells: filled.length });
  }
  return pages;
}
