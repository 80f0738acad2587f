import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { formatClaimValue, formatInUnit } from "../../src/lib/claims.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { highestHigh } from "../../src/lib/metrics/priceExtremes.ts";
import { publicRows } from "../../src/lib/public/load.ts";
import { useBuiltSite } from "../support/builtSite.ts";
import { expectChartsDrawn, sitePages } from "../support/pages.ts";
import { projectRoot } from "../support/tempProject.ts";

const site = useBuiltSite();

const screenshotDir = join(projectRoot, "test-results/screenshots");
const variants = [
  { name: "desktop-light", width: 1280, colorScheme: "light" },
  { name: "desktop-dark", width: 1280, colorScheme: "dark" },
  { name: "phone-light", width: 375, colorScheme: "light" },
  { name: "phone-dark", width: 375, colorScheme: "dark" }
] as const;

beforeAll(() => {
  mkdirSync(screenshotDir, { recursive: true });
});

describe.each(sitePages())("page $path", ({ path, file, charts }) => {
  test.each(variants)("renders cleanly at $name", async ({ name, width, colorScheme }) => {
    const slug = path === "/" ? "index" : path.replace(/^\//, "").replaceAll("/", "-");
    const report = await site.open(path, {
      width,
      colorScheme,
      screenshotPath: join(screenshotDir, `${slug}-${name}.png`)
    });
    await report.page.context().close();
    expect(report.problems).toEqual([]);
    expectChartsDrawn(report.chartCount, { file, charts });
  });
});

describe("the Overview", () => {
  const { claims } = loadLedger();
  const claim = (id: string) => claims.find((candidate) => candidate.id === id)!;
  const followUpLevels = ["btc-followup-etf-cost-basis", "btc-followup-rally-high", "btc-followup-price"].map(claim);
  const hourly = publicRows("btc-yahoo-1h").map((row) => ({ time: row.time as string, high: row.high as number, low: row.low as number, close: row.close as number }));

  test.each([1280, 375])("tells the story in causal order, each stage led by its chart, at %i px", async (width) => {
    const report = await site.open("/", { width });
    const { page } = report;
    expect(report.problems).toEqual([]);
    const sections = await page.evaluate(() =>
      [...document.querySelectorAll("main h2")].map((heading) => {
        // What follows the heading up to the next one: does a chart come before the first paragraph?
        let chartFirst = false;
        for (let next = heading.nextElementSibling; next && next.tagName !== "H2"; next = next.nextElementSibling) {
          if (next.querySelector("figure.report-chart")) { chartFirst = true; break; }
          if (next.tagName === "P") break;
        }
        return { id: heading.id, chartFirst };
      })
    );
    const causal = [
      "the-trigger-metals-tech-and-the-fed",
      "the-leverage-flush-and-the-etf-exits",
      "capitulation-on-chain",
      "the-cross-asset-reversal",
      "the-short-squeeze",
      "positioning-after-the-bounce",
      "can-it-hold"
    ];
    const ids = sections.map((section) => section.id);
    expect(ids.filter((id) => causal.includes(id))).toEqual(causal);
    for (const section of sections.filter((candidate) => causal.includes(candidate.id))) expect(section, section.id).toMatchObject({ chartFirst: true });

    // Each concept is explained once, on its home page, and linked from here.
    const hrefs = await page.$$eval("main a[href]", (links) => links.map((link) => link.getAttribute("href")));
    for (const href of ["./liquidations#open-interest-scopes", "./liquidations#liquidation-windows", "./derivatives#skew-sign-conventions", "./scorecard"]) {
      expect(hrefs).toContain(href);
    }
    await page.context().close();
  });

  test.each([1280, 375])("draws the follow-up's levels across the whole axis, never at a day, at %i px", async (width) => {
    const report = await site.open("/", { width });
    const { page } = report;
    const chart = page.locator('figure[data-chart="price-path"]').filter({ has: page.locator("g.undated-level") });
    expect(await chart.count()).toBe(1);
    // It marks no reported price, so its title names the levels instead.
    expect(await chart.locator("h3").textContent()).toContain("the undated follow-up's levels");
    const labels = await chart.locator("g.undated-level-label text").allTextContents();
    for (const level of followUpLevels) expect(labels.join(" ")).toContain(formatClaimValue(level));
    const rules = await chart.locator("g.undated-level line").evaluateAll((lines) => lines.map((line) => ({ x1: Number(line.getAttribute("x1")), x2: Number(line.getAttribute("x2")), y: Number(line.getAttribute("y1")) })));
    expect(rules).toHaveLength(followUpLevels.length);
    const frame = await chart.locator("svg").first().evaluate((svg) => Number(svg.getAttribute("width")));
    for (const rule of rules) expect(rule.x2 - rule.x1).toBeGreaterThan(frame / 2);
    // Higher prices sit higher: the $83K basis above the $82K rally high above the $67K fall.
    const byValue = [...rules].sort((a, b) => a.y - b.y).map((rule) => rules.indexOf(rule));
    const expectedOrder = followUpLevels.map((level, i) => ({ i, value: level.value! })).sort((a, b) => b.value - a.value).map(({ i }) => i);
    expect(byValue).toEqual(expectedOrder);
    await page.context().close();
  });

  test("says, from the hourly series, that the price never got back to the follow-up's rally high", async () => {
    const report = await site.open("/", { width: 1280 });
    const text = await report.page.locator("#can-it-hold ~ p").allInnerTexts();
    const highAfter = highestHigh(hourly, "2026-02-07T00:00:00Z")!;
    expect(highAfter.price).toBeLessThan(claim("btc-followup-rally-high").value!);
    const day = new Date(highAfter.time).toLocaleDateString("en-US", { month: "long", day: "numeric", timeZone: "UTC" });
    expect(text.join(" ")).toContain(`${formatInUnit(Math.round(highAfter.price), "usd")} on ${day}`);
    expect(text.join(" ")).toContain("(computed)");
    await report.page.context().close();
  });
});
