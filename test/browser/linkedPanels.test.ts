// The linked price / volatility / funding panels on the Overview and Derivatives pages.
import type { Locator } from "playwright-core";
import { describe, expect, test } from "vitest";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { useBuiltSite } from "../support/builtSite.ts";

const site = useBuiltSite();
const fundingClaim = loadLedger().claims.find((claim) => claim.metric === "funding_rate")!;

/** Vertices of a line mark's paths: one per drawn hour (a gap starts a new "M"). */
const vertices = (figure: Locator, className: string) =>
  figure.locator(`g.${className} path`).evaluateAll((paths) => paths.reduce((sum, path) => sum + (path.getAttribute("d")?.match(/[ML]/g)?.length ?? 0), 0));

// The page chooses which reported prices to mark; the Derivatives page marks the Feb 5 open and the Feb 6 low.
describe.each([
  { path: "/", minHours: 400, fundingDays: 19, reportedPrices: null },
  { path: "derivatives", minHours: 3_000, fundingDays: 135, reportedPrices: 2 }
])("linked panels on $path", ({ path, minHours, fundingDays, reportedPrices }) => {
  test("draws hourly lines of hundreds of points, daily funding bars and the cited figures", async () => {
    const { page, problems } = await site.open(path);
    try {
      const figure = page.locator('figure[data-chart="linked-panels"]');
      await expect(figure.count()).resolves.toBe(1);
      expect(await vertices(figure, "price-line")).toBeGreaterThan(minHours);
      expect(await vertices(figure, "dvol-line")).toBeGreaterThan(minHours);
      expect(await vertices(figure, "realized-line")).toBeGreaterThan(minHours);
      await expect(figure.locator("g.funding-bars rect").count()).resolves.toBe(fundingDays);
      if (reportedPrices !== null) await expect(figure.locator("g.reported-price circle").count()).resolves.toBe(reportedPrices);
      // The negative-funding reading as a shaded sign, linked to its ledger row from the caption.
      await expect(figure.locator("g.reported-funding-sign rect").count()).resolves.toBe(1);
      const caption = await figure.locator("figcaption").textContent();
      // Who measured each series in words; where it was read, behind the disclosure.
      expect(caption).toContain("Market series computed from Yahoo Finance, Deribit and");
      const details = (await figure.locator("figcaption .data-credit-details li").allTextContents()).join("\n");
      for (const repository of ["LucasHonoratoDeSouza/btc-vrp-arbitrage", "Marcdylann/btc-dip-prediction-thesis", "lukmol/gamlss-btc-VaR"]) {
        expect(details).toContain(`${repository} at commit`);
      }
      await expect(figure.locator(`figcaption a[href$="#claim-${fundingClaim.id}"]`).count()).resolves.toBeGreaterThan(0);
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test("hovering the price panel moves the rule to the same instant in all three panels", async () => {
    const { page } = await site.open(path);
    try {
      const figure = page.locator('figure[data-chart="linked-panels"]');
      const panels = figure.locator("div.linked-panels > svg");
      await expect(panels.count()).resolves.toBe(3);
      const rules = figure.locator("line.linked-rule");
      expect(await rules.evaluateAll((lines) => lines.map((line) => line.getAttribute("visibility")))).toEqual(["hidden", "hidden", "hidden"]);
      const box = (await panels.first().boundingBox())!;
      await panels.first().dispatchEvent("pointermove", { clientX: box.x + box.width * 0.6, clientY: box.y + box.height / 2, bubbles: true });
      const positions = await rules.evaluateAll((lines) => lines.map((line) => [line.getAttribute("x1"), line.getAttribute("visibility")]));
      expect(positions[0]![1]).toBe("visible");
      expect(Number(positions[0]![0])).toBeGreaterThan(box.width * 0.5);
      expect(positions).toEqual([positions[0], positions[0], positions[0]]);
      const readouts = await figure.locator("text.linked-readout").allTextContents();
      expect(readouts[0]).toMatch(/UTC · \$[\d,]+|UTC · no data/);
      expect(readouts[1]).toMatch(/^DVOL [\d.]+ · realized [\d.]+ · spread [+−]?[\d.]+$/);
      expect(readouts[2]).toMatch(/^\d{4}-\d{2}-\d{2} · funding /);
      await panels.first().dispatchEvent("pointerleave");
      expect(await rules.evaluateAll((lines) => lines.map((line) => line.getAttribute("visibility")))).toEqual(["hidden", "hidden", "hidden"]);
    } finally {
      await page.context().close();
    }
  });
});
