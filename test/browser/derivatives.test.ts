import type { Locator } from "playwright-core";
import { describe, expect, test } from "vitest";
import { formatClaimValue, formatInUnit } from "../../src/lib/claims.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { useBuiltSite } from "../support/builtSite.ts";
import { expectChartsDrawn, pageCharts } from "../support/pages.ts";

const site = useBuiltSite();
const { claims } = loadLedger();

const openDerivatives = (width = 1280) => site.open("derivatives", { width });

// The skew readings the ledger holds, as printed, and the same readings with the sign reversed.
const skewReadings = claims.filter((claim) => claim.convention !== null && claim.value !== null && claim.kind !== "reference");
const printedLabels = [...new Set(skewReadings.map((claim) => formatClaimValue(claim)))].sort();
const flippedLabels = skewReadings.map((claim) => formatInUnit(-(claim.value ?? 0), claim.unit));

/** Horizontal centre of an element, in page pixels. */
const centreX = async (locator: Locator) => {
  const box = (await locator.boundingBox())!;
  return box.x + box.width / 2;
};

describe("derivatives page", () => {
  test("renders the charts its code draws, with no problems", async () => {
    const { page, problems, chartCount } = await openDerivatives();
    await page.context().close();
    expect(problems).toEqual([]);
    expectChartsDrawn(chartCount, { file: "src/derivatives.md", charts: pageCharts("src/derivatives.md") });
  });

  test("follows the story: the squeeze, the skew conventions, then positioning after the bounce", async () => {
    const { page } = await openDerivatives();
    try {
      const headings = await page.locator("#observablehq-main h2").evaluateAll((nodes) => nodes.map((node) => [node.id, node.textContent?.trim()]));
      expect(headings).toEqual([
        ["the-squeeze", "The squeeze"],
        ["skew-sign-conventions", "Skew sign conventions"],
        ["positioning-after-the-bounce", "Positioning after the bounce"]
      ]);
      // Open interest has its home on the Liquidations page: linked, not charted here.
      expect(await page.locator('#observablehq-main a[href="./liquidations#open-interest-scopes"]').count()).toBe(1);
      expect(await page.locator('a[href="./liquidations#liquidation-windows"]').count()).toBe(1);
      const titles = await page.locator("figure.report-chart h3").allTextContents();
      expect(titles.filter((title) => /open interest/i.test(title) && !/put/i.test(title))).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test.each([1280, 375])("draws each skew reading as printed, with fear pointing right on both axes (%i px)", async (width) => {
    const { page, problems } = await openDerivatives(width);
    try {
      const figure = page.locator("figure.skew-readings");
      const labels = (await figure.locator("g.skew-value text").allTextContents()).sort();
      expect(labels).toEqual(printedLabels);
      const texts = await figure.locator("svg text").allTextContents();
      for (const flipped of flippedLabels) expect(texts).not.toContain(flipped);
      const text = (await figure.textContent()) ?? "";
      expect(await figure.locator("g.skew-fear-line text").textContent()).toBe("fear line: above 6%");
      expect(text).toContain("fear points right on every row");

      // One row per convention; in each, the reading sits on the fear side of zero, to the right.
      const rows = figure.locator("div.skew-row");
      const conventions = await rows.evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.convention));
      expect(conventions.sort()).toEqual(["put_minus_call", "rr25"]);
      for (const convention of conventions) {
        const row = figure.locator(`div.skew-row[data-convention="${convention}"]`);
        const zero = await centreX(row.locator("g.skew-zero line"));
        const dots = row.locator("g.skew-dot circle");
        for (let i = 0; i < (await dots.count()); i++) expect(await centreX(dots.nth(i))).toBeGreaterThan(zero);
        expect(await row.textContent()).toContain("puts dearer (fear) →");
      }
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test("sets the put strikes against the price up to their expiry, and marks the computed low as computed", async () => {
    const { page } = await openDerivatives();
    try {
      const figure = page.locator('figure[data-chart="put-strikes"]');
      await expect(figure.locator("g.put-strike-band rect").count()).resolves.toBe(1);
      await expect(figure.locator("g.put-strike-level line").count()).resolves.toBe(1);
      await expect(figure.locator("g.put-expiry rect").count()).resolves.toBe(1);
      const band = (await figure.locator("g.put-strike-band rect").boundingBox())!;
      const expiry = (await figure.locator("g.put-expiry rect").boundingBox())!;
      // The band stops at the end of the expiry day.
      expect(Math.abs(band.x + band.width - (expiry.x + expiry.width))).toBeLessThan(1);
      const vertices = await figure.locator("g.price-line path").evaluate((path) => path.getAttribute("d")?.match(/[ML]/g)?.length ?? 0);
      expect(vertices).toBeGreaterThan(700);
      expect(await figure.textContent()).toMatch(/lowest close Feb 7–Feb 26: \$[\d,]+ \(computed\)/);
    } finally {
      await page.context().close();
    }
  });

  test("puts the long/short ratios on a log axis, parity in the middle", async () => {
    const { page } = await openDerivatives();
    try {
      const figure = page.locator("figure.report-chart", { has: page.locator("g.long-short-value") });
      const ticks = figure.locator('g[aria-label="x-axis tick label"] text');
      const labels = await ticks.allTextContents();
      expect(labels).toEqual(["0.25", "0.5", "1", "2", "4"]);
      const xs = await Promise.all(labels.map((_, i) => centreX(ticks.nth(i))));
      // Equal steps between powers of two: a log scale.
      expect(Math.abs(xs[2]! - xs[1]! - (xs[3]! - xs[2]!))).toBeLessThan(1);
      expect((await figure.locator("g.long-short-value text").allTextContents()).sort()).toEqual(["0.958: more shorts", "2: more longs"]);
    } finally {
      await page.context().close();
    }
  });

  test("says which computed series this build lacks, and draws no basis chart without one", async () => {
    const { page } = await openDerivatives();
    try {
      const text = ((await page.locator("#observablehq-main").textContent()) ?? "").replace(/\s+/g, " ");
      // No public dataset holds option trades or dated futures: the status names those two gaps.
      expect(text).toContain("Not in this build: the 25-delta risk reversal computed from option trades");
      expect(text).toContain("the futures basis computed from dated futures");
      // Said once, above the charts: the charts the page embeds by name do not repeat it.
      await expect(page.locator(".market-status").count()).resolves.toBe(1);
      await expect(page.locator("g.basis-neutral-band").count()).resolves.toBe(0);
      const basis = claims.find((claim) => claim.metric === "annualized_basis")!;
      expect(text).toContain(`${formatClaimValue(basis)} "on Friday", February 6`);
      expect(text).toContain("No public dataset holds dated futures, so this build has no computed basis to chart");
    } finally {
      await page.context().close();
    }
  });
});
