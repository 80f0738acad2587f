import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { EMBEDDABLE_CHART_NAMES } from "../../src/lib/chartNames.ts";
import { formatClaimValue } from "../../src/lib/claims.ts";
import { loadCommentary } from "../../src/lib/commentary.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { useBuiltSite } from "../support/builtSite.ts";
import { expectChartsDrawn, pageCharts } from "../support/pages.ts";
import { makeTempProject, projectRoot } from "../support/tempProject.ts";
import { treeDigest } from "../support/treeDigest.ts";

const { claims } = loadLedger();
const claim = (id: string) => claims.find((candidate) => candidate.id === id)!;

// A researcher drops a file with only the four required fields into src/commentary/ and builds.
const minimalNote = `---
title: A note added in the test
author: Test Researcher
date: 2099-01-01
summary: Only the four required fields.
---

# A note added in the test

Prose only: no code, no charts, no figures.
`;

// A second note embeds charts by name, limited to the claims it names.
const embeds: [string, string[]][] = [
  ["priceWaypoints", ["btc-open-2026-02-05", "btc-low-2026-02-06"]],
  ["etfFlows", ["btc-etf-flow-2026-02-04", "btc-etf-flow-2026-02-05"]],
  ["skewReadings", ["btc-risk-reversal-2026-02-05", "btc-skew-2026-02-06-rally-71k", "btc-skew-fear-line-rally-71k"]],
  ["longShortRatios", ["btc-long-short-ratio-all-ambcrypto", "btc-long-short-ratio-binance-okx-ambcrypto"]]
];
const embedsNote = `---
title: A note that embeds charts
author: Test Researcher
date: 2098-01-01
summary: Four charts, each drawn from the claims it names.
---

# A note that embeds charts

\`\`\`js
import { chartEmbed } from "../components/chartEmbed.js";
const claims = FileAttachment("../data/claims.json").json();
\`\`\`
${embeds.map(([name, ids]) => `\n\`\`\`js\ndisplay(resize((width) => chartEmbed("${name}", claims, ${JSON.stringify(ids)}, { width })));\n\`\`\`\n`).join("")}`;

// The walkthrough's example note in docs/authoring.md, published as written.
const walkthrough = /<!-- example note: (src\/commentary\/[\w-]+\.md) -->\n````md\n([\s\S]*?)\n````/.exec(readFileSync(join(projectRoot, "docs/authoring.md"), "utf8"));

/** Claim ids a caption's links point to: "#claim-<id>", or "?figures=<id>,<id>#claim-<id>" for several. */
const linkedIds = (hrefs: (string | null)[]) =>
  hrefs.flatMap((href) => {
    const figures = /[?&]figures=([^#&]+)/.exec(href ?? "")?.[1];
    if (figures) return decodeURIComponent(figures).split(",");
    const id = /#claim-(.+)$/.exec(href ?? "")?.[1];
    return id ? [id] : [];
  });

describe("a note with only title, author, date and summary, dropped into a copy of the project", () => {
  const project = makeTempProject();

  beforeAll(async () => {
    writeFileSync(join(project.dir, "src/commentary/added-in-test.md"), minimalNote);
    writeFileSync(join(project.dir, "src/commentary/embeds-in-test.md"), embedsNote);
    writeFileSync(join(project.dir, walkthrough![1]!), walkthrough![2]!);
    await project.build();
  });
  afterAll(() => project.remove());

  const site = useBuiltSite(() => join(project.dir, "dist"));
  // The order the sidebar and the overview must follow: every note in the copy, newest first.
  const expectedOrder = () => loadCommentary(join(project.dir, "src/commentary"), {}).map((entry) => entry.title);

  test("appears in the sidebar under Commentary, newest first", async () => {
    const report = await site.open("scorecard");
    const section = report.page.locator("#observablehq-sidebar details", { has: report.page.locator("summary", { hasText: "Commentary" }) });
    const links = await section.locator("a").allInnerTexts();
    await report.page.context().close();
    expect(links).toEqual(expectedOrder());
    expect(links).toContain("A note added in the test");
  });

  test("is listed on the overview with author, date and summary, linking to its page", async () => {
    const report = await site.open("/");
    const items = report.page.locator(".commentary-list li");
    const titles = await items.locator("a").allInnerTexts();
    const item = items.filter({ hasText: "A note added in the test" });
    const text = await item.innerText();
    const href = await item.locator("a").getAttribute("href");
    await report.page.context().close();
    expect(report.problems).toEqual([]);
    expect(titles).toEqual(expectedOrder());
    expect(text).toContain("Test Researcher · 2099-01-01");
    expect(text).toContain("Only the four required fields.");
    expect(href).toBe("./commentary/added-in-test");
  });

  test("is its own page, with no error cell and no console error", async () => {
    const report = await site.open("commentary/added-in-test");
    const heading = await report.page.locator("#observablehq-main h1").innerText();
    const byline = await report.page.locator("#observablehq-main h1 + .commentary-byline").innerText();
    const discussed = await report.page.locator(".commentary-discussed").count();
    await report.page.context().close();
    expect(report.problems).toEqual([]);
    expect(heading).toBe("A note added in the test");
    expect(byline).toBe("Test Researcher · 2099-01-01");
    expect(discussed).toBe(0);
    expectChartsDrawn(report.chartCount, { file: "src/commentary/added-in-test.md", charts: pageCharts("src/commentary/added-in-test.md", project.dir) });
  });

  test("a note's embedded charts each draw only the claims it names", async () => {
    const report = await site.open("commentary/embeds-in-test");
    const figures = report.page.locator("figure.report-chart");
    const linked: string[][] = [];
    for (let i = 0; i < embeds.length; i++) linked.push(linkedIds(await figures.nth(i).locator("figcaption a").evaluateAll((links) => links.map((link) => link.getAttribute("href")))));
    await report.page.context().close();
    expect(report.problems).toEqual([]);
    expectChartsDrawn(report.chartCount, { file: "src/commentary/embeds-in-test.md", charts: pageCharts("src/commentary/embeds-in-test.md", project.dir) });
    // Each caption links only claims the embed named (a chart may leave out one it cannot show).
    embeds.forEach(([name, ids], i) => {
      expect(linked[i]!.length, name).toBeGreaterThan(0);
      for (const id of linked[i]!) expect(ids, name).toContain(id);
    });
  });
  test("the walkthrough's example note publishes as written: its cited figures, its chart and what it discusses", async () => {
    expect(walkthrough).not.toBeNull();
    const [file, source] = [walkthrough![1]!, walkthrough![2]!];
    const slug = file.replace(/^src\/commentary\/|\.md$/g, "");
    const [entry] = loadCommentary(join(project.dir, "src/commentary")).filter((candidate) => candidate.slug === slug);
    const cited = [...source.matchAll(/figure\("([^"]+)"\)/g)].map((match) => match[1]!);
    const report = await site.open(`commentary/${slug}`);
    const prose = await report.page.locator("#observablehq-main p a.cited-figure").evaluateAll((links) => links.map((link) => ({ href: link.getAttribute("href"), text: link.textContent })));
    const discussed = await report.page.locator(".commentary-figures a").allInnerTexts();
    await report.page.context().close();
    expect(report.problems).toEqual([]);
    expectChartsDrawn(report.chartCount, { file, charts: pageCharts(file, project.dir) });
    expect(report.chartCount).toBeGreaterThan(0);
    expect(cited.length).toBeGreaterThan(0);
    expect(prose.map((link) => link.text)).toEqual(cited.map((id) => formatClaimValue(claim(id))));
    for (const [i, link] of prose.entries()) expect(link.href).toMatch(new RegExp(`sources#claim-${cited[i]}$`));
    expect(discussed).toEqual(entry!.figures.map((id) => formatClaimValue(claim(id))));
    // Its chart cell holds only the call, so the build drew it into the page.
    const built = readFileSync(join(project.dir, "dist/commentary", `${slug}.html`), "utf8");
    expect(built).toMatch(/<observablehq-loading class="chart-static"><div data-chart-embed="etfFlows"/);
  });
});

describe("the open interest commentary", () => {
  const site = useBuiltSite();
  const file = "src/commentary/open-interest-price-not-deleveraging.md";
  const [entry] = loadCommentary().filter((candidate) => candidate.slug === "open-interest-price-not-deleveraging");

  test("draws its chart and sends the reader to the open-interest scopes on the Liquidations page", async () => {
    const report = await site.open("commentary/open-interest-price-not-deleveraging");
    try {
      expect(report.problems).toEqual([]);
      expectChartsDrawn(report.chartCount, { file, charts: pageCharts(file) });
      const hrefs = await report.page.locator("#observablehq-main a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
      expect(hrefs).toContain("../liquidations#open-interest-scopes");
      const text = (await report.page.locator("#observablehq-main").textContent()) ?? "";
      // 001 and 002 are one story published twice: never "two reports" or "both pieces".
      expect(text).not.toMatch(/two (reports|rewrites|pieces)|both (pieces|reports)/i);
    } finally {
      await report.page.context().close();
    }
  });

  test("lists its tags, and the figures and charts it discusses in words, each figure linked to its sources entry", async () => {
    expect(entry!.tags.length + entry!.figures.length + entry!.charts.length).toBeGreaterThan(0);
    const report = await site.open("commentary/open-interest-price-not-deleveraging");
    const discussed = report.page.locator("#observablehq-main .commentary-discussed");
    const tags = await discussed.locator(".commentary-tag").allInnerTexts();
    const figures = await discussed.locator(".commentary-figures a").evaluateAll((links) => links.map((link) => ({ href: link.getAttribute("href"), text: link.textContent })));
    const charts = await discussed.locator(".commentary-charts li").allInnerTexts();
    const text = await discussed.innerText();
    await report.page.context().close();
    expect(report.problems).toEqual([]);
    expect(tags).toEqual(entry!.tags);
    expect(figures).toEqual(entry!.figures.map((id) => ({ href: `../sources#claim-${id}`, text: formatClaimValue(claim(id)) })));
    for (const id of entry!.figures) expect(text).toContain(`“${claim(id).quote}”`);
    expect(charts).toHaveLength(entry!.charts.length);
    // In words: no claim id or chart name reaches the reader.
    for (const id of entry!.figures) expect(text).not.toContain(id);
    for (const name of EMBEDDABLE_CHART_NAMES) expect(text).not.toContain(name);
  });
});

// Every front-matter error has its unit test (test/unit/commentary.test.ts); these run the build.
describe("a commentary file the build refuses", () => {
  test.each([
    ["a file name a web address cannot carry", "what now?.md", minimalNote, /src\/commentary\/what now\?\.md:1:1: the file name "what now\?" has characters a web address cannot carry .*rename the file .* src\/commentary\/what-now\.md/],
    ["an unknown chart", "unknown-chart.md", embedsNote.replace('chartEmbed("etfFlows"', 'chartEmbed("etfFlow"'), /src\/commentary\/unknown-chart\.md:\d+:\d+: chartEmbed: no chart named "etfFlow"; did you mean "etfFlows"\?/]
  ])("%s stops the build with file, line and fix, and leaves dist/ as it was", async (_, name, source, message) => {
    const project = makeTempProject();
    try {
      // A previous good build, stood in for by two files.
      mkdirSync(join(project.dir, "dist/commentary"), { recursive: true });
      writeFileSync(join(project.dir, "dist/index.html"), "<p>the previous build</p>");
      writeFileSync(join(project.dir, "dist/commentary/open-interest-price-not-deleveraging.html"), "<p>a note</p>");
      const before = treeDigest(join(project.dir, "dist"));
      writeFileSync(join(project.dir, "src/commentary", name), source);
      const failure = await project.build().then(
        () => null,
        (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code, output: `${error.stdout ?? ""}${error.stderr ?? ""}` })
      );
      expect(failure).not.toBeNull();
      expect(failure!.code).not.toBe(0);
      expect(failure!.output).toMatch(message);
      expect(treeDigest(join(project.dir, "dist"))).toEqual(before);
    } finally {
      project.remove();
    }
  });
});
