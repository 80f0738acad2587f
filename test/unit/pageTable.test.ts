import { describe, expect, test } from "vitest";
import type { LoadFigures } from "../../scripts/pageFigures.ts";
import { formatTable } from "../../scripts/pageTable.ts";

const chartPage: LoadFigures = {
  bytes: { html: 9558, js: 223_312, css: 7530, data: 80_310, other: 394 },
  firstPaintSeconds: 0.61,
  textSeconds: 0.612,
  chartSeconds: 2.864,
  liveSeconds: 3.4061,
  layoutShift: 0.0534,
  jsBeforeChartBytes: 223_312
};
const textPage: LoadFigures = { ...chartPage, bytes: { ...chartPage.bytes, js: 27_200 }, chartSeconds: null, liveSeconds: null, layoutShift: 0, jsBeforeChartBytes: null };
const baseline: LoadFigures = { ...chartPage, bytes: { html: 1600, js: 198_000, css: 6100, data: 0, other: 0 }, chartSeconds: 2.03, liveSeconds: null, layoutShift: 0, jsBeforeChartBytes: 198_000 };

const table = formatTable(
  [
    { page: "/derivatives", figures: chartPage, misses: new Set(["chartSeconds", "layoutShift"] as const) },
    { page: "/fact-check", figures: textPage }
  ],
  { page: "baseline", figures: baseline }
);
const lines = table.split("\n");
const cells = (line: string) => line.trim().split(/\s{2,}/);

describe("the figures table", () => {
  test("has a header, one row per page, and the baseline last below a rule", () => {
    expect(cells(lines[0]!)).toEqual(["page", "HTML kB", "JS kB", "CSS kB", "data kB", "paint s", "text s", "chart s", "live s", "CLS", "JS before chart kB"]);
    expect(lines.map((line) => line.split(/\s/)[0])).toEqual(["page", expect.stringMatching(/^-+$/), "/derivatives", "/fact-check", expect.stringMatching(/^-+$/), "baseline"]);
  });

  test("prints kB of 1000 bytes, seconds to the hundredth and layout shift to the thousandth, marking the misses", () => {
    expect(cells(lines[2]!)).toEqual(["/derivatives", "9.6", "223.3", "7.5", "80.3", "0.61", "0.61", "2.86*", "3.41", "0.053*", "223.3"]);
    expect(cells(lines[5]!)).toEqual(["baseline", "1.6", "198.0", "6.1", "0.0", "0.61", "0.61", "2.03", "—", "0.000", "198.0"]);
  });

  test("shows a figure that did not occur as a dash", () => {
    expect(cells(lines[3]!)).toEqual(["/fact-check", "9.6", "27.2", "7.5", "80.3", "0.61", "0.61", "—", "—", "0.000", "—"]);
  });

  test("right-aligns every figure under the end of its heading, a miss mark standing out past it", () => {
    const figureEnds = (line: string) => [...line.matchAll(/\S+(?: \S+)*/g)].slice(1).map((cell) => cell.index + cell[0].replace(/\*$/, "").length);
    for (const line of [lines[2]!, lines[3]!, lines[5]!]) expect(figureEnds(line)).toEqual(figureEnds(lines[0]!));
  });
});
