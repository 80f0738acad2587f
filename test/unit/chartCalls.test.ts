import { describe, expect, test } from "vitest";
import { chartsInSource } from "../support/chartCalls.ts";

const imports = [
  'import { pricePath, priceWaypointClaims } from "./components/pricePath.js";',
  'import { etfFlows as flows } from "./components/etfFlows.js";',
  'import { chartEmbed } from "./components/chartEmbed.js";',
  'import { citedFigure } from "./components/citedFigure.js";'
].join("\n");
const pageWith = (...blocks: string[]) => ["---", "title: A page", "---", "", "```js", imports, "```", ...blocks.flatMap((block) => ["", "```js", block, "```"])].join("\n");
const count = (...blocks: string[]) => chartsInSource(pageWith(...blocks), "src/page.md");

describe("chartsInSource", () => {
  test("counts calls of chart components, through resize and renamed imports, and nothing else", () => {
    expect(
      count(
        "display(resize((width) => pricePath(waypoints, {}, { width })));",
        "display(resize((width) => flows(claims, { width })));",
        'display(citedFigure(claimById(claims, "x")));',
        'const waypoints = priceWaypointClaims(claims, "2026-02-04", "2026-02-07");'
      )
    ).toEqual({ min: 2, max: 2 });
  });

  test("counts chartEmbed, which draws through its registry of charts", () => {
    expect(count('display(resize((width) => chartEmbed("etfFlows", claims, ["a"], { width })));')).toEqual({ min: 1, max: 1 });
  });

  test("counts chartEmbed by name: a chart is one, a table or a list drawn by the registry none", () => {
    expect(count('chartEmbed("pricePath")', 'chartEmbed("pricePath", { "range": ["2026-02-01", "2026-02-10"] })', 'chartEmbed("signalTurns", { "expanded": true })')).toEqual({ min: 2, max: 2 });
  });

  test("counts chartEmbed by name as what its registry entry draws: a chart, or nothing for a table", () => {
    expect(count('chartEmbed("linkedPanels", { "range": ["2025-10-01", "2026-02-28"] })', 'chartEmbed("factCheckTable")', 'if (ok) display(await chartEmbed("basisVsNeutral"));')).toEqual({ min: 1, max: 2 });
  });

  test.each([
    ["a name that is not a literal", "chartEmbed(name)", /^src\/page\.md:13: chartEmbed's chart name must be a string literal/],
    ["a name the registry lacks", 'chartEmbed("pricePaths")', /^src\/page\.md:13: chartEmbed\("pricePaths"\) names no chart of src\/lib\/chartNames\.ts/]
  ])("chartEmbed with %s cannot be counted and says so, with the line", (_, block, message) => {
    expect(() => count(block)).toThrow(message);
  });

  test("a chart drawn under a condition widens the range", () => {
    expect(count("if (rows.length > 0) display(resize((width) => flows(claims, { width })));", "display(ok ? pricePath(a, {}, {}) : null);", "display(pricePath(a, {}, {}));")).toEqual({ min: 1, max: 3 });
  });

  test("a block Framework does not run is not counted", () => {
    expect(chartsInSource(`${pageWith()}\n\n\`\`\`js run=false\ndisplay(pricePath(a, {}, {}));\n\`\`\`\n`, "src/page.md")).toEqual({ min: 0, max: 0 });
  });

  test.each([
    ["a loop", "for (const set of sets) display(pricePath(set, {}, {}));"],
    ["a helper function", "const draw = (set) => pricePath(set, {}, {});"]
  ])("a chart drawn in %s cannot be counted and says so, with the line", (_, block) => {
    expect(() => count(block)).toThrow(/^src\/page\.md:13: a chart drawn in a loop or a helper function cannot be counted from the source/);
  });
});
