import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { expect, test } from "vitest";
import { builtPageFiles } from "../../src/lib/builtPages.ts";
import { EMBEDDABLE_CHART_NAMES } from "../../src/lib/chartNames.ts";
import { scanSite } from "../support/offsite.ts";
import { projectRoot } from "../support/tempProject.ts";

const dist = join(projectRoot, "dist");

test("the built site references no off-site resource", () => {
  expect(scanSite(dist)).toEqual([]);
});

// Headless Chromium never asks for an icon, so the page tests cannot see a missing one; a
// reader's browser would ask the host for /favicon.ico and log a 404 on every page.
test("every page names an icon that is in dist/", () => {
  const pages = builtPageFiles(dist);
  expect(pages.length).toBeGreaterThan(5);
  for (const page of pages) {
    const href = /<link rel="icon" href="([^"]+)"/.exec(readFileSync(join(dist, page), "utf8"))?.[1];
    expect(href, `${page} has no <link rel="icon">`).toBeDefined();
    // 404.html resolves its links against <base href>, the site's root.
    const from = page === "404.html" ? dist : dirname(join(dist, page));
    expect(existsSync(join(from, href!)), `${page}: ${href} is not in dist/ (${relative(dist, join(from, href!))})`).toBe(true);
  }
});

// The registry loads a chart's module only when the page draws it; the build names those
// modules in the page so the browser fetches them at once, and no other chart's.
test("every page preloads the modules of the charts it draws, each file there, and no other chart's", () => {
  const chartModule = /_import\/components\/embeds\/([A-Za-z]+)\.[0-9a-f]{8}\.js$/;
  let pagesWithCharts = 0;
  for (const page of builtPageFiles(dist)) {
    const html = readFileSync(join(dist, page), "utf8");
    const preloads = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((match) => match[1]!);
    for (const href of preloads) expect(existsSync(join(dirname(join(dist, page)), href)), `${page}: ${href}`).toBe(true);
    const drawn = [...html.matchAll(/<observablehq-loading class="chart-static"><div data-chart-embed="(\w+)"/g)].map((match) => match[1]!);
    const preloaded = preloads.map((href) => chartModule.exec(href)?.[1]).filter((chart) => chart !== undefined && EMBEDDABLE_CHART_NAMES.includes(chart as never));
    expect(new Set(preloaded), page).toEqual(new Set(drawn));
    if (drawn.length > 0) pagesWithCharts++;
  }
  expect(pagesWithCharts).toBeGreaterThan(5);
});

// Link previews (src/lib/prerender/openGraph.ts): every page but the 404 has a title and a
// summary; an image, when the build knew the site's address, is a chart PNG in dist/.
test("every page has a link preview whose image, if named, is in dist/", () => {
  for (const page of builtPageFiles(dist).filter((file) => file !== "404.html")) {
    const html = readFileSync(join(dist, page), "utf8");
    const meta = (key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html)?.[1];
    expect(meta("og:title"), page).toMatch(/\S/);
    expect(meta("og:description")?.length ?? 0, page).toBeGreaterThan(40);
    expect(meta("description"), page).toBe(meta("og:description"));
    const image = meta("og:image");
    if (image === undefined) continue;
    const file = /\/(_file\/charts\/[\w-]+-light\.png)$/.exec(image)?.[1];
    expect(file, `${page}: og:image ${image}`).toBeDefined();
    expect(existsSync(join(dist, file!)), `${page}: ${file} is not in dist/`).toBe(true);
    expect(meta("twitter:card"), page).toBe("summary_large_image");
  }
});
