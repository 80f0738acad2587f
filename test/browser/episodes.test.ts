// The episode comparison on the Overview: the measured table with the articles' figures beside
// it, and the price paths aligned on each low.
import { describe, expect, test } from "vitest";
import { formatClaimValue } from "../../src/lib/claims.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { formatChangePct } from "../../src/lib/public/crossAssetRows.ts";
import { episodesDataset } from "../../src/lib/public/episodes.ts";
import { useBuiltSite } from "../support/builtSite.ts";

const site = useBuiltSite();
const data = episodesDataset();
const { claims } = loadLedger();
const PAGE = "/";

describe("episode comparison", () => {
  test.each([1280, 375])("shows each episode's measures and the printed figures linked to their sources at %i px", async (width) => {
    const report = await site.open(PAGE, { width });
    const { page } = report;
    expect(report.problems).toEqual([]);
    const table = page.locator('figure[data-chart="episode-table"] table');
    const heads = await table.locator("thead th[scope=col]").allTextContents();
    expect(heads).toEqual(data.episodes.map((episode) => episode.name));

    for (const episode of data.episodes) {
      const cell = (row: string) => table.locator(`tr[data-row="${row}"] td[data-episode="${episode.id}"] .episode-measured`);
      expect(await cell("drawdown").textContent()).toBe(formatChangePct(episode.drawdownPct, 1));
      expect(await cell("rebound-1").textContent()).toBe(formatChangePct(episode.rebounds.find((r) => r.afterDays === 1)!.pct!, 1));
      expect(await cell("dvol").textContent()).toBe(episode.dvolAtLow!.dvol.toFixed(1));
      const day = await table.locator(`tr[data-row="day"] td[data-episode="${episode.id}"]`).textContent();
      expect(day).toContain(episode.printedDay === null ? "chosen from the data" : "the day the articles print");
    }

    // Every printed figure links to its row on the sources page and reads as the ledger states it.
    const links = await table.locator("a.cited-figure").evaluateAll((anchors) => anchors.map((a) => ({ href: a.getAttribute("href"), text: a.textContent })));
    expect(links.length).toBeGreaterThanOrEqual(10);
    for (const { href, text } of links) {
      const claim = claims.find((candidate) => href === `./sources#claim-${candidate.id}`);
      expect(claim, href ?? "").toBeDefined();
      if (claim!.value !== null) expect(text).toBe(formatClaimValue(claim!));
    }
    // The November fall's range is split: its start beside the prior high, its end beside the low.
    const range = claims.find((claim) => claim.id === "btc-correction-range-2025-11-21-rally-71k")!;
    const priorHigh = await table.locator('tr[data-row="priorHigh"] td[data-episode="nov-2025"] a.cited-figure').textContent();
    expect(priorHigh).toBe(`$${range.high!.toLocaleString("en-US")}`);
    await page.context().close();
  });

  test.each([1280, 375])("draws one line per episode aligned on its low day, and says which day is chosen from the data, at %i px", async (width) => {
    const report = await site.open(PAGE, { width });
    const { page } = report;
    const chart = page.locator('figure[data-chart="episode-paths"]');
    expect(await chart.locator("g.episode-path path").count()).toBe(data.episodes.length);
    expect(await chart.locator("g.episode-low circle").count()).toBe(data.episodes.length);
    const note = await chart.locator(".episode-chart-note").textContent();
    for (const episode of data.episodes.filter((e) => e.printedDay === null)) expect(note).toContain(`${episode.name}:`);
    expect(note).toContain("chosen from the data");
    // The source line names the daily series in words.
    // The caption names who measured the data; the repository it was read from sits in the disclosure.
    expect(await chart.locator("figcaption .data-credit").textContent()).toContain("Market series computed from Binance");
    expect(await chart.locator("figcaption .data-credit-details li").allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining(data.sources.daily.mirror.split("@")[0]!)])
    );
    // Neither figure spills sideways on a phone: the table scrolls inside its own box.
    for (const figure of ["episode-paths", "episode-table"]) {
      const spill = await page.locator(`figure[data-chart="${figure}"]`).evaluate((element) => ({
        overflow: element.scrollWidth - element.clientWidth,
        right: element.getBoundingClientRect().right - document.documentElement.clientWidth
      }));
      expect(spill.overflow, figure).toBeLessThanOrEqual(0);
      expect(spill.right, figure).toBeLessThanOrEqual(0);
    }
    await page.context().close();
  });
});
