import { describe, expect, test } from "vitest";
import { COMPUTED, REPORTED } from "../../src/components/crossAssetMoves.ts";
import { claimById, claimsById, formatClaimValue } from "../../src/lib/claims.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { crossAssetDataset } from "../../src/lib/public/crossAsset.ts";
import { CROSS_ASSETS, NORMALISED_ASSETS, formatChangePct } from "../../src/lib/public/crossAssetRows.ts";
import { publicRows, publicSource } from "../../src/lib/public/load.ts";
import { useBuiltSite } from "../support/builtSite.ts";
import { expectChartsDrawn, pageCharts } from "../support/pages.ts";

const site = useBuiltSite();

const { claims } = loadLedger();
const silverLevel = claimById(claims, "silver-price-2026-02-05");
const silverFall = claimById(claims, "silver-price-change-2026-02-05");
// The one-day moves of Feb 6 the page sets beside the computed changes.
const reversal = claimsById(claims, ["sp500", "nasdaq", "dow", "sox", "gold", "silver", "dxy"].map((asset) => `${asset}-change-2026-02-06`));
const crossAsset = crossAssetDataset();
const silverSessions = publicRows("silver-yahoo-1d").filter((row) => row.date! >= "2026-01-20" && row.date! <= "2026-02-13");
// The heatmap's window, as the page passes it.
const heatmapDays = crossAsset.rows.filter((row) => row.date >= "2026-01-26" && row.date <= "2026-02-13" && row.change_pct !== null);
const change = (asset: string, date: string) => crossAsset.rows.find((row) => row.asset === asset && row.date === date)!.change_pct!;
/** Vertices of an SVG line path: one per data point. */
const vertices = (d: string | null) => (d ?? "").split(/[ML]/).length - 1;

/** The text of a chart's SVG with wrapped lines joined by spaces, as a reader reads it. */
async function chartWords(figure: import("playwright-core").Locator): Promise<string> {
  return figure.locator("svg").first().evaluate((svg) =>
    [...svg.querySelectorAll("text")]
      .map((text) => (text.querySelector("tspan") ? [...text.querySelectorAll("tspan")].map((line) => line.textContent).join(" ") : text.textContent))
      .join(" ")
  );
}

describe("macro page", () => {
  test.each([1280, 375])("leads with the trigger: silver's sessions with the reported level on no day, and the undated policy news, at %i px", async (width) => {
    const report = await site.open("macro", { width });
    const { page } = report;
    expect(report.problems).toEqual([]);
    expectChartsDrawn(report.chartCount, { file: "src/macro.md", charts: pageCharts("src/macro.md") });
    // The page draws its market series from the public extracts, so it makes no "not captured" claim.
    expect(await page.locator(".market-status").count()).toBe(0);

    // The first chart on the page is silver's: one range and one close per session in the window.
    const first = page.locator("figure.report-chart").first();
    expect(await first.getAttribute("data-chart")).toBe("daily-ranges");
    expect(silverSessions.length).toBeGreaterThan(15);
    expect(await first.locator("g.session-range line").count()).toBe(silverSessions.length);
    expect(await first.locator("g.session-close line").count()).toBe(silverSessions.length);

    // The reported level is a line across the whole plot, not a mark on a day, and says it has no day.
    const level = first.locator("g.reported-level line");
    expect(await level.count()).toBe(1);
    const [x1, x2] = await level.evaluate((line) => [Number(line.getAttribute("x1")), Number(line.getAttribute("x2"))]);
    const frame = await first.locator("svg").first().evaluate((svg) => Number(svg.getAttribute("width")));
    expect(x2 - x1).toBeGreaterThan(frame * 0.7);
    const svgText = await chartWords(first);
    expect(svgText).toContain(formatClaimValue(silverLevel));
    expect(svgText).toContain("no day printed");
    // The level's label carries the fall the article reports to it.
    expect(svgText).toContain(`fell as much as ${formatClaimValue(silverFall).replace("−", "")}`);

    // Its source line names the data in words; the repository and commit sit in a closed disclosure.
    const caption = first.locator("figcaption");
    expect(await caption.locator(".data-credit").textContent()).toContain("Market series drawn from Yahoo Finance, read from a public repository at a fixed commit.");
    const details = caption.locator("details.data-credit-details");
    expect(await details.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    const silverCommit = publicSource("silver-yahoo-1d").mirror.split("@")[1]!.split(":")[0]!;
    expect(await details.textContent()).toContain(`data/SI=F.csv in flippe2/blank-app at commit ${silverCommit}`);

    // The prose cites both silver figures and never gives the policy news a day.
    expect(await page.locator(`a.cited-figure[href="./sources#claim-${silverLevel.id}"]`).first().textContent()).toBe(formatClaimValue(silverLevel));
    expect(await page.locator(`a.cited-figure[href="./sources#claim-${silverFall.id}"]`).first().textContent()).toContain(formatClaimValue(silverFall).replace("−", ""));
    const warsh = ((await page.locator("#observablehq-main p", { hasText: "Kevin Warsh" }).textContent()) ?? "").replace(/\s+/g, " ");
    expect(warsh).toContain("Reuters");
    expect(warsh).not.toMatch(/(January|February|Jan|Feb) \d/);
    expect(warsh).toContain("gives the news no day");
    await page.context().close();
  });

  test.each([1280, 375])("sets the reported Feb 6 moves beside the computed close-to-close changes at %i px", async (width) => {
    const report = await site.open("macro", { width });
    const { page } = report;
    expect(report.problems).toEqual([]);

    const chart = page.locator('figure[data-chart="cross-asset-moves"]');
    const bars = chart.locator("g.move-bar rect");
    expect(await bars.count()).toBe(2 * reversal.length);
    const labels = await bars.evaluateAll((rects) => rects.map((rect) => rect.getAttribute("aria-label") ?? ""));
    for (const claim of reversal) expect(labels.some((label) => label.includes(REPORTED) && label.endsWith(`: ${formatClaimValue(claim)}`)), claim.id).toBe(true);
    expect(labels).toContain(`Gold, ${COMPUTED}: ${formatChangePct(change("Gold", "2026-02-06"))}`);
    // Reported and computed bars differ in color, and the legend names both.
    const fills = await bars.evaluateAll((rects) => rects.map((rect) => `${rect.getAttribute("aria-label")?.includes("Reported")}|${rect.getAttribute("fill")}`));
    expect(new Set(fills).size).toBe(2);
    const legend = await chart.locator("div[class*='-swatches']").textContent();
    expect(legend).toContain(REPORTED);
    expect(legend).toContain(COMPUTED);
    expect(await chart.locator(".data-credit").textContent()).toContain("Market series computed from Yahoo Finance (7 series)");

    // Hover the computed gold bar: the tip names both closes.
    const gold = bars.nth(labels.findIndex((label) => label.startsWith(`Gold, ${COMPUTED}`)));
    await gold.scrollIntoViewIfNeeded();
    const box = (await gold.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => chart.locator('g[aria-label="tip"]').textContent()).toContain("close 4,861.4 on Feb 5 to close 4,951.2 on Feb 6");

    // The table: one row per reported move, each with its computed change.
    const table = page.locator("table.reported-vs-computed tbody tr");
    expect(await table.count()).toBe(reversal.length);
    expect(await table.locator("td:nth-child(3)").allTextContents()).toEqual(reversal.map((claim) => formatChangePct(change(CROSS_ASSETS.find((spec) => spec.ledgerAsset === claim.asset)!.asset, "2026-02-06"))));

    // The prose gives the computed metal moves beside the article's, and says why they can differ.
    const prose = ((await page.locator("#observablehq-main").textContent()) ?? "").replace(/\s+/g, " ");
    expect(prose).toContain(`gold ${formatChangePct(change("Gold", "2026-02-06"))}`);
    expect(prose).toContain("spot metal or a futures contract");
    expect(await page.locator('a.cited-figure[href="./sources#claim-sox-change-2026-02-06"]').first().textContent()).toBe("5.7%");
    await page.context().close();
  });

  test.each([1280, 375])("draws the daily moves, the normalised closes and Fear & Greed from the extracts at %i px", async (width) => {
    const report = await site.open("macro", { width });
    const { page } = report;
    expect(report.problems).toEqual([]);

    // Heatmap: one cell per asset and day with a computed change; only the dated Feb 6 moves are outlined.
    const heatmap = page.locator('figure[data-chart="cross-asset-heatmap"]');
    const cells = heatmap.locator("g.cross-asset-change rect");
    expect(heatmapDays.length).toBeGreaterThan(150);
    expect(await cells.count()).toBe(heatmapDays.length);
    for (const { asset } of CROSS_ASSETS) expect(await heatmap.locator(`g.cross-asset-change rect[aria-label^="${asset}, "]`).count(), asset).toBe(heatmapDays.filter((row) => row.asset === asset).length);
    expect(await heatmap.locator("g.reported-cell rect").count()).toBe(reversal.length);

    // Silver's Feb 5 cell carries no reported figure: the article gives its fall no day.
    const silverFeb5 = heatmap.locator('g.cross-asset-change rect[aria-label^="Silver, 2026-02-05:"]');
    await silverFeb5.scrollIntoViewIfNeeded();
    const box = (await silverFeb5.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => heatmap.locator('g[aria-label="tip"]').textContent()).toContain(formatChangePct(change("Silver", "2026-02-05")));
    expect(await heatmap.locator('g[aria-label="tip"]').textContent()).toMatch(/reported\s*none/);

    // The source line reads in words; each series' repository, commit and path are in the disclosure.
    const credit = heatmap.locator(".data-credit");
    expect(await credit.textContent()).toContain("Binance (2 series), Coin Metrics (3 series) and Yahoo Finance (10 series), read from three public repositories at fixed commits.");
    const details = (await credit.locator("details").textContent()) ?? "";
    for (const source of crossAsset.sources) expect(details, source.series).toContain(`at commit ${source.mirror.split("@")[1]!.split(":")[0]}`);
    expect(details.split("at commit").length - 1).toBe(crossAsset.sources.length);
    const visible = (await credit.textContent())!.replace(details, "");
    expect(visible.length).toBeLessThan(300);

    // Normalised closes: one line per asset, one vertex per close.
    const normalised = page.locator('figure[data-chart="normalised-prices"]');
    const lines = normalised.locator("g.normalised-close path");
    expect(await lines.count()).toBe(NORMALISED_ASSETS.length);
    const drawn = (await lines.evaluateAll((paths) => paths.map((path) => path.getAttribute("d")))).map(vertices).sort((a, b) => a - b);
    const expected = NORMALISED_ASSETS.map((asset) => crossAsset.normalised.rows.filter((row) => row.asset === asset).length).sort((a, b) => a - b);
    expect(drawn).toEqual(expected);
    expect(expected[0]).toBeGreaterThan(90);
    expect(await normalised.locator("h3").textContent()).toContain("(computed)");

    // Fear & Greed: one vertex per extract row, on a 0–100 axis with the extreme-fear zone.
    const fearGreed = page.locator('figure[data-chart="fear-greed"]');
    const fearGreedRows = publicRows("fear-greed-1d").length;
    expect(fearGreedRows).toBeGreaterThan(100);
    expect(vertices(await fearGreed.locator("g.fear-greed-line path").getAttribute("d"))).toBe(fearGreedRows);
    expect(await fearGreed.locator("g.extreme-fear-zone rect").count()).toBe(1);
    expect(await fearGreed.locator("svg text").allTextContents()).toEqual(expect.arrayContaining(["0", "100"]));
    expect(await fearGreed.locator("figcaption").textContent()).toContain("Market series drawn from Alternative.me");
    await page.context().close();
  });
});
