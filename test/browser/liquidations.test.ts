import { describe, expect, test } from "vitest";
import { liquidations24hClaims } from "../../src/components/liquidationsBySide.ts";
import { openInterestMarks } from "../../src/components/openInterestScopes.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { useBuiltSite } from "../support/builtSite.ts";
import { expectChartsDrawn, pageCharts } from "../support/pages.ts";

const site = useBuiltSite();

const { claims, conflicts } = loadLedger();

describe("liquidations page", () => {
  test.each([1280, 375])("leads with the liquidation windows, then the squeeze and open interest, at %i px", async (width) => {
    const report = await site.open("liquidations", { width });
    const { page } = report;
    expect(report.problems).toEqual([]);

    expectChartsDrawn(report.chartCount, { file: "src/liquidations.md", charts: pageCharts("src/liquidations.md") });

    // The concepts this page is home to, under the anchors other pages link to.
    expect(await page.locator("h2#liquidation-windows").count()).toBe(1);
    expect(await page.locator("h2#open-interest-scopes").count()).toBe(1);
    // The first chart on the page is the flush.
    expect(await page.locator("figure.report-chart").first().getAttribute("data-chart")).toBe("liquidation-totals");

    // The totals chart: one labelled bar per window the ledger groups, plus the undated later event, never a sum.
    const windows = conflicts.find((c) => c.id === "btc-liquidation-totals")?.claimIds ?? [];
    const totals = page.locator('figure[data-chart="liquidation-totals"]');
    expect(await totals.locator('g[aria-label="bar"] rect').count()).toBe(new Set([...windows, "btc-followup-long-liquidations"]).size);
    const labels = (await totals.locator("svg text").allTextContents()).join(" ");
    for (const figure of ["$1B", "$1.8B", "$4.65B", "$382.12M", "> $400M", "date not printed"]) expect(labels).toContain(figure);

    // Each 24-hour ledger row is one bar; assets the source does not split keep one "total (not split)" bar.
    const ledgerRows = liquidations24hClaims(claims);
    const bySide = page.locator('figure[data-chart="liquidations-by-side"]');
    expect(await bySide.locator("h3").textContent()).toContain("24 h to Feb 7, 05:30 UTC");
    const bars = bySide.locator('g[aria-label="bar"] rect');
    expect(await bars.count()).toBe(ledgerRows.length);
    const ticks = await bySide.locator('g[aria-label="y-axis tick label"] text').allTextContents();
    expect(ticks).toHaveLength(ledgerRows.length);
    expect(ticks).toEqual(expect.arrayContaining(["BTC long", "BTC short", "ETH long", "ETH short", "SOL total (not split)", "XRP total (not split)", "DOGE total (not split)", "BNB total (not split)"]));
    // The short squeeze: the BTC short bar is longer than the BTC long bar.
    const barWidth = async (label: string) => Number(await bars.nth(ticks.indexOf(label)).getAttribute("width"));
    expect(await barWidth("BTC short")).toBeGreaterThan(await barWidth("BTC long"));

    // Open interest: one dot per USD level the reports printed; the garbled "within 30 days" figure is not drawn.
    const scopes = page.locator('figure[data-chart="open-interest-scopes"]');
    expect(await scopes.locator('g[aria-label="dot"] circle').count()).toBe(openInterestMarks(claims).length);
    const scopeText = (await scopes.locator("svg text").allTextContents()).join(" ");
    for (const figure of ["$61B", "$49B", "$50.9B", "$44.3B", "$35.8B"]) expect(scopeText).toContain(figure);
    expect(scopeText).not.toContain("$55B");
    const usdVsBtc = page.locator('figure[data-chart="open-interest-usd-vs-btc"]');
    expect(await usdVsBtc.locator("svg").count()).toBe(2);
    expect((await usdVsBtc.locator("svg text").allTextContents()).join(" ")).toContain("527,850 BTC");

    // The whales are a table, not a chart.
    expect(await page.locator('figure[data-chart="whale-positions"]').count()).toBe(0);
    const table = (await page.locator("table").last().textContent()) ?? "";
    for (const figure of ["$3M", "$5.2M", "20x", "14x", "−$11M", "$10M"]) expect(table).toContain(figure);
    await page.context().close();
  });
});
