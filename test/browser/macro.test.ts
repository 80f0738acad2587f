import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { claimsById, formatClaimValue } from "../../src/lib/claims.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { crossAssetDataset } from "../../src/lib/public/crossAsset.ts";
import { CROSS_ASSETS, NORMALISED_ASSETS } from "../../src/lib/public/crossAssetRows.ts";
import { publicRows } from "../../src/lib/public/load.ts";
import { useBuiltSite } from "../support/builtSite.ts";
import { declaredChartCount } from "../support/pages.ts";
import { projectRoot } from "../support/tempProject.ts";

const site = useBuiltSite();

const { claims } = loadLedger();
// Every reported move the page draws: Feb 5 and Feb 6 cross-asset moves, then the crypto rebound.
const feb5 = ["silver-price-change-2026-02-05"];
const feb6 = ["sp500", "nasdaq", "dow", "sox", "gold", "silver", "dxy"].map((asset) => `${asset}-change-2026-02-06`);
const sinceLow = ["btc-rebound-pct-rally-71k"];
const rebound24h = [
  ...["btc", "eth", "sol", "xrp", "doge", "bnb"].map((asset) => `${asset}-price-change-24h-stocktwits`),
  "crypto-market-cap-change-stocktwits"
];
const moves = claimsById(claims, [...feb5, ...feb6, ...sinceLow, ...rebound24h]);
const crossAsset = crossAssetDataset();
// The heatmap's window, as the page passes it.
const heatmapDays = crossAsset.rows.filter((row) => row.date >= "2026-01-26" && row.date <= "2026-02-13" && row.change_pct !== null);
/** Vertices of an SVG line path: one per data point. */
const vertices = (d: string | null) => (d ?? "").split(/[ML]/).length - 1;

describe("macro page", () => {
  test.each([1280, 375])("draws one bar per reported move, colored by window, at %i px", async (width) => {
    const report = await site.open("macro", { width });
    const { page } = report;
    expect(report.problems).toEqual([]);
    const declared = declaredChartCount(readFileSync(join(projectRoot, "src/macro.md"), "utf8"), "src/macro.md");
    expect(declared).toBe(4);
    expect(report.chartCount).toBe(declared);
    // The page draws market series from the public extracts, so it makes no "not captured" claim.
    expect(await page.locator(".market-status").count()).toBe(0);

    const chart = page.locator('figure[data-chart="cross-asset-moves"]');
    const bars = chart.locator("g.reported-move rect");
    expect(await bars.count()).toBe(moves.length);
    expect(moves).toHaveLength(16);
    const labels = await bars.evaluateAll((rects) => rects.map((rect) => rect.getAttribute("aria-label") ?? ""));
    for (const claim of moves) expect(labels.some((label) => label.endsWith(`: ${formatClaimValue(claim)}`)), claim.id).toBe(true);
    // This chart carries the reported moves only; the computed ones are in the heatmap below.
    expect(await chart.locator("g.computed-move circle").count()).toBe(0);

    // Windows: Feb 5 and Feb 6 are told apart by color and by name, and so are the 24-hour and since-low windows.
    const fillsOf = (window: string) =>
      bars.evaluateAll(
        (rects, w) => rects.filter((rect) => rect.getAttribute("aria-label")?.includes(`, ${w}:`)).map((rect) => rect.getAttribute("fill")),
        window
      );
    const windows = { "Feb 5 · intraday": feb5, "Feb 6 · one day": feb6, "Since the Feb 6 low": sinceLow, "24 h to Feb 7 05:30 UTC": rebound24h };
    const colors = new Set<string>();
    for (const [window, ids] of Object.entries(windows)) {
      const fills = await fillsOf(window);
      expect(fills, window).toHaveLength(ids.length);
      expect(new Set(fills).size, window).toBe(1);
      colors.add(fills[0]!);
    }
    expect(colors.size).toBe(4);
    const legend = await chart.locator("div[class*='-swatches']").textContent();
    for (const window of Object.keys(windows)) expect(legend).toContain(window);

    // Every bar is on one % axis: the -18% silver bar extends left of zero, the rest right.
    const zeroX = Number(await chart.locator('g[aria-label="rule"] line').last().getAttribute("x1"));
    const silverBar = bars.nth(labels.findIndex((label) => label.startsWith("Silver, Feb 5")));
    expect(Number(await silverBar.getAttribute("x")) + Number(await silverBar.getAttribute("width"))).toBeCloseTo(zeroX, 0);

    // Hover the Feb 5 silver bar: the tip names the value, the window and the source.
    await silverBar.scrollIntoViewIfNeeded();
    const box = (await silverBar.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => chart.locator('g[aria-label="tip"]').textContent()).toContain("Feb 5 · intraday");
    const tip = await chart.locator('g[aria-label="tip"]').textContent();
    expect(tip).toContain("−18%");
    expect(tip).toContain("Unnamed outlet (machine translation)");

    // The prose names the windows and cites the moves from the ledger.
    const prose = await page.locator("#observablehq-main").textContent();
    for (const window of ["intraday", "one day", "since the low", "24 hours"]) expect(prose).toContain(window);
    expect(await page.locator('a.cited-figure[href="./sources#claim-sox-change-2026-02-06"]').first().textContent()).toBe("5.7%");
    expect(prose).toContain("Solana has no extract on this site");
    await page.context().close();
  });

  test.each([1280, 375])("draws the daily moves, the normalised closes and Fear & Greed from the extracts at %i px", async (width) => {
    const report = await site.open("macro", { width });
    const { page } = report;
    expect(report.problems).toEqual([]);

    // Heatmap: one cell per asset and day with a computed change, the reported days outlined.
    const heatmap = page.locator('figure[data-chart="cross-asset-heatmap"]');
    const cells = heatmap.locator("g.cross-asset-change rect");
    expect(heatmapDays.length).toBeGreaterThan(150);
    expect(await cells.count()).toBe(heatmapDays.length);
    const btcDays = heatmapDays.filter((row) => row.asset === "BTC").length;
    expect(btcDays).toBe(19);
    for (const { asset } of CROSS_ASSETS) expect(await heatmap.locator(`g.cross-asset-change rect[aria-label^="${asset}, "]`).count(), asset).toBe(heatmapDays.filter((row) => row.asset === asset).length);
    const reportedDays = [...feb5, ...feb6].length;
    expect(await heatmap.locator("g.reported-cell rect").count()).toBe(reportedDays);

    // The tip sets the reported figure beside the computed one.
    const silverFeb5 = heatmap.locator('g.cross-asset-change rect[aria-label^="Silver, 2026-02-05:"]');
    await silverFeb5.scrollIntoViewIfNeeded();
    const box = (await silverFeb5.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => heatmap.locator('g[aria-label="tip"]').textContent()).toContain("−18%");
    const tip = await heatmap.locator('g[aria-label="tip"]').textContent();
    expect(tip).toContain("−9.07%");
    expect(tip).toContain("intraday");
    const caption = await heatmap.locator("figcaption").textContent();
    // Every series is credited by its upstream, its mirror at a commit and its path there.
    for (const { series } of CROSS_ASSETS) {
      const { upstream, mirror } = crossAsset.sources.find((source) => source.series === series)!;
      const [commit, path] = mirror.split(":");
      for (const part of [upstream, commit!, path!]) expect(caption, series).toContain(part);
    }

    // The table: one row per reported move, each with a computed change.
    const table = page.locator("table.reported-vs-computed tbody tr");
    expect(await table.count()).toBe(reportedDays);
    expect(await table.locator("td:nth-child(5)").allTextContents()).not.toContain("no close in the extract");

    // Normalised closes: one line per asset, one vertex per close.
    const normalised = page.locator('figure[data-chart="normalised-prices"]');
    const lines = normalised.locator("g.normalised-close path");
    expect(await lines.count()).toBe(NORMALISED_ASSETS.length);
    const drawn = (await lines.evaluateAll((paths) => paths.map((path) => path.getAttribute("d")))).map(vertices).sort((a, b) => a - b);
    const expected = NORMALISED_ASSETS.map((asset) => crossAsset.normalised.rows.filter((row) => row.asset === asset).length).sort((a, b) => a - b);
    expect(drawn).toEqual(expected);
    expect(expected[0]).toBeGreaterThan(90);

    // Fear & Greed: one vertex per extract row, on a 0–100 axis with the extreme-fear zone.
    const fearGreed = page.locator('figure[data-chart="fear-greed"]');
    const fearGreedRows = publicRows("fear-greed-1d").length;
    expect(fearGreedRows).toBeGreaterThan(100);
    expect(vertices(await fearGreed.locator("g.fear-greed-line path").getAttribute("d"))).toBe(fearGreedRows);
    expect(await fearGreed.locator("g.extreme-fear-zone rect").count()).toBe(1);
    expect(await fearGreed.locator("svg text").allTextContents()).toEqual(expect.arrayContaining(["0", "100"]));
    expect(await fearGreed.locator("figcaption").textContent()).toContain("Alternative.me");
    await page.context().close();
  });
});
