import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { followUpPanels } from "../../src/components/followUpReadings.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { useBuiltSite } from "../support/builtSite.ts";
import { declaredChartCount } from "../support/pages.ts";
import { projectRoot } from "../support/tempProject.ts";

const site = useBuiltSite();

const { claims } = loadLedger();

describe("flows and on-chain page", () => {
  test.each([1280, 375])("draws the cluster band, the undated follow-up and the declared charts at %i px", async (width) => {
    const report = await site.open("flows", { width });
    const { page } = report;
    expect(report.problems).toEqual([]);

    const declared = declaredChartCount(readFileSync(join(projectRoot, "src/flows.md"), "utf8"), "src/flows.md");
    expect(declared).toBe(3);
    expect(report.chartCount).toBe(declared);

    // The absorption cluster: one band, bounded by two rules at $66,900 and $70,600, labelled with both.
    const cluster = page.locator('figure[data-chart="cluster-vs-price"]');
    const band = cluster.locator("g.absorption-cluster rect");
    expect(await band.count()).toBe(1);
    const bounds = cluster.locator("g.absorption-cluster-bound line");
    expect(await bounds.count()).toBe(2);
    const labels = await cluster.locator("g.absorption-cluster-label text").allTextContents();
    expect(labels.sort()).toEqual(["$66,900", "$70,600"]);
    const rect = await band.evaluate((el) => ({ top: Number(el.getAttribute("y")), height: Number(el.getAttribute("height")) }));
    const ruleYs = (await bounds.evaluateAll((lines) => lines.map((line) => Number(line.getAttribute("y1"))))).sort((a, b) => a - b);
    expect(rect.height).toBeGreaterThan(0);
    expect(rect.top).toBeCloseTo(ruleYs[0]!, 0);
    expect(rect.top + rect.height).toBeCloseTo(ruleYs[1]!, 0);
    // Reported readings are points, never a line (no market series is captured here).
    expect(await cluster.locator('g[aria-label="line"]').count()).toBe(0);
    expect(await cluster.locator('g[aria-label="dot"] path, g[aria-label="dot"] circle').count()).toBeGreaterThanOrEqual(10);

    // The follow-up readings: set apart, labelled undated, with no date anywhere on their axes.
    const followUp = page.locator('figure[data-chart="follow-up-readings"]');
    expect(await followUp.getAttribute("data-undated")).toBe("true");
    expect(await followUp.locator(".undated-follow-up").textContent()).toBe("undated follow-up");
    const axisText = (await followUp.locator("svg text").allTextContents()).join(" ");
    expect(axisText).not.toMatch(/\b(Jan|Feb|Mar|2025|2026)\b/);
    const expectedReadings = followUpPanels(claims).flatMap((panel) => panel.claims).length;
    expect(expectedReadings).toBe(10);
    expect(await followUp.locator('g[aria-label="dot"] path, g[aria-label="dot"] circle').count()).toBe(expectedReadings);
    for (const figure of ["3.16", "0.29", "$1.35B", "$770M", "$83,000", "$67,000", "$82,000", "> $400M"]) expect(axisText).toContain(figure);

    // ETF flows: daily and month-to-date are separate panels of one figure.
    const etf = page.locator('figure[data-chart="etf-flows"]');
    expect(await etf.locator("svg").count()).toBe(2);
    const etfText = (await etf.locator("svg text").allTextContents()).join(" ");
    for (const figure of ["−$544.9M", "−$434.1M", "−$690M"]) expect(etfText).toContain(figure);
    await page.context().close();
  });
});
