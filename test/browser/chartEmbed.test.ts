import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { everyChartEmbed } from "../../src/components/embeds/registry.ts";
import { DATA_FILES } from "../../src/components/embeds/spec.ts";
import { EMBEDDABLE_CHART_NAMES } from "../../src/lib/chartNames.ts";
import { useBuiltSite } from "../support/builtSite.ts";
import { EVERY_DEFAULT, EVERY_EXAMPLE, embedNote } from "../support/embedNote.ts";
import { makeTempProject } from "../support/tempProject.ts";

const CHART_EMBEDS = await everyChartEmbed();

// A researcher's notes in a copy of the project: every chart by name, with options and without,
// one bad option, and one chart alone to see what it loads.
const badOption = { chart: "skewReadings", options: { conventions: ["call_minus_put"] } };
const alone = { chart: "pricePath", options: CHART_EMBEDS.pricePath.example };
// A range that ends before the sell-off's difficulty adjustment, with that adjustment left out and then asked for.
const beforeAdjustment = { range: ["2025-10-01", "2026-02-01"] };
const adjustments = [
  { chart: "hashpriceReading", options: beforeAdjustment },
  { chart: "hashpriceReading", options: { ...beforeAdjustment, adjustmentFrom: "2026-02-05" } }
];
const notes: Record<string, string> = {
  "embeds-examples": embedNote("Every chart, with options", EVERY_EXAMPLE),
  "embeds-defaults": embedNote("Every chart as its page draws it", EVERY_DEFAULT),
  "embed-bad-option": embedNote("A bad option", [badOption]),
  "embed-alone": embedNote("One chart", [alone]),
  "embed-adjustment": embedNote("Hashprice before the adjustment", adjustments)
};

/** What an embed shows, read in the page: its marks, and the title, caption and credits a reader sees. */
interface Drawn {
  chart: string;
  marks: number;
  title: string | null;
  /** The caption and data credit of a figure, or the whole text of a table or list. */
  text: string;
  /** The class of the table or list an embed draws when it is not a figure: how to find it on its page. */
  kind: string | null;
}

async function drawnEmbeds(page: import("playwright-core").Page): Promise<Drawn[]> {
  return page.$$eval("[data-chart-embed]", (roots) =>
    roots.map((root) => {
      // Plot draws each mark as a group labelled with its kind; axes, grids and tips are not data.
      const marks =
        [...root.querySelectorAll("svg g[aria-label]")].filter((g) => !/axis|tick|grid|frame|tip/.test(g.getAttribute("aria-label") ?? "")).reduce((n, g) => n + g.childElementCount, 0) +
        root.querySelectorAll("table tbody tr, li").length;
      const figure = root.querySelector("figure.report-chart");
      const drawing = figure ?? root.querySelector("[class]:not(.market-status)");
      const text = (element: Element | null | undefined) => (element as HTMLElement | null)?.innerText.trim() ?? "";
      return {
        chart: (root as HTMLElement).dataset.chartEmbed!,
        marks,
        title: figure ? text(figure.querySelector("h3")) : null,
        text: figure ? [text(figure.querySelector("figcaption")), ...[...figure.querySelectorAll(".data-credit")].map(text)].join("\n") : text(drawing),
        kind: figure ? null : (drawing?.classList[0] ?? null)
      };
    })
  );
}

describe("report charts embedded by name in a note", () => {
  const project = makeTempProject();

  beforeAll(async () => {
    for (const [slug, text] of Object.entries(notes)) writeFileSync(join(project.dir, `src/commentary/${slug}.md`), text);
    await project.build();
  });
  afterAll(() => project.remove());

  const site = useBuiltSite(() => join(project.dir, "dist"));

  test("every chart draws with its example options: marks, no error cell, no console error, no failed or off-site request", async () => {
    const report = await site.open("commentary/embeds-examples");
    const drawn = await drawnEmbeds(report.page);
    const effects = await report.page.evaluate(() => ({
      signals: document.querySelectorAll('[data-chart-embed="signalTurns"] .signal-turns-item').length,
      episodeColumns: document.querySelectorAll('[data-chart-embed="episodeTable"] thead th').length - 1,
      checkedRows: document.querySelectorAll('[data-chart-embed="factCheckTable"] tbody tr').length,
      skewStatus: document.querySelectorAll('[data-chart-embed="skewReadings"] .market-status').length
    }));
    await report.page.context().close();
    expect(report.problems).toEqual([]);
    expect(drawn.map((embed) => embed.chart)).toEqual([...EMBEDDABLE_CHART_NAMES]);
    for (const embed of drawn) expect(embed.marks, `${embed.chart} draws no marks`).toBeGreaterThan(1);
    // The options took effect: as many signals, episodes and checked figures as the examples name.
    expect(effects).toEqual({
      signals: (CHART_EMBEDS.signalTurns.example.signals as string[]).length,
      episodeColumns: (CHART_EMBEDS.episodeTable.example.episodes as string[]).length,
      checkedRows: (CHART_EMBEDS.factCheckTable.example.ids as string[]).length,
      // A note has no page status above it, so the skew chart says itself that this build has no computed RR25.
      skewStatus: 1
    });
  });

  test("every chart left without options has the title, caption and credits it has on its page", async () => {
    const report = await site.open("commentary/embeds-defaults");
    const drawn = await drawnEmbeds(report.page);
    await report.page.context().close();
    expect(report.problems).toEqual([]);
    expect(drawn.map((embed) => embed.chart)).toEqual(EVERY_DEFAULT.map((embed) => embed.chart));
    const pageOf = (embed: Drawn) => CHART_EMBEDS[embed.chart as keyof typeof CHART_EMBEDS].pages[0]!;
    for (const path of new Set(drawn.map(pageOf))) {
      const embeds = drawn.filter((embed) => pageOf(embed) === path);
      const page = await site.open(path);
      const onPage = await page.page.evaluate((wanted) => {
        const text = (element: Element | null | undefined) => (element as HTMLElement | null)?.innerText.trim() ?? "";
        return wanted.map(({ title, kind }) => {
          if (title === null) return text(document.querySelector(`#observablehq-main .${kind}`));
          const figure = [...document.querySelectorAll("figure.report-chart")].find((candidate) => text(candidate.querySelector("h3")) === title);
          return figure ? [text(figure.querySelector("figcaption")), ...[...figure.querySelectorAll(".data-credit")].map(text)].join("\n") : null;
        });
      }, embeds);
      await page.page.context().close();
      embeds.forEach((embed, i) => expect(onPage[i], `${embed.chart} on ${page.url}`).toBe(embed.text));
    }
  });

  test("a bad option fails its cell, naming the chart, the option and the values to use", async () => {
    const report = await site.open("commentary/embed-bad-option");
    await report.page.context().close();
    const message = `ChartEmbedError: chartEmbed("skewReadings"): option "conventions" has "call_minus_put", which is not one of its values; use some of: "rr25", "put_minus_call"`;
    // Framework shows the error in the cell and logs it to the console; nothing else goes wrong.
    expect(report.problems).toContain(`error cell: ${message}`);
    for (const problem of report.problems) expect(problem.replace(/^(error cell|console error): /, "").startsWith(message), problem).toBe(true);
  });

  test("left out, hashprice's adjustment is marked only where the range holds one; asked for, a range without one fails its cell", async () => {
    const report = await site.open("commentary/embed-adjustment");
    const drawn = await report.page.$$eval('[data-chart-embed="hashpriceReading"]', (roots) => roots.map((root) => root.querySelectorAll("g.computed-hashprice circle").length));
    const markers = await report.page.locator("g.adjustment-marker").count();
    await report.page.context().close();
    expect(drawn).toHaveLength(1);
    expect(drawn[0]).toBeGreaterThan(100);
    expect(markers).toBe(0);
    const message = 'ChartEmbedError: chartEmbed("hashpriceReading"): option "adjustmentFrom" finds no difficulty adjustment from 2026-02-05 to the end of the range; use a day up to 2026-01-22';
    expect(report.problems.filter((problem) => problem.startsWith(`error cell: ${message} (adjustments in the range: `))).toHaveLength(1);
    for (const problem of report.problems) expect(problem.replace(/^(error cell|console error): /, "").startsWith(message), problem).toBe(true);
  });

  test("an embed loads only the files its chart needs", async () => {
    const report = await site.open("commentary/embed-alone");
    const files = await report.page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((entry) => /\/_file\/data\/([\w-]+)\.[0-9a-f]+\.json$/.exec(entry.name)?.[1])
        .filter((name) => name !== undefined)
    );
    await report.page.context().close();
    expect(report.problems).toEqual([]);
    expect(files.map((name) => `${name}.json`).sort()).toEqual(CHART_EMBEDS.pricePath.needs.map((key) => DATA_FILES[key]).sort());
  });
});
