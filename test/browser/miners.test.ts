import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { reliefFactor, reliefPct } from "../../src/components/miningSeries.ts";
import { claimById, formatInUnit } from "../../src/lib/claims.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { useBuiltSite } from "../support/builtSite.ts";
import { declaredChartCount } from "../support/pages.ts";
import { projectRoot } from "../support/tempProject.ts";
import { PUBLIC_BUILDERS } from "../../src/lib/public/datasets.ts";
import { publicDir } from "../../src/lib/public/store.ts";
import type { MiningRow } from "../../src/lib/snapshot/rows.ts";

const site = useBuiltSite();

const { claims } = loadLedger();
const bound = claimById(claims, "btc-hashprice-2026-02-05");
const expected = claimById(claims, "btc-difficulty-change-expected-2026-02-05");
// The build has no mining snapshot, so the page draws the dataset computed from the public extracts.
const mining = PUBLIC_BUILDERS.mining(publicDir());
const hashpriceDays = (mining.rows as MiningRow[]).filter((row) => row.hashprice_usd_per_ph_day !== null).length;
const adjustments = (mining.summary as { difficultyAdjustments: unknown[] }).difficultyAdjustments.length;

describe("miners page", () => {
  test.each([1280, 375])("draws the hashprice ceiling as a bound, the expected adjustment and the computed relief at %i px", async (width) => {
    const report = await site.open("miners", { width });
    const { page } = report;
    expect(report.problems).toEqual([]);
    const declared = declaredChartCount(readFileSync(join(projectRoot, "src/miners.md"), "utf8"), "src/miners.md");
    expect(declared).toBe(3);
    expect(report.chartCount).toBe(declared);

    // Nothing is missing, so the status note names no gap; one computed mark per day and per retarget.
    expect(await page.locator(".market-status").count()).toBe(1);
    expect(await page.locator(".market-status").textContent()).toContain("Every chart on this page draws its market series");
    expect(hashpriceDays).toBeGreaterThan(100);
    expect(await page.locator("g.computed-hashprice circle").count()).toBe(hashpriceDays);
    expect(adjustments).toBeGreaterThanOrEqual(5);
    expect(await page.locator("g.actual-adjustment circle").count()).toBe(adjustments);

    // The ceiling is a line with the region under it shaded, not a point on the line.
    const hashprice = page.locator('figure[data-chart="hashprice-reading"]');
    expect(await hashprice.locator("g.reported-bound circle, g.reported-bound-region circle").count()).toBe(0);
    expect(await hashprice.locator(".chart-caption").textContent()).toContain("Source: Coin Metrics community data (CC BY-NC 4.0).");
    const lineY = Number(await hashprice.locator("g.reported-bound line").getAttribute("y1"));
    const region = hashprice.locator("g.reported-bound-region rect");
    expect(Number(await region.getAttribute("y"))).toBeCloseTo(lineY, 0);
    expect(Number(await region.getAttribute("height"))).toBeGreaterThan(50);
    expect(await hashprice.locator("svg").textContent()).toContain("< $32/PH/s/day expected");
    expect(await hashprice.locator(".chart-caption a").first().getAttribute("href")).toBe(`./sources#claim-${bound.id}`);
    expect(await hashprice.locator(".chart-caption").textContent()).toContain("TheMinerMag via");
    expect(await hashprice.locator("a.chart-download").first().getAttribute("download")).toBe("btc-hashprice.csv");

    // Hovering the ceiling shows the figure, its date and its source.
    await hashprice.scrollIntoViewIfNeeded();
    const box = (await hashprice.locator("g.reported-bound line").boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 1);
    const boundTip = hashprice.locator('g[aria-label="tip"]', { hasText: "TheMinerMag via" });
    await expect.poll(() => boundTip.count()).toBe(1);
    const tip = await boundTip.textContent();
    expect(tip).toContain("< $32/PH/s/day");
    expect(tip).toContain("2026-02-05");

    // The expected adjustment: one hollow mark with its value.
    const difficulty = page.locator('figure[data-chart="difficulty-adjustment"]');
    expect(await difficulty.locator("g.expected-adjustment circle").count()).toBe(1);
    expect(await difficulty.locator("svg").textContent()).toContain("−13.37% expected");

    // Relief: computed from the two ledger figures, in the prose and on the chart.
    const reliefText = formatInUnit(Math.round(reliefPct(expected.value!) * 10) / 10, "pct");
    const ceilingAfter = Math.round(bound.high! * reliefFactor(expected.value!) * 100) / 100;
    expect(reliefText).toBe("15.4%");
    const prose = await page.locator("#observablehq-main").textContent();
    expect(prose).toContain(`a rise of about ${reliefText}`);
    expect(prose).toContain(`< ${formatInUnit(ceilingAfter, "usd_per_ph_day")}`);
    expect(prose).toContain("computed here from the cited expectation");
    const relief = page.locator('figure[data-chart="difficulty-relief"]');
    const reliefLabels = await relief.locator("svg").textContent();
    expect(reliefLabels).toContain("< $32");
    expect(reliefLabels).toContain(`< ${formatInUnit(ceilingAfter, "usd")}`);
    expect(reliefLabels).toContain("After, computed");
    await page.context().close();
  });
});
