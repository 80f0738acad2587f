import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { useBuiltSite } from "../support/builtSite.ts";
import { sitePages } from "../support/pages.ts";
import { projectRoot } from "../support/tempProject.ts";

// The figures in the prose and the blocks between paragraphs are computed at build time
// (src/lib/prerender/cellValues.ts): the text reads the same before the page's JavaScript runs,
// or without it, and nothing on the page moves when the live values take their place.

const site = useBuiltSite();

const notes = readdirSync(join(projectRoot, "src/commentary")).filter((file) => file.endsWith(".md")).map((file) => `/commentary/${file.replace(/\.md$/, "")}`);
const pages = [...sitePages().map(({ path }) => path), ...notes];

/** The page's prose as a reader sees it: the text of each block the Markdown wrote, in order, and the values still loading in it. */
const prose = (page: Page) =>
  page.$$eval("#observablehq-main > :is(p, ul, ol, h1, h2, h3, h4, blockquote, table)", (blocks) =>
    blocks.map((block) => ({ text: (block.textContent ?? "").replace(/\s+/g, " ").trim(), loading: block.querySelectorAll("observablehq-loading:not(.cell-static)").length }))
  );

/** The layout shifts since navigation (the browser buffers them), summed as cumulative layout shift counts them. */
const layoutShift = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list, observer) => {
          observer.disconnect();
          resolve((list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]).filter((shift) => !shift.hadRecentInput).reduce((sum, shift) => sum + shift.value, 0));
        }).observe({ type: "layout-shift", buffered: true });
        // No shift at all: the observer is never called.
        setTimeout(() => resolve(0), 500);
      })
  );

test("the pages checked include the report's pages and the notes", () => {
  expect(pages).toEqual(expect.arrayContaining(["/", "/macro", "/sources", "/scorecard", "/fact-check", "/commentary/open-interest-price-not-deleveraging"]));
});

describe.each(pages)("page %s", (path) => {
  test("with JavaScript off, every figure in the prose is there and reads as it does live", async () => {
    const off = await site.open(path, { javaScript: false, width: 1280 });
    const before = await prose(off.page);
    await off.page.context().close();
    const live = await site.open(path, { width: 1280 });
    const after = await prose(live.page);
    await live.page.context().close();
    expect(off.problems).toEqual([]);
    expect(live.problems).toEqual([]);
    expect(before.filter(({ loading }) => loading > 0)).toEqual([]);
    expect(before.map(({ text }) => text)).toEqual(after.map(({ text }) => text));
  });

  test.each([375, 1280])("at %i px nothing moves while the page loads (layout shift below 0.05)", async (width) => {
    const live = await site.open(path, { width });
    await live.page.waitForTimeout(1000);
    const shift = await layoutShift(live.page);
    await live.page.context().close();
    expect(live.problems).toEqual([]);
    expect(shift).toBeLessThan(0.05);
  });
});

test.each([375, 1280])("at %i px the page for an unknown address does not move either", async (width) => {
  const missing = await site.open("/no-such-page", { width });
  await missing.page.waitForTimeout(1000);
  const shift = await layoutShift(missing.page);
  await missing.page.context().close();
  expect(shift).toBeLessThan(0.05);
});
