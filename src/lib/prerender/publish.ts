// The charts drawn at build time as images for publishing (publishImages.ts), written to
// dist/_file/charts/ and linked under each chart, and every page's link preview (openGraph.ts).
// Node only; the images are made by prerender.ts, the previews by scripts/build.ts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { JSDOM } from "jsdom";
import { builtPageFiles, siteRootFrom } from "../builtPages.ts";
import { PROJECT_ROOT } from "../ledger/paths.ts";
import { SITE_TITLE } from "../siteInfo.ts";
import { openGraphTags, pageDescription, pageTitle, withHeadTags, type PagePreview } from "./openGraph.ts";
import { chartImageName, publishableSvg } from "./publishImages.ts";
import { THEMES, type Theme } from "./publishTheme.ts";
import { rasterise } from "./rasterise.ts";

export const CHART_IMAGES = "_file/charts";
/** The page whose lead chart previews the pages that draw none. */
const DEFAULT_PREVIEW_PAGE = "index.html";
const PNG_SCALE = 2;

export interface PublishedImages {
  /** Files written, with their sizes in bytes. */
  files: { file: string; bytes: number }[];
  /** The page's first chart image (light PNG), as a path below the site root, with its size in pixels. */
  lead?: { file: string; width: number; height: number };
}

/** The line under a chart linking its images, the variant of the reader's colour scheme shown (src/style.css). */
function imageLinks(toRoot: string, name: (theme: Theme) => string): string {
  const links = THEMES.map((theme) => `<span class="chart-images-${theme}">Chart image: <a href="${toRoot}/${CHART_IMAGES}/${name(theme)}.svg">SVG</a> · <a href="${toRoot}/${CHART_IMAGES}/${name(theme)}.png">PNG</a></span>`);
  return `<p class="chart-images">${links.join("")}</p>`;
}

/**
 * Every chart drawn at build time in the page (`html`, dist/`pageFile`) as a standalone SVG and
 * PNG in each theme, written below `dir`; the page returned links them after each chart's cell,
 * outside the slot the live chart replaces, so the links stay when it arrives.
 */
export function publishChartImages(html: string, dir: string, pageFile: string): { html: string } & PublishedImages {
  const document = new JSDOM(html).window.document;
  const toRoot = siteRootFrom(pageFile);
  const files: PublishedImages["files"] = [];
  const seen = new Map<string, number>();
  let lead: PublishedImages["lead"];
  let page = html;
  for (const slot of document.querySelectorAll("observablehq-loading.chart-static")) {
    const root = slot.querySelector("[data-chart-embed].chart-static-wide");
    const cellRoot = slot.nextSibling;
    if (!root || cellRoot?.nodeType !== 8) continue; // a table, drawn once at its own width, is no chart image
    const chart = root.getAttribute("data-chart-embed")!;
    const occurrence = (seen.get(chart) ?? 0) + 1;
    seen.set(chart, occurrence);
    const name = (theme: Theme) => chartImageName(pageFile, chart, occurrence, theme);
    const drawn = THEMES.map((theme) => [theme, publishableSvg(root, theme, SITE_TITLE, `${pageFile}: chart ${chart}`)] as const);
    if (drawn.some(([, svg]) => svg === null)) continue;
    mkdirSync(path.join(dir, CHART_IMAGES), { recursive: true });
    for (const [theme, svg] of drawn) {
      const png = rasterise(svg!, PNG_SCALE);
      for (const [file, content] of [[`${name(theme)}.svg`, svg!], [`${name(theme)}.png`, png]] as const) {
        writeFileSync(path.join(dir, CHART_IMAGES, file), content);
        files.push({ file: `${CHART_IMAGES}/${file}`, bytes: Buffer.byteLength(content) });
      }
      if (!lead && theme === "light") lead = { file: `${CHART_IMAGES}/${name(theme)}.png`, width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
    }
    const marker = `<!--${cellRoot.nodeValue}-->`;
    page = page.replace(marker, () => `${marker}${imageLinks(toRoot, name)}`);
  }
  return { html: page, files, lead };
}

/** The summary a page's source gives in its front matter (a note's `summary`, or `description`), if any. */
function frontMatterSummary(pageFile: string): string | undefined {
  const source = path.join(PROJECT_ROOT, "src", pageFile.replace(/\.html$/, ".md"));
  if (!existsSync(source)) return undefined;
  const data = matter(readFileSync(source, "utf8")).data as Record<string, unknown>;
  const summary = data.summary ?? data.description;
  return typeof summary === "string" ? summary : undefined;
}

/**
 * Every page's link preview: title, summary and, when the site's address is known, its lead
 * chart's image (the Overview's for a page without a chart: the report's headline picture
 * rather than a card without one). Open Graph needs an absolute image URL, so without
 * `siteUrl` no image is named.
 */
export function addPagePreviews(dir: string, leads: ReadonlyMap<string, NonNullable<PublishedImages["lead"]>>, siteUrl: string | null): void {
  for (const pageFile of builtPageFiles(dir).filter((file) => file !== "404.html")) {
    const file = path.join(dir, pageFile);
    const html = readFileSync(file, "utf8");
    const lead = leads.get(pageFile) ?? leads.get(DEFAULT_PREVIEW_PAGE);
    const preview: PagePreview = {
      title: pageTitle(html),
      description: pageDescription(html, frontMatterSummary(pageFile)),
      ...(siteUrl && lead ? { image: { url: new URL(lead.file, siteUrl).href, width: lead.width, height: lead.height } } : {})
    };
    writeFileSync(file, withHeadTags(html, openGraphTags(preview)));
  }
}
