import type { Browser, Page } from "playwright-core";

export interface PageReport {
  url: string;
  /** Everything that makes the page unfit to publish; empty when the page is fine. */
  problems: string[];
  /** Rendered charts: report figures that hold what they draw (an SVG, a canvas or a table). */
  chartCount: number;
}

export interface OpenPageOptions {
  width?: number;
  colorScheme?: "light" | "dark";
  /** Where to save a full-page screenshot. */
  screenshotPath?: string;
  /** False: open the page as a reader with JavaScript turned off sees it. */
  javaScript?: boolean;
  /** True: the page as it stands before its JavaScript has loaded (its scripts are held back). */
  withoutScripts?: boolean;
}

/**
 * Opens a page and records every console error, uncaught error, failed request,
 * off-site request and Framework error cell, then counts the rendered charts.
 */
export async function openPage(browser: Browser, url: string, options: OpenPageOptions = {}): Promise<PageReport & { page: Page }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? "light",
    javaScriptEnabled: options.javaScript ?? true
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const siteHost = new URL(url).host;
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  // Scripts the page is opened without are not failures.
  const heldBack = (requestUrl: URL) => (options.javaScript === false || options.withoutScripts === true) && requestUrl.pathname.endsWith(".js");
  page.on("requestfailed", (request) => {
    const requestUrl = new URL(request.url());
    if (requestUrl.host === siteHost && !heldBack(requestUrl)) problems.push(`failed request: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  // Off-site requests are recorded and aborted, so none leaves the machine.
  await context.route(
    (requestUrl) => requestUrl.protocol.startsWith("http") && requestUrl.host !== siteHost,
    (route) => {
      problems.push(`off-site request: ${route.request().url()}`);
      return route.abort();
    }
  );
  if (options.withoutScripts) await context.route(heldBack, (route) => route.abort());
  await page.goto(url, { waitUntil: "networkidle" });
  // Framework renders cells asynchronously after load; wait until no cell is pending. Without
  // its scripts, the charts drawn at build time stay in their cells' loading placeholders.
  if (options.javaScript !== false && !options.withoutScripts) await page.waitForFunction(() => !document.querySelector("observablehq-loading"), null, { timeout: 10_000 }).catch(() => {
    problems.push("cells still running after 10 s");
  });
  const errorCells = await page.$$eval(".observablehq--error", (cells) => cells.map((cell) => cell.textContent?.trim() ?? ""));
  for (const text of errorCells) problems.push(`error cell: ${text}`);
  const chartCount = await page.$$eval("figure.report-chart", (figures) => figures.filter((figure) => figure.querySelector("svg, canvas, table")).length);
  if (options.screenshotPath) await page.screenshot({ path: options.screenshotPath, fullPage: true });
  return { url, problems, chartCount, page };
}
