// One load of a page under a phone profile, in a fresh browser context: what arrived over the
// network (from the DevTools protocol) and what a probe saw in the page as it drew.
import type { Browser } from "playwright-core";
import { navigationStart, type LoadedResource, type LoadRecord, type PageReading } from "./pageFigures.ts";

/** Issue 13's phone: Lighthouse's mobile network and CPU, at a small phone's size. */
export const PHONE = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  roundTripMs: 150,
  downloadKbitPerSecond: 1600,
  uploadKbitPerSecond: 750,
  cpuSlowdown: 4
} as const;

export const PHONE_DESCRIPTION =
  `${PHONE.viewport.width}×${PHONE.viewport.height} px at ${PHONE.deviceScaleFactor}x, ${PHONE.roundTripMs} ms round trip, ` +
  `${PHONE.downloadKbitPerSecond / 1000} Mbit/s down, ${PHONE.uploadKbitPerSecond} kbit/s up, CPU slowed ${PHONE.cpuSlowdown}x, cache disabled`;

/** How long the figures keep being read after the network went idle and every cell drew. */
export const SETTLE_MS = 1000;

const PARAGRAPH_MIN_LENGTH = 80;
// The slot a chart drawn at build time sits in (src/lib/prerender/chartCells.ts) until its live chart replaces it.
const STATIC_CHART_SELECTOR = "#observablehq-main observablehq-loading.chart-static";
const CHART_SELECTOR = ["figure.report-chart svg", "figure.report-chart canvas", 'svg[class^="plot-"]'].map((chart) => `#observablehq-main ${chart}`).join(", ");

export const DEFINITIONS = {
  firstPaint: "first contentful paint: the first frame with any of the page's content on screen",
  text: `the first paragraph of the page's text (a <p> in #observablehq-main, outside figures, of ${PARAGRAPH_MIN_LENGTH}+ characters) painted with no value in it still loading (a value computed at build time reads from the first paint)`,
  chart: "the first chart painted with a non-zero size, anywhere on the page: an SVG or canvas in a chart figure (figure.report-chart), or Plot's own SVG; one in the HTML counts from the first paint",
  live: "every chart drawn at build time replaced by its live chart (hover, linked panels, controls); none on a page whose HTML holds no chart",
  layoutShift: `layout shifts without recent input, summed over the load until the network is idle, every cell has drawn, and ${SETTLE_MS / 1000} s more`,
  jsBeforeChart: "JavaScript the first chart waited for: none when it was in the page's HTML, else the JavaScript whose last byte arrived before it showed",
  bytes: "kB of 1000 bytes over the wire (gzip-compressed, headers included), by the browser's resource type: documents, scripts, stylesheets, fetches (data)"
} as const;

const READING = "__benchPagesReading";

/**
 * Runs in the page before its own scripts. Each frame until the page is closed it looks for
 * the paragraph and the chart, and it sums layout shifts as the browser reports them.
 */
function probe(global: string, chartSelector: string, staticChartSelector: string, paragraphMinLength: number): void {
  const reading: PageReading = { firstContentfulPaintMs: null, textMs: null, chartMs: null, chartInHtml: null, liveMs: null, layoutShift: 0 };
  Object.defineProperty(window, global, { value: reading });
  new PerformanceObserver((list) => {
    for (const shift of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
      if (!shift.hadRecentInput) reading.layoutShift += shift.value;
    }
  }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((list) => {
    for (const paint of list.getEntriesByName("first-contentful-paint")) reading.firstContentfulPaintMs = paint.startTime;
  }).observe({ type: "paint", buffered: true });
  const shows = (element: Element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden";
  };
  const textShows = () => {
    const paragraph = [...document.querySelectorAll("#observablehq-main p")].find(
      (candidate) => !candidate.closest("figure") && (candidate.textContent ?? "").trim().length >= paragraphMinLength
    );
    return paragraph !== undefined && !paragraph.querySelector("observablehq-loading:not(.cell-static)") && shows(paragraph);
  };
  // The charts in the page's HTML: those there when the parser is done, before any module script runs.
  const chartsInHtml = new Set<Element>();
  let staticCharts = 0;
  document.addEventListener("readystatechange", () => {
    if (document.readyState !== "interactive") return;
    for (const chart of document.querySelectorAll(chartSelector)) chartsInHtml.add(chart);
    staticCharts = document.querySelectorAll(staticChartSelector).length;
  });
  const onFrame = () => {
    // A frame's callbacks run just before it paints: what is found now is on screen in this frame.
    const now = performance.now();
    if (reading.textMs === null && textShows()) reading.textMs = now;
    const chart = reading.chartMs === null ? [...document.querySelectorAll(chartSelector)].find(shows) : undefined;
    if (chart) {
      reading.chartMs = now;
      reading.chartInHtml = document.readyState === "loading" || chartsInHtml.has(chart);
    }
    if (reading.liveMs === null && staticCharts > 0 && !document.querySelector(staticChartSelector)) reading.liveMs = now;
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
}

// tsx keeps function names by wrapping functions in __name(), which the page does not define.
const probeScript = `(() => { const __name = (fn) => fn; (${probe.toString()})(${JSON.stringify(READING)}, ${JSON.stringify(CHART_SELECTOR)}, ${JSON.stringify(STATIC_CHART_SELECTOR)}, ${PARAGRAPH_MIN_LENGTH}); })();`;

export interface PageLoad extends LoadRecord {
  /** Requests to another host than the page's (none should leave the machine). */
  offSite: string[];
  /** Framework cells that ended in an error: the page did not draw as it should. */
  errorCells: number;
}

interface Request {
  url: string;
  type: string;
  mimeType: string;
}

export async function loadPage(browser: Browser, url: string): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: PHONE.viewport, deviceScaleFactor: PHONE.deviceScaleFactor, isMobile: true, hasTouch: true });
  try {
    await context.addInitScript({ content: probeScript });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const requests = new Map<string, Request>();
    const resources: LoadedResource[] = [];
    const offSite: string[] = [];
    let documentTiming: { requestTime: number; sendStart: number } | undefined;
    cdp.on("Network.requestWillBeSent", ({ requestId, request, type }) => {
      requests.set(requestId, { url: request.url, type: type ?? "Other", mimeType: "" });
      if (/^https?:/.test(request.url) && new URL(request.url).host !== new URL(url).host) offSite.push(request.url);
    });
    cdp.on("Network.responseReceived", ({ requestId, type, response }) => {
      const request = requests.get(requestId);
      if (!request) return;
      Object.assign(request, { type, mimeType: response.mimeType });
      if (type === "Document" && !documentTiming && response.timing) documentTiming = response.timing;
    });
    cdp.on("Network.loadingFinished", ({ requestId, encodedDataLength, timestamp }) => {
      const request = requests.get(requestId);
      if (request) resources.push({ ...request, encodedBytes: encodedDataLength, finishedAt: timestamp });
    });
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: PHONE.roundTripMs,
      downloadThroughput: (PHONE.downloadKbitPerSecond * 1000) / 8,
      uploadThroughput: (PHONE.uploadKbitPerSecond * 1000) / 8
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE.cpuSlowdown });
    await page.goto(url, { waitUntil: "networkidle", timeout: 120_000 });
    await page.waitForFunction(() => !document.querySelector("#observablehq-main observablehq-loading"), null, { timeout: 60_000 }).catch(() => {
      throw new Error(`${url}: cells still loading 60 s after the network went idle`);
    });
    await page.waitForTimeout(SETTLE_MS);
    const seen = await page.evaluate((global) => ({
      reading: { ...(window as unknown as Record<string, PageReading>)[global]! },
      requestStartMs: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).requestStart,
      errorCells: document.querySelectorAll(".observablehq--error").length
    }), READING);
    if (!documentTiming) throw new Error(`${url}: the browser reported no timing for the page's own request`);
    return { resources, reading: seen.reading, timeOrigin: navigationStart(documentTiming, seen.requestStartMs), offSite, errorCells: seen.errorCells };
  } finally {
    await context.close();
  }
}
