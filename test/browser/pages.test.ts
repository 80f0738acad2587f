import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium, openPage } from "../support/browser.ts";
import { sitePages } from "../support/pages.ts";
import { serveStatic, type StaticSite } from "../support/staticServer.ts";
import { projectRoot } from "../support/tempProject.ts";

const screenshotDir = join(projectRoot, "test-results/screenshots");
const variants = [
  { name: "desktop-light", width: 1280, colorScheme: "light" },
  { name: "desktop-dark", width: 1280, colorScheme: "dark" },
  { name: "phone-light", width: 375, colorScheme: "light" },
  { name: "phone-dark", width: 375, colorScheme: "dark" }
] as const;

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  site = await serveStatic(join(projectRoot, "dist"));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe.each(sitePages())("page $path", ({ path, expectedCharts }) => {
  test.each(variants)("renders cleanly at $name", async ({ name, width, colorScheme }) => {
    const slug = path === "/" ? "index" : path.replace(/^\//, "").replaceAll("/", "-");
    const report = await openPage(browser, new URL(path.replace(/^\//, ""), site.url).href, {
      width,
      colorScheme,
      screenshotPath: join(screenshotDir, `${slug}-${name}.png`)
    });
    await report.page.context().close();
    expect(report.problems).toEqual([]);
    expect(report.chartCount).toBe(expectedCharts);
  });
});
