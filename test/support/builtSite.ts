import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "../../scripts/chromium.ts";
import { openPage, type OpenPageOptions } from "./browser.ts";
import { serveStatic, type StaticSite } from "./staticServer.ts";
import { projectRoot } from "./tempProject.ts";

export interface BuiltSite {
  /** Absolute URL of a site path ("/", "derivatives", "sources#claim-x"). */
  url(path: string): string;
  open(path: string, options?: OpenPageOptions): ReturnType<typeof openPage>;
}

/**
 * For one test file or suite: serves a built site on 127.0.0.1 and starts Chromium before
 * its tests, and stops both after them. `distDir` is read when the tests start, so a
 * suite can build a temporary copy in an earlier beforeAll and serve that.
 */
export function useBuiltSite(distDir: () => string = () => join(projectRoot, "dist")): BuiltSite {
  let browser: Browser;
  let site: StaticSite;
  beforeAll(async () => {
    site = await serveStatic(distDir());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  const url = (path: string) => new URL(path.replace(/^\//, ""), site.url).href;
  return { url, open: (path, options) => openPage(browser, url(path), options) };
}
