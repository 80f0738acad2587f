import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { chartEmbedSpec, everyChartEmbed } from "../../src/components/embeds/registry.ts";
import { dayRange } from "../../src/components/embeds/options.ts";
import { DATA_FILES, type EmbedData } from "../../src/components/embeds/spec.ts";
import { etfFlowClaims } from "../../src/components/etfFlows.ts";
import { EMBEDDABLE_CHART_NAMES } from "../../src/lib/chartNames.ts";
import { NORMALISED_ASSETS } from "../../src/lib/public/crossAssetRows.ts";
import { embedDataInNode } from "../support/embedData.ts";
import { projectRoot } from "../support/tempProject.ts";

const CHART_EMBEDS = await everyChartEmbed();
const specs = Object.entries(CHART_EMBEDS);

describe("the embeddable charts", () => {
  test("each name of chartNames (what the build checks) is drawn by a module of its own, and each chart module has a name", () => {
    expect(Object.keys(CHART_EMBEDS)).toEqual([...EMBEDDABLE_CHART_NAMES]);
    const chartModules = readdirSync(join(projectRoot, "src/components/embeds")).filter((file) => /^export const \w+Embed\b/m.test(readFileSync(join(projectRoot, "src/components/embeds", file), "utf8")));
    expect(chartModules.map((file) => file.replace(/\.ts$/, "")).sort()).toEqual([...EMBEDDABLE_CHART_NAMES].sort());
  });

  test("each says what it draws, the pages that draw it, the files it loads, a docs line per option and an example", () => {
    const pages = ["/", "macro", "liquidations", "flows", "miners", "derivatives", "scorecard", "fact-check", "methodology"];
    for (const [chart, spec] of specs) {
      expect(spec.about, chart).toMatch(/^[A-Z].{30,}\.$/);
      for (const page of spec.pages) expect(pages, chart).toContain(page);
      expect(spec.needs.length, chart).toBeGreaterThan(0);
      for (const [option, doc] of Object.entries(spec.optionDocs)) expect(doc, `${chart}: ${option}`).toMatch(/default/);
      const options = Object.keys(spec.optionDocs);
      expect(Object.keys(spec.example).length > 0, chart).toBe(options.length > 0);
      for (const option of Object.keys(spec.example)) expect(options, chart).toContain(option);
    }
  });

  test("chartEmbed.ts reads each file a chart loads with a literal FileAttachment, and a loader in src/data makes it", () => {
    const source = readFileSync(join(projectRoot, "src/components/chartEmbed.ts"), "utf8");
    const attached = [...source.matchAll(/FileAttachment\("\.\.\/data\/([\w.-]+)"\)/g)].map((match) => match[1]);
    expect(attached.sort()).toEqual(Object.values(DATA_FILES).sort());
    for (const file of attached) expect(existsSync(join(projectRoot, "src/data", `${file}.ts`)), file).toBe(true);
  });

  test("an unknown name is refused with every name a note can use", async () => {
    await expect(chartEmbedSpec("pricepath")).rejects.toThrow(`chartEmbed: no chart named "pricepath"; use one of ${EMBEDDABLE_CHART_NAMES.join(", ")}`);
  });
});

describe("options, read against the data the site is built from", () => {
  let data: EmbedData;
  beforeAll(async () => {
    data = await embedDataInNode();
  }, 120_000);

  const read = (chart: keyof typeof CHART_EMBEDS, options: unknown) => () => CHART_EMBEDS[chart].prepare(chart, data, options);
  const firstAndLast = (days: readonly string[]) => `from ${days.reduce((a, b) => (a < b ? a : b))} to ${days.reduce((a, b) => (a > b ? a : b))}`;

  test("every chart reads its defaults and its example", () => {
    for (const [chart, spec] of specs) {
      expect(() => spec.prepare(chart, data, undefined), chart).not.toThrow();
      expect(() => spec.prepare(chart, data, spec.example), chart).not.toThrow();
    }
  });

  test("each option that takes names lists in its docs line every name the data allow", () => {
    let checked = 0;
    for (const [chart, spec] of specs) {
      for (const [option, doc] of Object.entries(spec.optionDocs)) {
        let message = "";
        try {
          spec.prepare(chart, data, { [option]: ["not a value"] });
        } catch (error) {
          message = (error as Error).message;
        }
        const allowed = /; use (?:some|one) of: (.*)$/.exec(message)?.[1];
        if (allowed === undefined) continue;
        checked += 1;
        for (const value of allowed.split(", ")) expect(doc, `${chart}: ${option}`).toContain(`\`${value}\``);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  test("an unknown option names the chart and lists its options", () => {
    expect(read("pricePath", { rnage: ["2026-02-01", "2026-02-10"] })).toThrow(
      `chartEmbed("pricePath"): no option "rnage"; its options are ${Object.keys(CHART_EMBEDS.pricePath.optionDocs).join(", ")}`
    );
    expect(read("pricePath", "2026-02-01")).toThrow(`chartEmbed("pricePath"): the options must be an object such as {"range":["2026-02-01","2026-02-10"]}`);
  });

  test("a day outside the data names the chart, the option and the data's first and last day", () => {
    expect(read("pricePath", { range: ["2099-01-01", "2099-02-01"] })).toThrow(
      `chartEmbed("pricePath"): option "range" is ["2099-01-01","2099-02-01"], which holds none of the data's days; use two UTC days, ["YYYY-MM-DD", "YYYY-MM-DD"] ("last" for the data's last day), ${firstAndLast(data.price.rows.map((row) => row.time.slice(0, 10)))}`
    );
    expect(read("fearGreed", { events: [{ date: "2024-01-01", label: "before" }] })).toThrow(
      `chartEmbed("fearGreed"): option "events" has "2024-01-01", outside the data; use [{ date: "YYYY-MM-DD", label: "..." }] with days ${firstAndLast(data.fearGreed.rows.map((row) => row.date))}`
    );
    expect(read("putStrikesVsPrice", { lowestFrom: "2030-01-01" })).toThrow(`option "lowestFrom" has "2030-01-01", outside the data; use a UTC day, "YYYY-MM-DD", ${firstAndLast(data.volatility.hourly.map((row) => row.time.slice(0, 10)))}`);
  });

  test("a range may reach past the data, as a build with a shorter snapshot needs", () => {
    const days = data.price.rows.map((row) => row.time.slice(0, 10)).sort();
    expect(read("pricePath", { range: ["2025-01-01", days.at(-1)] })).not.toThrow();
    expect(read("pricePath", { range: [days[0], "2099-01-01"] })).not.toThrow();
  });

  test('a range to "last" ends on the data\'s last day, so it follows the extract when that is re-pinned', () => {
    const days = { from: "2026-01-01", to: "2026-02-23" };
    const range = dayRange<null>("doc", () => days, "all");
    expect(range.read(["2026-01-10", "last"], null)).toEqual({ from: "2026-01-10", to: "2026-02-23" });
    expect(() => range.read(["last", "2026-02-01"], null)).toThrow('has "last", which is not a calendar day');
  });

  test("a day that is not on the calendar, or a range that ends before it starts, is refused", () => {
    expect(read("exchangeFlows", { range: ["2026-02-01", "2026-02-30"] })).toThrow(`chartEmbed("exchangeFlows"): option "range" has "2026-02-30", which is not a calendar day`);
    expect(read("exchangeFlows", { range: ["2026-02-10", "2026-02-01"] })).toThrow(`chartEmbed("exchangeFlows"): option "range" starts after it ends (2026-02-10 is after 2026-02-01); put the earlier day first`);
    expect(read("exchangeFlows", { range: "2026-02-01" })).toThrow(`chartEmbed("exchangeFlows"): option "range" is "2026-02-01", not a first and a last day`);
  });

  test("a ledger id the ledger lacks, or a figure the chart cannot draw, is refused with the ids it can draw", () => {
    const { daily, monthToDate } = etfFlowClaims(data.claims);
    const drawable = data.claims.filter((claim) => [...daily, ...monthToDate].includes(claim)).map((claim) => claim.id);
    expect(drawable.length).toBeGreaterThan(0);
    expect(read("etfFlows", { ids: ["btc-etf-flow-2026-02-31"] })).toThrow(
      `chartEmbed("etfFlows"): option "ids" has "btc-etf-flow-2026-02-31", which is not in the ledger (data/claims.csv); use the id of a reported BTC ETF net flow over one day or month to date: ${drawable.join(", ")}`
    );
    expect(read("etfFlows", { ids: ["btc-low-2026-02-06"] })).toThrow(`option "ids" has "btc-low-2026-02-06" ($60,000), which is not a reported BTC ETF net flow over one day or month to date; use the id of`);
    expect(read("etfFlows", { ids: [] })).toThrow(`chartEmbed("etfFlows"): option "ids" is empty; use the id of`);
    expect(read("etfFlows", { ids: [drawable[0], drawable[0]] })).toThrow(`option "ids" lists "${drawable[0]}" twice; list each figure once`);
  });

  test("a sign convention, market or group that is not one of the chart's lists the ones it takes", () => {
    expect(read("skewReadings", { conventions: ["call_minus_put"] })).toThrow(`chartEmbed("skewReadings"): option "conventions" has "call_minus_put", which is not one of its values; use some of: "rr25", "put_minus_call"`);
    const assets = NORMALISED_ASSETS.filter((asset) => data.crossAsset.normalised.rows.some((row) => row.asset === asset));
    expect(read("normalisedPrices", { assets: ["Oil"] })).toThrow(`option "assets" has "Oil", which is not one of its values; use some of: ${assets.map((asset) => `"${asset}"`).join(", ")}`);
    expect(read("sourceAgreement", { group: "eth" })).toThrow(`option "group" is "eth", which is not one of its values; use one of: ${data.agreement.groups.map((group) => `"${group.id}"`).join(", ")}`);
    expect(read("signalTurns", { expanded: "yes" })).toThrow(`chartEmbed("signalTurns"): option "expanded" is "yes"; use true or false`);
  });
});
