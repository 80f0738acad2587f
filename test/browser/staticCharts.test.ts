import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { chartCells } from "../../src/lib/prerender/chartCells.ts";
import { useBuiltSite } from "../support/builtSite.ts";
import { sitePages } from "../support/pages.ts";
import { projectRoot } from "../support/tempProject.ts";

// Every chart is drawn at build time (src/lib/prerender/) and shows with the text, with or without
// JavaScript; the live chart then takes its place at the same size, so nothing on the page moves.

const site = useBuiltSite();

/** The page's cells that are one chartEmbed call, read from its source, as a writer wrote them. */
function chartEmbedCells(file: string): string[] {
  const blocks = [...readFileSync(join(projectRoot, file), "utf8").matchAll(/```js\n([^]*?)```/g)].map((match) => match[1]!.replace(/^\s*\/\/.*\n/gm, "").trim());
  return blocks.flatMap((code) => /^chartEmbed\("(\w+)"[^]*\)$/.exec(code)?.slice(1) ?? []);
}

const builtHtml = (path: string) => readFileSync(join(projectRoot, "dist", `${path === "/" ? "index" : path.replace(/^\//, "")}.html`), "utf8");
const pages = sitePages().filter(({ file }) => chartEmbedCells(file).length > 0);

/** Each chart embed on the page and its height, in page order; only the drawing that shows counts. */
const embedHeights = (page: import("playwright-core").Page) =>
  page.$$eval("#observablehq-main [data-chart-embed]", (embeds) =>
    embeds.filter((embed) => (embed as HTMLElement).offsetParent !== null).map((embed) => `${(embed as HTMLElement).dataset.chartEmbed} ${Math.round(embed.getBoundingClientRect().height)}`)
  );

test("pages draw their charts by name, so the build can draw every one", () => {
  expect(pages.map(({ path }) => path)).toEqual(expect.arrayContaining(["/", "/macro", "/flows"]));
});

describe.each(pages)("page $path", ({ path, file }) => {
  test("the build drew every chart cell of the page", () => {
    expect(chartCells(builtHtml(path)).map((cell) => cell.chart)).toEqual(chartEmbedCells(file));
  });

  test("with JavaScript off, every chart and every data download is there", async () => {
    const report = await site.open(path, { javaScript: false, width: 1280 });
    const charts = await report.page.$$eval("#observablehq-main observablehq-loading.chart-static [data-chart-embed]", (embeds) =>
      embeds.filter((embed) => (embed as HTMLElement).offsetParent !== null).map((embed) => ({ chart: (embed as HTMLElement).dataset.chartEmbed, drawn: embed.querySelector("svg, table, ul") !== null }))
    );
    const downloads = await report.page.$$eval("#observablehq-main [data-chart-embed] a.chart-download", (links) =>
      links.filter((link) => (link as HTMLElement).offsetParent !== null).map((link) => ({ name: (link as HTMLAnchorElement).download, href: (link as HTMLAnchorElement).href }))
    );
    await report.page.context().close();
    const live = await site.open(path, { width: 1280 });
    const liveDownloads = await live.page.$$eval("#observablehq-main [data-chart-embed] a.chart-download", (links) => links.map((link) => (link as HTMLAnchorElement).download));
    await live.page.context().close();
    expect(report.problems).toEqual([]);
    expect(charts).toEqual(chartEmbedCells(file).map((chart) => ({ chart, drawn: true })));
    expect(downloads.map(({ name }) => name)).toEqual(liveDownloads);
    for (const { href } of downloads) {
      const response = await fetch(href);
      expect(response.status, href).toBe(200);
      expect((await response.text()).split("\n")[0], href).toMatch(/^[\w" ]+(,[\w" ()%.-]+)+$/);
    }
  });

  test.each([375, 1280])("at %i px the live charts take the drawn charts' place at the same height", async (width) => {
    const drawn = await site.open(path, { withoutScripts: true, width });
    const before = await embedHeights(drawn.page);
    await drawn.page.context().close();
    const live = await site.open(path, { width });
    const after = await embedHeights(live.page);
    const staticLeft = await live.page.$$eval("observablehq-loading.chart-static", (slots) => slots.length);
    await live.page.context().close();
    expect(live.problems).toEqual([]);
    expect(staticLeft).toBe(0);
    expect(after).toEqual(before);
  });
});
