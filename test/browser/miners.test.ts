import { describe, expect, test } from "vitest";
import { reliefFactor, reliefPct } from "../../src/components/miningSeries.ts";
import { claimById, formatClaimValue, formatInUnit } from "../../src/lib/claims.ts";
import { COIN_METRICS_ATTRIBUTION } from "../../src/lib/public/attribution.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { PUBLIC_BUILDERS } from "../../src/lib/public/datasets.ts";
import { publicDir } from "../../src/lib/public/store.ts";
import type { DifficultyAdjustmentRow, MiningRow } from "../../src/lib/snapshot/rows.ts";
import { useBuiltSite } from "../support/builtSite.ts";
import { expectChartsDrawn, pageCharts } from "../support/pages.ts";

const site = useBuiltSite();

const { claims } = loadLedger();
const bound = claimById(claims, "btc-hashprice-2026-02-05");
const expected = claimById(claims, "btc-difficulty-change-expected-2026-02-05");
// The build has no mining snapshot, so the page draws the dataset computed from the public extracts.
const mining = PUBLIC_BUILDERS.mining(publicDir());
const hashpriceDays = (mining.rows as MiningRow[]).filter((row) => row.hashprice_usd_per_ph_day !== null);
const adjustments = (mining.summary as { difficultyAdjustments: DifficultyAdjustmentRow[] }).difficultyAdjustments;
const feb7 = adjustments.find((a) => a.time.startsWith("2026-02-07"))!;
const pct = (value: number, digits: number) => formatInUnit(Math.round(value * 10 ** digits) / 10 ** digits, "pct");

/** The text of a chart's SVG with wrapped lines joined by spaces, as a reader reads it. */
async function chartWords(figure: import("playwright-core").Locator): Promise<string> {
  return figure.locator("svg").first().evaluate((svg) =>
    [...svg.querySelectorAll("text")]
      .map((text) => (text.querySelector("tspan") ? [...text.querySelectorAll("tspan")].map((line) => line.textContent).join(" ") : text.textContent))
      .join(" ")
  );
}

/** A line spanning most of its chart's width: a level on the value axis, on no day. */
async function spansThePlot(figure: import("playwright-core").Locator, selector: string): Promise<boolean> {
  const [x1, x2] = await figure.locator(selector).evaluate((line) => [Number(line.getAttribute("x1")), Number(line.getAttribute("x2"))]);
  const width = await figure.locator("svg").first().evaluate((svg) => Number(svg.getAttribute("width")));
  return x2 - x1 > width * 0.7;
}

describe("miners page", () => {
  test.each([1280, 375])("draws computed hashprice and adjustments beside the reported forecasts, which sit on no day, at %i px", async (width) => {
    const report = await site.open("miners", { width });
    const { page } = report;
    expect(report.problems).toEqual([]);
    expectChartsDrawn(report.chartCount, { file: "src/miners.md", charts: pageCharts("src/miners.md") });
    // Nothing is missing from this build, so the status note names no gap.
    expect(await page.locator(".market-status").textContent()).toContain("Every chart on this page draws its market series");

    // Hashprice: one computed dot per day; the reported ceiling is a line across the plot, not a point.
    const hashprice = page.locator('figure[data-chart="hashprice-reading"]');
    expect(hashpriceDays.length).toBeGreaterThan(100);
    expect(await hashprice.locator("g.computed-hashprice circle").count()).toBe(hashpriceDays.length);
    expect(await hashprice.locator("g.reported-bound line").count()).toBe(1);
    expect(await spansThePlot(hashprice, "g.reported-bound line")).toBe(true);
    const hashpriceText = await chartWords(hashprice);
    expect(hashpriceText).toContain(`expected ${formatClaimValue(bound).replace("<", "below")}`);
    expect(hashpriceText).toContain("no day printed");
    // The adjustment that followed, computed, with the computed hashprice either side of it.
    expect(await hashprice.locator("g.adjustment-marker line").count()).toBe(1);
    expect(hashpriceText).toContain(`difficulty −${Math.abs(feb7.change_pct).toFixed(2)}% on Feb 7 (computed)`);
    expect(await hashprice.locator("g.relief-point circle").count()).toBe(2);
    expect(await hashprice.locator(".chart-key").textContent()).toContain("computed for each UTC day");

    // Its source line: the reported figure's link, the data in words, the licence Coin Metrics asks for.
    const caption = hashprice.locator("figcaption");
    expect(await caption.locator("a").first().getAttribute("href")).toBe(`./sources#claim-${bound.id}`);
    expect(await caption.textContent()).toContain("TheMinerMag");
    expect(await caption.locator(".data-credit").textContent()).toContain("Market series computed from Coin Metrics and network difficulty (provider not named by its mirror), read from two public repositories at fixed commits.");
    expect(await caption.textContent()).toContain(COIN_METRICS_ATTRIBUTION);
    expect(await hashprice.locator("a.chart-download").first().getAttribute("download")).toBe("btc-hashprice.csv");

    // Difficulty: one computed stem per adjustment; the expected cut is a level across the plot.
    const difficulty = page.locator('figure[data-chart="difficulty-adjustment"]');
    expect(adjustments.length).toBeGreaterThanOrEqual(5);
    expect(await difficulty.locator("g.actual-adjustment circle").count()).toBe(adjustments.length);
    expect(await difficulty.locator("g.expected-adjustment line").count()).toBe(1);
    expect(await spansThePlot(difficulty, "g.expected-adjustment line")).toBe(true);
    expect(await chartWords(difficulty)).toContain(`about ${formatClaimValue(expected)} expected at the next adjustment`);
    await page.context().close();
  });

  test("states the relief arithmetic and the actual adjustment as computed, beside the reported figures", async () => {
    const report = await site.open("miners", { width: 1280 });
    const { page } = report;
    expect(report.problems).toEqual([]);
    const prose = ((await page.locator("#observablehq-main").textContent()) ?? "").replace(/\s+/g, " ");

    const reliefText = pct(reliefPct(expected.value!), 1);
    expect(reliefText).toBe("15.4%");
    expect(prose).toContain(`a rise of about ${reliefText}`);
    expect(prose).toContain(`< ${formatInUnit(Math.round(bound.high! * reliefFactor(expected.value!) * 100) / 100, "usd_per_ph_day")}`);
    expect(prose).toContain("(both computed here from the reported figures)");
    // The adjustment that came: its day and size, computed, and the relief it gives by the same rule.
    expect(prose).toContain(`The adjustment came on February 7: difficulty fell ${pct(-feb7.change_pct, 2)} (computed from the daily difficulty series)`);
    expect(prose).toContain(`gives a rise of ${pct(reliefPct(feb7.change_pct), 1)} by the same rule (computed)`);
    // The computed hashprice on the full days either side of it.
    const on = (day: string) => formatInUnit(Math.round(hashpriceDays.find((row) => row.date === day)!.hashprice_usd_per_ph_day! * 100) / 100, "usd_per_ph_day");
    expect(prose).toContain(`In the data the valve did open. Computed hashprice went from ${on("2026-02-06")} on February 6 to ${on("2026-02-08")} on February 8`);
    // The price condition: the days the price held the reclaimed level, and hashprice back under the ceiling.
    expect(prose).toContain("bitcoin's daily price was at or above it only on February 8 and February 9");
    expect(prose).toContain("Computed hashprice was back below the reported ceiling on February 20");
    // The safety-valve argument is the analysis's, in the page's words, with the reported figures linked.
    expect(prose).toContain("safety valve");
    expect(await page.locator(`a.cited-figure[href="./sources#claim-${expected.id}"]`).count()).toBeGreaterThanOrEqual(3);
    await page.context().close();
  });
});
