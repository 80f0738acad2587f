import { describe, expect, test } from "vitest";
import { agreementDataset } from "../../src/lib/public/agreementDataset.ts";
import { useBuiltSite } from "../support/builtSite.ts";
import { expectChartsDrawn, pageCharts } from "../support/pages.ts";

const site = useBuiltSite();

const dataset = agreementDataset();
const btc = dataset.groups.find((group) => group.id === "btc")!;
const comparedDays = btc.rows.filter((row) => row.spreadPct !== null);
const daysAbove = comparedDays.filter((row) => row.spreadPct! > dataset.thresholdPct);
const distinctNotes = new Set(btc.notes.map((note) => note.note));

describe("methodology page", () => {
  test.each([1280, 375])("draws one bar per compared bitcoin day and lists every note, at %i px", async (width) => {
    const report = await site.open("methodology", { width });
    const { page } = report;
    expect(report.problems).toEqual([]);
    expectChartsDrawn(report.chartCount, { file: "src/methodology.md", charts: pageCharts("src/methodology.md") });

    const chart = page.locator('figure[data-chart="source-agreement"]');
    const bars = chart.locator("g.agreement-day rect");
    expect(comparedDays.length).toBeGreaterThan(140);
    expect(await bars.count()).toBe(comparedDays.length);
    const labels = await bars.evaluateAll((rects) => rects.map((rect) => rect.getAttribute("aria-label") ?? ""));
    expect(labels.filter((label) => Number(/: ([\d.]+)%/.exec(label)?.[1]) > dataset.thresholdPct)).toHaveLength(daysAbove.length);
    // Bars above the line are drawn in one color, those within it in another.
    const fills = await bars.evaluateAll((rects) => rects.map((rect) => rect.getAttribute("fill")));
    expect(new Set(fills).size).toBe(daysAbove.length > 0 && daysAbove.length < comparedDays.length ? 2 : 1);
    expect(await chart.locator("g.agreement-threshold line").count()).toBe(1);

    // The caption credits every upstream with its repository and commit, and Coin Metrics as its licence asks.
    const caption = (await chart.locator("figcaption").textContent()) ?? "";
    for (const source of btc.sources) {
      const [repository, commit] = source.credit.mirror.split(/[@:]/);
      expect(caption).toContain(`${repository} at commit ${commit}`);
    }
    expect(caption).toContain("Coin Metrics community data (CC BY-NC 4.0)");

    // Hover the widest day: the tip names every source's close.
    const widest = bars.nth(comparedDays.indexOf(btc.widest!));
    await widest.scrollIntoViewIfNeeded();
    const box = (await widest.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => chart.locator('g[aria-label="tip"]').textContent()).toContain(btc.widest!.date);
    const tip = (await chart.locator('g[aria-label="tip"]').textContent()) ?? "";
    for (const source of btc.sources) expect(tip).toContain(source.label);

    // One table row per distinct bitcoin note, and one summary line per other group.
    expect(await page.locator("table.agreement-notes tbody tr").count()).toBe(distinctNotes.size);
    const summary = page.locator("table.agreement-summary tbody tr");
    expect(await summary.count()).toBe(dataset.groups.length - 1);
    const wti = (await page.locator('table.agreement-summary tr[data-group="wti"]').textContent()) ?? "";
    expect(wti).toContain("Different instruments");
    await page.context().close();
  });

  test("defines each computed measure once and links every concept to its one home", async () => {
    const { page, problems } = await site.open("methodology");
    try {
      expect(problems).toEqual([]);
      const headings = await page.locator("#observablehq-main h3").allTextContents();
      for (const measure of ["25-delta risk reversal from option trades", "Annualized basis", "Funding APR", "Hashprice", "Realized volatility", "The volume-by-price proxy"]) {
        expect(headings).toContain(measure);
      }
      const hrefs = await page.locator("#observablehq-main a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
      for (const home of ["./derivatives#skew-sign-conventions", "./liquidations#open-interest-scopes", "./liquidations#liquidation-windows"]) {
        expect(hrefs).toContain(home);
      }
      const text = (await page.locator("#observablehq-main").textContent()) ?? "";
      expect(text).toContain("RR25 = IV(25-delta call) − IV(25-delta put)");
      expect(text).toContain("Annualized basis = (futures price ÷ spot price − 1) × 365 ÷ days to expiry");
      // The two skew readings differ in sign, tenor and date, not in how they are built.
      expect(text).not.toMatch(/premium spread|different construction|built differently|toConvention/);
    } finally {
      await page.context().close();
    }
  });
});
