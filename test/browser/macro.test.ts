import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { claimsById, formatClaimValue } from "../../src/lib/claims.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { useBuiltSite } from "../support/builtSite.ts";
import { declaredChartCount } from "../support/pages.ts";
import { projectRoot } from "../support/tempProject.ts";

const site = useBuiltSite();

const { claims } = loadLedger();
// Every reported move the page draws: Feb 5 and Feb 6 cross-asset moves, then the crypto rebound.
const feb5 = ["silver-price-change-2026-02-05"];
const feb6 = ["sp500", "nasdaq", "dow", "sox", "gold", "silver", "dxy"].map((asset) => `${asset}-change-2026-02-06`);
const sinceLow = ["btc-rebound-pct-mendoza"];
const rebound24h = [
  ...["btc", "eth", "sol", "xrp", "doge", "bnb"].map((asset) => `${asset}-price-change-24h-stocktwits`),
  "crypto-market-cap-change-stocktwits"
];
const moves = claimsById(claims, [...feb5, ...feb6, ...sinceLow, ...rebound24h]);

describe("macro page", () => {
  test.each([1280, 375])("draws one bar per reported move, colored by window, at %i px", async (width) => {
    const report = await site.open("macro", { width });
    const { page } = report;
    expect(report.problems).toEqual([]);
    const declared = declaredChartCount(readFileSync(join(projectRoot, "src/macro.md"), "utf8"), "src/macro.md");
    expect(declared).toBe(1);
    expect(report.chartCount).toBe(declared);
    expect(await page.locator(".market-status").count()).toBe(1);

    const chart = page.locator('figure[data-chart="cross-asset-moves"]');
    const bars = chart.locator("g.reported-move rect");
    expect(await bars.count()).toBe(moves.length);
    expect(moves).toHaveLength(16);
    const labels = await bars.evaluateAll((rects) => rects.map((rect) => rect.getAttribute("aria-label") ?? ""));
    for (const claim of moves) expect(labels.some((label) => label.endsWith(`: ${formatClaimValue(claim)}`)), claim.id).toBe(true);
    // No FRED series captured: no computed dots.
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
    expect(await page.locator('a.cited-figure[href="./sources#claim-sox-change-2026-02-06"]').textContent()).toBe("5.7%");
    await page.context().close();
  });
});
