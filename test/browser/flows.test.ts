import { describe, expect, test } from "vitest";
import { COIN_METRICS_ATTRIBUTION, publicRows } from "../../src/lib/public/load.ts";
import { onchainDataset } from "../../src/lib/public/onchain.ts";
import { useBuiltSite } from "../support/builtSite.ts";
import { expectChartsDrawn, pageCharts } from "../support/pages.ts";

const site = useBuiltSite();

/** Vertices of an SVG line path: one per data point. */
const vertices = (d: string | null) => (d ?? "").split(/[ML]/).length - 1;

describe("flows and on-chain page", () => {
  test.each([1280, 375])("draws the ETF exits, then the capitulation on-chain, and the charts its code draws at %i px", async (width) => {
    const report = await site.open("flows", { width });
    const { page } = report;
    expect(report.problems).toEqual([]);

    expectChartsDrawn(report.chartCount, { file: "src/flows.md", charts: pageCharts("src/flows.md") });

    // The story's order: the ETF exits first, then the on-chain capitulation; no follow-up section of its own.
    const charts = await page.locator("figure.report-chart").evaluateAll((figures) => figures.map((figure) => figure.getAttribute("data-chart")));
    expect(charts).toEqual(["etf-flows", "ibit-flow-estimate", "realized-loss", "cluster-vs-price", "realized-price", "exchange-flows"]);
    expect(await page.locator('figure[data-chart="follow-up-readings"]').count()).toBe(0);

    // ETF flows: the month's arithmetic in one chart, the computed step drawn apart and labelled computed.
    const etf = page.locator('figure[data-chart="etf-flows"]');
    const etfText = (await etf.locator("svg text").allTextContents()).join(" ");
    for (const figure of ["−$544.9M", "−$434.1M", "−$690M", "+$289M", "computed", "Feb 2–3"]) expect(etfText).toContain(figure);
    expect(await etf.locator("g.etf-flow-reported rect").count()).toBe(3);
    expect(await etf.locator("g.etf-flow-computed rect").count()).toBe(1);
    expect(await etf.textContent()).toContain("Farside Investors");

    // Realized losses: Glassnode's week-5 bound beside the later, undated figures, each labelled with its moment.
    const loss = page.locator('figure[data-chart="realized-loss"]');
    expect(await loss.locator("g.realized-loss rect").count()).toBe(3);
    const lossText = (await loss.locator("svg text").allTextContents()).join(" ");
    for (const figure of ["> $1.26B", "$1.35B", "$770M", "week 5", "date not printed"]) expect(lossText).toContain(figure);

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
    // The one line is the market's hourly price; readings with no time printed span their day, the timed one is a dot.
    expect(await cluster.locator('g[aria-label="line"]').count()).toBe(1);
    expect(await cluster.locator("g.price-reading-day line").count()).toBe(4);
    expect(await cluster.locator("g.price-reading-timed path, g.price-reading-timed circle").count()).toBe(1);

    // The prose places the Stocktwits price on the right side of the band.
    expect(((await page.locator("main").textContent()) ?? "").replace(/\s+/g, " ")).toContain("just above the band");
    await page.context().close();
  });

  test.each([1280, 375])("draws the IBIT estimate and the Coin Metrics series from the extracts at %i px", async (width) => {
    const report = await site.open("flows", { width });
    const { page } = report;
    expect(report.problems).toEqual([]);

    // IBIT: one bar per day with an estimate (a missing estimate stays blank), labelled an estimate,
    // and Farside's two all-ETF days as separate points.
    const ibit = page.locator('figure[data-chart="ibit-flow-estimate"]');
    const estimates = publicRows("ibit-flow-estimate-1d");
    const withEstimate = estimates.filter((row) => row.flow_usd_estimate !== null).length;
    expect(withEstimate).toBeLessThan(estimates.length);
    expect(withEstimate).toBeGreaterThan(30);
    expect(await ibit.locator("g.ibit-flow-estimate rect").count()).toBe(withEstimate);
    expect(await ibit.locator("g.all-etf-reported path, g.all-etf-reported circle").count()).toBe(2);
    const ibitText = await ibit.textContent();
    expect(ibitText).toContain("estimate from shares outstanding, not the issuer's reported flow");
    expect(ibitText).toContain("All US spot Bitcoin ETFs");
    expect(ibitText).toContain("Farside Investors");

    // Realized price: price and realized price, one vertex per day with both inputs; MVRV, a ratio, on a log scale.
    const onchain = onchainDataset();
    const realized = page.locator('figure[data-chart="realized-price"]');
    const priced = onchain.rows.filter((row) => row.realized_price_usd !== null).length;
    expect(priced).toBeGreaterThan(140);
    const priceLines = await realized.locator("g.onchain-price path").evaluateAll((paths) => paths.map((path) => path.getAttribute("d")));
    expect(priceLines.map(vertices)).toEqual([priced, priced]);
    expect(vertices(await realized.locator("g.onchain-mvrv path").getAttribute("d"))).toBe(priced);
    expect(await realized.locator("g.absorption-cluster rect").count()).toBe(0);
    expect(await realized.textContent()).toContain("log scale");
    expect(await realized.locator("figcaption").textContent()).toContain(COIN_METRICS_ATTRIBUTION);

    // Exchange flows: one bar per day with both flows, and the exchange supply line.
    const exchange = page.locator('figure[data-chart="exchange-flows"]');
    const flowDays = onchain.rows.filter((row) => row.exchange_net_flow_btc !== null).length;
    expect(await exchange.locator("g.exchange-net-flow rect").count()).toBe(flowDays);
    expect(vertices(await exchange.locator("g.exchange-supply path").getAttribute("d"))).toBe(onchain.rows.filter((row) => row.exchange_supply_btc !== null).length);
    expect(await exchange.locator("figcaption").textContent()).toContain(COIN_METRICS_ATTRIBUTION);
    await page.context().close();
  });
});
