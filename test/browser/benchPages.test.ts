import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium } from "../../scripts/chromium.ts";
import { loadFigures } from "../../scripts/pageFigures.ts";
import { loadPage } from "../../scripts/pageLoad.ts";
import { serveSite, type StaticSite } from "../../scripts/staticSite.ts";

// npm run bench:pages must count a chart the build put in the HTML as well as one a script draws,
// and read text only once the values in it are in. Pages shaped like Framework's: the same text,
// the same module, which fills in the values still loading and draws the chart where the page
// asks for it. Only the order of events is asserted, never a duration.

const PARAGRAPH = `<p>${"The first paragraph, long enough to be read as the page's text. ".repeat(3)}</p>`;
const FIGURE = '<figure class="report-chart"><svg width="320" height="160"><path d="M0,120L160,40L320,90" stroke="black" fill="none"></path></svg></figure>';
// A stylesheet that does not compress holds the first paint until well after the small module
// arrived; without it, the page paints before the module arrives.
const STYLE = `/* ${randomBytes(60_000).toString("base64")} */ p { margin: 1em; }`;
const page = (main: string, { drawChart = false, slowStyle = false } = {}) =>
  `<!DOCTYPE html><html><head>${slowStyle ? '<link rel="stylesheet" href="./style.css">' : ""}<script type="module" src="./draw.js"></script></head>` +
  `<body><main id="observablehq-main"${drawChart ? " data-draw-chart" : ""}>${main}</main></body></html>`;
// A chart drawn at build time sits in its cell's loading slot until the live one replaces it.
const DRAW = `for (const slot of document.querySelectorAll("observablehq-loading.chart-static")) slot.replaceWith(document.createRange().createContextualFragment(${JSON.stringify(FIGURE)}));
for (const value of document.querySelectorAll("observablehq-loading")) value.replaceWith("$73,100");
const main = document.querySelector("main[data-draw-chart]");
if (main) main.insertAdjacentHTML("beforeend", ${JSON.stringify(FIGURE)});`;

let root: string;
let site: StaticSite;
let browser: Browser;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "bench-pages-"));
  writeFileSync(join(root, "in-html.html"), page(`${PARAGRAPH}${FIGURE}`, { slowStyle: true }));
  writeFileSync(join(root, "drawn.html"), page(PARAGRAPH, { drawChart: true }));
  writeFileSync(join(root, "static.html"), page(`${PARAGRAPH}<observablehq-loading class="chart-static">${FIGURE}</observablehq-loading>`));
  writeFileSync(join(root, "text.html"), page(PARAGRAPH.replace("</p>", "<observablehq-loading></observablehq-loading></p>")));
  writeFileSync(join(root, "text-in-html.html"), page(`${PARAGRAPH.replace("</p>", '<observablehq-loading class="cell-static">$73,100</observablehq-loading></p>')}${FIGURE}`));
  writeFileSync(join(root, "style.css"), STYLE);
  writeFileSync(join(root, "draw.js"), DRAW);
  site = await serveSite(root, { gzip: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(root, { recursive: true, force: true });
});

const figuresOf = async (path: string) => loadFigures(await loadPage(browser, new URL(path, site.url).href));

describe("a page load under the phone profile", () => {
  test("a chart in the HTML shows with the text and waited for no JavaScript, though the module arrived meanwhile", async () => {
    const figures = await figuresOf("in-html");
    expect(figures.chartSeconds).not.toBeNull();
    expect(figures.chartSeconds).toBe(figures.textSeconds);
    expect(figures.jsBeforeChartBytes).toBe(0);
    expect(figures.bytes.js).toBeGreaterThan(0);
    expect(figures.liveSeconds).toBeNull();
  });

  test("a chart drawn at build time shows with the text and is live once the script replaced it", async () => {
    const figures = await figuresOf("static");
    expect(figures.chartSeconds).toBe(figures.textSeconds);
    expect(figures.jsBeforeChartBytes).toBe(0);
    expect(figures.liveSeconds).toBeGreaterThanOrEqual(figures.chartSeconds!);
  });

  test("a chart drawn by a script shows after the text, once the script arrived", async () => {
    const figures = await figuresOf("drawn");
    expect(figures.chartSeconds).toBeGreaterThan(figures.textSeconds!);
    expect(figures.jsBeforeChartBytes).toBe(figures.bytes.js);
    expect(figures.bytes.js).toBeGreaterThan(0);
  });

  test("a paragraph is readable once the values in it are in, after the page first painted; a page without a chart has no chart time", async () => {
    const figures = await figuresOf("text");
    expect(figures.textSeconds).toBeGreaterThan(figures.firstPaintSeconds!);
    expect(figures.chartSeconds).toBeNull();
    expect(figures.jsBeforeChartBytes).toBeNull();
  });

  test("a value the build computed into the paragraph reads from the first frame, with the chart in the HTML", async () => {
    const figures = await figuresOf("text-in-html");
    expect(figures.textSeconds).not.toBeNull();
    expect(figures.textSeconds).toBe(figures.chartSeconds);
  });
});
