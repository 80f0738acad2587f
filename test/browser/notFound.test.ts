import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium } from "../../scripts/chromium.ts";
import { openPage } from "../support/browser.ts";
import { serveStatic, type StaticSite } from "../support/staticServer.ts";
import { makeTempProject, projectRoot, type TempProject } from "../support/tempProject.ts";

// A static host answers an address it has no file for with the site's 404.html, with status 404.
// That page is served at any depth, so its links and assets resolve against the base the build
// was given (REPORT_BASE, see docs/publishing.md), not against the address. It is opened here as
// built (at the base its 404.html names) and from a build for a sub-path, at unknown addresses.

/** The base a built 404.html resolves its links against. */
function builtBase(dist: string): string {
  const base = /<base href="([^"]+)">/.exec(readFileSync(join(dist, "404.html"), "utf8"))?.[1];
  if (!base) throw new Error(`${dist}/404.html has no <base href>: is src/404.md missing?`);
  return base;
}

// Chrome logs the page's own 404 status as a console error, in the same words as for its favicon
// request (which no page makes); any other failed load also shows as its own HTTP status, so
// leaving these words out hides nothing else.
const statusLine = "console error: Failed to load resource: the server responded with a status of 404 (Not Found)";
/** Problems other than the not-found page's own status. */
const unexpected = (problems: readonly string[], url = "") => problems.filter((problem) => problem !== `HTTP 404: ${url}` && problem !== statusLine);

const variants = [
  { width: 1280, colorScheme: "light" as const },
  { width: 375, colorScheme: "dark" as const }
];

let browser: Browser;
let subPathProject: TempProject;
const subPath = "/reports/btc-feb-2026/";

beforeAll(async () => {
  subPathProject = makeTempProject();
  await subPathProject.build({ REPORT_BASE: subPath });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  subPathProject?.remove();
});

describe.each([
  { name: "as built", dist: () => join(projectRoot, "dist"), base: () => builtBase(join(projectRoot, "dist")) },
  { name: `built for ${subPath}`, dist: () => join(subPathProject.dir, "dist"), base: () => subPath }
])("the 404 page, $name", ({ dist, base }) => {
  let site: StaticSite;
  let sidebar: { name: string; href: string }[];

  beforeAll(async () => {
    expect(builtBase(dist())).toBe(base());
    site = await serveStatic(dist(), base());
    // The sidebar as the home page draws it: every link, resolved to a full address.
    const home = await openPage(browser, site.url);
    expect(unexpected(home.problems)).toEqual([]);
    sidebar = await home.page.$$eval("#observablehq-sidebar a[href]", (links) =>
      links.map((link) => ({ name: link.textContent?.trim() ?? "", href: (link as HTMLAnchorElement).href }))
    );
    await home.page.context().close();
    expect(sidebar.length).toBeGreaterThan(1);
  });

  afterAll(async () => {
    await site?.close();
  });

  // Under a page the sidebar lists, four folders down; and an address that cannot be decoded.
  const paths = () => [`${new URL(sidebar.at(-1)!.href).pathname.split("/").at(-1)}/a/b/c`, "%E0%A4%A"];

  test.each(variants)("answers unknown addresses with the sidebar, search and links home at $width px", async ({ width, colorScheme }) => {
    for (const path of paths()) {
      const url = new URL(path, site.url).href;
      const report = await openPage(browser, url, { width, colorScheme });
      const { page } = report;
      try {
        expect(report.problems).toContain(`HTTP 404: ${url}`);
        expect(unexpected(report.problems, url)).toEqual([]);
        expect(await page.locator("main h1").innerText()).toBe("Page not found");
        expect(await page.locator("#observablehq-search input").count()).toBe(1);
        // Every sidebar link leads where it leads from the home page.
        const links = await page.$$eval("#observablehq-sidebar a[href]", (anchors) =>
          anchors.map((link) => ({ name: link.textContent?.trim() ?? "", href: (link as HTMLAnchorElement).href }))
        );
        expect(links).toEqual(sidebar);
        const mainLinks = await page.$$eval("main a[href]", (anchors) => anchors.map((link) => (link as HTMLAnchorElement).href));
        expect(mainLinks).toEqual([site.url, new URL("sources", site.url).href]);
        // Framework's stylesheet is applied: the sidebar is laid out beside or over the page.
        expect(await page.locator("#observablehq-sidebar").evaluate((node) => getComputedStyle(node).position)).toBe("fixed");
      } finally {
        await page.context().close();
      }
    }
  });

  test.each(variants)("searches the site for the words of the address at $width px", async ({ width, colorScheme }) => {
    const target = sidebar.at(-1)!;
    const url = new URL(paths()[0]!, site.url).href;
    const report = await openPage(browser, url, { width, colorScheme });
    const { page } = report;
    try {
      const button = page.locator("main button");
      expect(await button.innerText()).toContain(new URL(target.href).pathname.split("/").at(-1));
      await button.click();
      const first = page.locator("#observablehq-search-results li a").first();
      await expect.poll(() => first.isVisible()).toBe(true);
      expect(await first.innerText()).toBe(target.name);
      expect(await first.evaluate((link) => (link as HTMLAnchorElement).href)).toBe(target.href);
      await first.click();
      await page.waitForURL(target.href);
      expect(await page.locator("main h1").first().innerText()).not.toBe("Page not found");
      expect(unexpected(report.problems, url)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
