import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { liquidations24hClaims } from "../../src/components/liquidationsBySide.ts";
import { liquidationTotalClaims } from "../../src/components/liquidationTotals.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { useBuiltSite } from "../support/builtSite.ts";
import { declaredChartCount } from "../support/pages.ts";
import { projectRoot } from "../support/tempProject.ts";
import { readFileSync } from "node:fs";

const site = useBuiltSite();

const { claims } = loadLedger();

describe("liquidations page", () => {
  test.each([1280, 375])("draws one bar per (asset, side) ledger row and the declared charts at %i px", async (width) => {
    const report = await site.open("liquidations", { width });
    const { page } = report;
    expect(report.problems).toEqual([]);

    const declared = declaredChartCount(readFileSync(join(projectRoot, "src/liquidations.md"), "utf8"), "src/liquidations.md");
    expect(declared).toBe(3);
    expect(report.chartCount).toBe(declared);

    // Each 24-hour row of the ledger is one bar; assets the source does not split keep one "total (not split)" bar.
    const ledgerRows = liquidations24hClaims(claims).map((c) => `${c.asset} ${c.side ?? "total"}`);
    const bySide = page.locator('figure[data-chart="liquidations-by-side"]');
    const bars = await bySide.locator('g[aria-label="bar"] rect').count();
    expect(bars).toBe(ledgerRows.length);
    expect(bars).toBe(10);
    const ticks = await bySide.locator('g[aria-label="y-axis tick label"] text').allTextContents();
    expect(ticks).toEqual(
      expect.arrayContaining(["BTC long", "BTC short", "ETH long", "ETH short", "SOL total (not split)", "XRP total (not split)", "DOGE total (not split)", "BNB total (not split)"])
    );
    expect(ticks).toHaveLength(ledgerRows.length);
    expect(ticks.filter((t) => t.startsWith("SOL") || t.startsWith("XRP") || t.startsWith("DOGE") || t.startsWith("BNB"))).toHaveLength(4);
    // The short squeeze: the BTC short bar is longer than the BTC long bar.
    const width_ = async (label: string) => {
      const index = ticks.indexOf(label);
      return Number(await bySide.locator('g[aria-label="bar"] rect').nth(index).getAttribute("width"));
    };
    expect(await width_("BTC short")).toBeGreaterThan(await width_("BTC long"));

    // The totals chart: one labelled bar per reported window and source.
    const totals = page.locator('figure[data-chart="liquidation-totals"]');
    expect(await totals.locator('g[aria-label="bar"] rect').count()).toBe(liquidationTotalClaims(claims).length);
    const labels = (await totals.locator("svg text").allTextContents()).join(" ");
    for (const figure of ["$1B", "$1.8B", "$4.65B", "$382.12M"]) expect(labels).toContain(figure);

    // The page says why the totals are not added, with the ledger's conflict note.
    await expect.poll(() => page.locator(".note").first().textContent()).toContain("Never add or chart them as one series");
    await page.context().close();
  });
});
