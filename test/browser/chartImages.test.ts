import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { IMAGE_WIDTH } from "../../src/lib/prerender/publishImages.ts";
import { useBuiltSite } from "../support/builtSite.ts";
import { sitePages } from "../support/pages.ts";
import { projectRoot } from "../support/tempProject.ts";

// Under each chart drawn at build time, a line links its standalone SVG and PNG
// (src/lib/prerender/publish.ts) in the reader's colour scheme, with or without JavaScript.

const site = useBuiltSite();
const builtHtml = (path: string) => readFileSync(join(projectRoot, "dist", `${path === "/" ? "index" : path.replace(/^\//, "")}.html`), "utf8");
const pages = sitePages().filter(({ path }) => builtHtml(path).includes('class="chart-images"'));

/** The image links a reader sees, by chart, and the gap between each chart and its line. */
const visibleLinks = (page: Page) =>
  page.$$eval("#observablehq-main p.chart-images", (lines) =>
    lines.map((line) => {
      const shown = [...line.parentElement!.querySelectorAll<HTMLElement>("[data-chart-embed]")].filter((embed) => embed.offsetParent !== null).at(-1);
      return {
        chart: shown?.dataset.chartEmbed,
        links: [...line.querySelectorAll("a")].filter((link) => link.offsetParent !== null).map((link) => ({ text: link.textContent, href: link.href })),
        gap: shown ? Math.round(line.getBoundingClientRect().top - shown.getBoundingClientRect().bottom) : null
      };
    })
  );

test("pages with charts link their images", () => {
  expect(pages.map(({ path }) => path)).toEqual(expect.arrayContaining(["/", "/macro", "/flows", "/derivatives"]));
});

describe.each(pages)("page $path", ({ path }) => {
  test.each(["light", "dark"] as const)("with JavaScript off and after the live charts, each chart links its %s SVG and PNG", async (colorScheme) => {
    const off = await site.open(path, { javaScript: false, colorScheme });
    const before = await visibleLinks(off.page);
    await off.page.context().close();
    const live = await site.open(path, { colorScheme });
    const after = await visibleLinks(live.page);
    await live.page.context().close();
    expect(off.problems).toEqual([]);
    expect(live.problems).toEqual([]);
    expect(before.length).toBeGreaterThan(0);
    for (const { chart, links } of before) {
      expect(links.map((link) => link.text)).toEqual(["SVG", "PNG"]);
      expect(links[0]!.href).toMatch(new RegExp(`/_file/charts/[\\w-]+-${chart}(-\\d+)?-${colorScheme}\\.svg$`));
      expect(links[1]!.href).toBe(links[0]!.href.replace(/\.svg$/, ".png"));
    }
    // The live chart replaces the drawn one above the line; the line stays, as far below it.
    expect(after).toEqual(before);
  });
});

describe("the linked files", () => {
  const linked = () => [...new Set(pages.flatMap(({ path }) => [...builtHtml(path).matchAll(/<p class="chart-images">([^]*?)<\/p>/g)].flatMap((match) => [...match[1]!.matchAll(/href="(?:\.\.?\/)+(_file\/charts\/[^"]+)"/g)].map((href) => href[1]!))))];

  test("answer with their content type, and decode as images of the chart's width", async () => {
    const files = linked();
    expect(files.length).toBeGreaterThanOrEqual(8);
    const report = await site.open("/", { javaScript: true });
    for (const file of files) {
      const response = await fetch(site.url(file));
      expect(response.status, file).toBe(200);
      expect(response.headers.get("content-type"), file).toMatch(file.endsWith(".svg") ? /^image\/svg\+xml/ : /^image\/png/);
      await response.arrayBuffer();
    }
    // The browser decodes each one: an SVG at its own width, a PNG at twice it.
    const sizes = await report.page.evaluate(
      (urls) =>
        Promise.all(
          urls.map(
            (url) =>
              new Promise<[string, number]>((resolve) => {
                const image = new Image();
                image.onload = () => resolve([url, image.naturalWidth]);
                image.onerror = () => resolve([url, 0]);
                image.src = url;
              })
          )
        ),
      files.map((file) => site.url(file))
    );
    await report.page.context().close();
    for (const [url, width] of sizes) expect(width, url).toBe(url.endsWith(".svg") ? IMAGE_WIDTH : IMAGE_WIDTH * 2);
  });
});
