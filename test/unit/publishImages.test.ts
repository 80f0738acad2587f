import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { JSDOM } from "jsdom";
import { afterAll, describe, expect, test } from "vitest";
import { etfFlowsEmbed } from "../../src/components/embeds/etfFlows.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { fillCell } from "../../src/lib/prerender/chartCells.ts";
import { addPagePreviews, CHART_IMAGES, publishChartImages } from "../../src/lib/prerender/publish.ts";
import { chartImageName, IMAGE_WIDTH, publishableSvg, wrap } from "../../src/lib/prerender/publishImages.ts";
import { PALETTES, resolveColours } from "../../src/lib/prerender/publishTheme.ts";
import { rasterise, textWidth } from "../../src/lib/prerender/rasterise.ts";
import { withServerDom } from "../../src/lib/prerender/serverDom.ts";
import { staticChart } from "../../src/lib/prerender/staticChart.ts";
import { SITE_TITLE } from "../../src/lib/siteInfo.ts";

const { claims } = loadLedger();
// The ETF flows chart as the build draws it into its cell, both widths.
const drawn = withServerDom("file:///site/flows", () => staticChart("etfFlows", etfFlowsEmbed, undefined, { claims }, { idPrefix: "s0d384fe5", inNote: false }));
const wideRoot = () => new JSDOM(drawn).window.document.querySelector("[data-chart-embed].chart-static-wide")!;
const figureText = (selector: string) => wideRoot().querySelector(selector)!.textContent!.trim();

describe("chartImageName", () => {
  test("names the page, the chart, its second drawing on the page and the theme", () => {
    expect(chartImageName("macro.html", "dailyRanges", 1, "light")).toBe("macro-dailyRanges-light");
    expect(chartImageName("index.html", "pricePath", 2, "dark")).toBe("index-pricePath-2-dark");
    expect(chartImageName("commentary/a-note.html", "openInterestUsdVsBtc", 1, "dark")).toBe("commentary-a-note-openInterestUsdVsBtc-dark");
  });
});

describe("publishableSvg", () => {
  const light = publishableSvg(wideRoot(), "light", SITE_TITLE, "flows.html: chart etfFlows")!;
  const dark = publishableSvg(wideRoot(), "dark", SITE_TITLE, "flows.html: chart etfFlows")!;

  test("stands alone: no CSS variable, no currentColor, no stylesheet, and well-formed SVG", () => {
    for (const svg of [light, dark]) {
      expect(svg).not.toContain("var(");
      expect(svg).not.toContain("currentColor");
      expect(svg).not.toContain("<style");
      const parsed = new JSDOM("").window;
      const document = new parsed.DOMParser().parseFromString(svg, "image/svg+xml");
      expect(document.querySelector("parsererror")).toBeNull();
      expect(document.documentElement.getAttribute("width")).toBe(String(IMAGE_WIDTH));
      expect(document.documentElement.getAttribute("font-family")).toBe("system-ui, sans-serif");
    }
  });

  test("carries the chart's title, its source line without the downloads, and the site's name", () => {
    const title = figureText("figure.report-chart > h3");
    const texts = (svg: string) => [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((match) => match[1]!.replaceAll("&amp;", "&")).join(" ");
    expect(texts(light)).toContain(title);
    const source = figureText("figcaption").split(". ")[0]!; // "Sources: …", before the download links
    expect(source).toMatch(/^Sources?: /);
    expect(texts(light)).toContain(source.split(" ").slice(0, 4).join(" "));
    expect(texts(light)).not.toContain("Download");
    expect(texts(light)).toContain(SITE_TITLE);
  });

  test("paints the theme's background and text colours", () => {
    expect(light).toContain(`<rect width="100%" height="100%" fill="${PALETTES.light["theme-background"]}"/>`);
    expect(dark).toContain(`<rect width="100%" height="100%" fill="${PALETTES.dark["theme-background"]}"/>`);
    expect(dark).toContain(`fill="${PALETTES.dark["theme-foreground"]}"`);
    expect(dark).not.toContain(`fill="${PALETTES.light["theme-foreground"]}"`);
  });

  test("is null for a figure with no drawing (a table)", () => {
    const table = new JSDOM('<div data-chart-embed="episodeTable"><figure class="report-chart"><h3>Episodes</h3><div><table><tr><td>1</td></tr></table></div><figcaption>Source: x.</figcaption></figure></div>').window.document.body.firstElementChild!;
    expect(publishableSvg(table, "light", SITE_TITLE, "index.html: chart episodeTable")).toBeNull();
  });
});

describe("resolveColours", () => {
  test("replaces each variable with the theme's colour or its fallback, and currentColor with the foreground", () => {
    expect(resolveColours('<g fill="var(--theme-red)" stroke="var(--plot-background)" color="currentColor" x="var(--unknown, #123456)">', "dark", "chart")).toBe(
      `<g fill="#ff725c" stroke="${PALETTES.dark["theme-background"]}" color="${PALETTES.dark["theme-foreground"]}" x="#123456">`
    );
  });

  test("names the chart and the variable a theme does not define", () => {
    expect(() => resolveColours('<g fill="var(--theme-teal)">', "light", "macro.html: chart fearGreed")).toThrow("macro.html: chart fearGreed: var(--theme-teal) has no value in the light theme");
  });

  test("mixes as Framework's stylesheets do", () => {
    // color-mix(in srgb, #1b1e23 60%, #ffffff)
    expect(PALETTES.light["theme-foreground-muted"]).toBe("#76787b");
    expect(PALETTES.light["theme-background"]).toBe("#ffffff");
  });
});

describe("wrap", () => {
  test("breaks text into lines that fit the width, keeping every word", () => {
    const text = "Sources: CoinGlass via an unnamed outlet; an unnamed outlet; AltcoinStory; Stocktwits; Glassnode via an unnamed outlet. Dates in UTC.";
    const lines = wrap(text, 300, 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(text);
    for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(300);
  });
});

describe("rasterise", () => {
  test("writes a PNG at twice the SVG's size, with text set in the bundled font", () => {
    const svg = publishableSvg(wideRoot(), "light", SITE_TITLE, "chart")!;
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    const png = rasterise(svg);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([IMAGE_WIDTH * 2, height * 2]);
    // Measured in Inter: a bar is narrower than an M.
    expect(textWidth("|", 100)).toBeLessThan(textWidth("M", 100));
  });
});

describe("publishChartImages and addPagePreviews", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "publish-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const head = (title: string) => `<!doctype html><html><head><title>${title} | ${SITE_TITLE}</title></head><body><main id="observablehq-main">`;
  const cellSlot = (id: string) => `<div class="observablehq observablehq--block"><observablehq-loading></observablehq-loading><!--:${id}:--></div>`;
  const flows =
    `${head("Flows and on-chain")}<p>The ETF money <observablehq-loading></observablehq-loading><!--:aaaaaaaa:--> left.</p><p>Flows show who sold. Dates are UTC.</p>` +
    fillCell(cellSlot("11111111"), "11111111", drawn) +
    fillCell(cellSlot("22222222"), "22222222", drawn.replaceAll('id="s0d384fe5', 'id="s2')) +
    "</main></body></html>";

  test("writes each chart's SVG and PNG in both themes and links them after the cell's root, outside the slot", () => {
    mkdirSync(path.join(dir, "commentary"), { recursive: true });
    const { html, files, lead } = publishChartImages(flows, dir, "flows.html");
    expect(files.map((file) => file.file).sort()).toEqual(
      ["flows-etfFlows", "flows-etfFlows-2"].flatMap((name) => ["dark.png", "dark.svg", "light.png", "light.svg"].map((end) => `${CHART_IMAGES}/${name}-${end}`)).sort()
    );
    expect(readdirSync(path.join(dir, CHART_IMAGES))).toHaveLength(8);
    expect(html).toContain('<!--:11111111:--><p class="chart-images"><span class="chart-images-light">Chart image: <a href="./_file/charts/flows-etfFlows-light.svg">SVG</a> · <a href="./_file/charts/flows-etfFlows-light.png">PNG</a></span><span class="chart-images-dark">');
    expect(html).toContain('<!--:22222222:--><p class="chart-images">');
    expect(lead).toMatchObject({ file: `${CHART_IMAGES}/flows-etfFlows-light.png`, width: IMAGE_WIDTH * 2 });
    writeFileSync(path.join(dir, "flows.html"), html);
    writeFileSync(path.join(dir, "sources.html"), `${head("Sources")}<p>Every figure on this site is one of the figures below.</p></main></body></html>`);
  });

  const previewOf = (file: string) => {
    const document = new JSDOM(readFileSync(path.join(dir, file), "utf8")).window.document;
    const meta = (key: string) => document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content") ?? null;
    return { meta, count: document.querySelectorAll('meta[property="og:title"]').length };
  };

  test("without the site's address, previews have a title and summary but name no image", () => {
    const leads = new Map([["index.html", { file: `${CHART_IMAGES}/index-pricePath-light.png`, width: 1472, height: 1198 }]]);
    addPagePreviews(dir, leads, null);
    const { meta } = previewOf("flows.html");
    expect(meta("og:title")).toBe(`Flows and on-chain | ${SITE_TITLE}`);
    // The first paragraph has a figure only the browser fills in, so the next one is the summary.
    expect(meta("og:description")).toBe("Flows show who sold. Dates are UTC.");
    expect(meta("description")).toBe("Flows show who sold. Dates are UTC.");
    expect(meta("og:image")).toBeNull();
    expect(meta("twitter:card")).toBe("summary");
  });

  test("with it, each page names its lead chart's PNG by absolute URL, and a page without a chart the Overview's", () => {
    for (const file of ["flows.html", "sources.html"]) writeFileSync(path.join(dir, file), readFileSync(path.join(dir, file), "utf8").replace(/<meta [^>]*>\n?/g, ""));
    const leads = new Map([
      ["index.html", { file: `${CHART_IMAGES}/index-pricePath-light.png`, width: 1472, height: 1198 }],
      ["flows.html", { file: `${CHART_IMAGES}/flows-etfFlows-light.png`, width: 1472, height: 900 }]
    ]);
    addPagePreviews(dir, leads, "https://example.org/reports/btc/");
    const flowsPreview = previewOf("flows.html");
    expect(flowsPreview.count).toBe(1);
    expect(flowsPreview.meta("og:image")).toBe("https://example.org/reports/btc/_file/charts/flows-etfFlows-light.png");
    expect([flowsPreview.meta("og:image:width"), flowsPreview.meta("og:image:height")]).toEqual(["1472", "900"]);
    expect(flowsPreview.meta("twitter:card")).toBe("summary_large_image");
    expect(previewOf("sources.html").meta("og:image")).toBe("https://example.org/reports/btc/_file/charts/index-pricePath-light.png");
  });
});
