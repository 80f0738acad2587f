import { inflateSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { etfFlowsEmbed } from "../../src/components/embeds/etfFlows.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { chartCells, fillCell, literalOptions } from "../../src/lib/prerender/chartCells.ts";
import { staticImports, withModulePreloads } from "../../src/lib/prerender/modulePreloads.ts";
import { encodePng } from "../../src/lib/prerender/png.ts";
import { withServerDom } from "../../src/lib/prerender/serverDom.ts";
import { prefixIds, roundPathData, STATIC_WIDTHS, staticChart } from "../../src/lib/prerender/staticChart.ts";

// Cells as Framework 1.13 writes them into a built page's module script.
const cell = (id: string, expression: string, inputs = '"chartEmbed","display"') =>
  `define({id: "${id}", inputs: [${inputs}], body: async (chartEmbed,display) => {\ndisplay(await(\n${expression}\n))\n}});\n`;
const page = (...cells: string[]) => `<script type="module">\n${cells.join("\n")}</script>\n`;

describe("chartCells", () => {
  test("finds each cell that is one chartEmbed call, with its literal options", () => {
    const html = page(
      cell("0d384fe5", 'chartEmbed("dailyRanges")'),
      cell("aff48d0f", '// From January 1 to the extract\'s last day.\nchartEmbed("exchangeFlows", { "range": ["2026-01-01", "2026-02-23"] })'),
      cell("e940fd37", 'chartEmbed("pricePath", {\n  "range": ["2026-01-25", "2026-02-28"],\n  "labels": { "x": "fell back to" }\n})')
    );
    expect(chartCells(html)).toEqual([
      { id: "0d384fe5", chart: "dailyRanges", options: undefined },
      { id: "aff48d0f", chart: "exchangeFlows", options: { range: ["2026-01-01", "2026-02-23"] } },
      { id: "e940fd37", chart: "pricePath", options: { range: ["2026-01-25", "2026-02-28"], labels: { x: "fell back to" } } }
    ]);
  });

  test("leaves to the browser a call whose options are code, and never reads one cell's options into the next", () => {
    const html = page(cell("11111111", 'chartEmbed("pricePath", { range: pickRange(1) })'), cell("22222222", 'chartEmbed("fearGreed")'), cell("33333333", 'display(chartEmbed("x"))'));
    expect(chartCells(html)).toEqual([{ id: "22222222", chart: "fearGreed", options: undefined }]);
  });

  test("reads options written as JSON or with bare keys, and nothing else", () => {
    expect(literalOptions('{ "range": ["2026-02-01", "2026-02-10"], "labels": { "a": "x, y: z" } }')).toEqual({ range: ["2026-02-01", "2026-02-10"], labels: { a: "x, y: z" } });
    expect(literalOptions('{ range: ["2026-02-01", "2026-02-10"], expanded: true }')).toEqual({ range: ["2026-02-01", "2026-02-10"], expanded: true });
    expect(literalOptions("{ convention }")).toBeNull();
    expect(literalOptions("{ range: pageRange }")).toBeNull();
    expect(literalOptions('["a"]')).toBeNull();
  });
});

describe("fillCell", () => {
  const built = '<div class="observablehq observablehq--block"><observablehq-loading></observablehq-loading><!--:0d384fe5:--></div>';

  test("puts the drawing in the cell's loading placeholder, which Framework removes when the live chart arrives", () => {
    expect(fillCell(built, "0d384fe5", "<figure>chart</figure>")).toBe(
      '<div class="observablehq observablehq--block"><observablehq-loading class="chart-static"><figure>chart</figure></observablehq-loading><!--:0d384fe5:--></div>'
    );
  });

  test("names the cell when its placeholder is not there", () => {
    expect(() => fillCell(built, "22222222", "<figure></figure>")).toThrow("no loading placeholder before the root of cell 22222222");
  });
});

describe("encodePng", () => {
  test("writes a PNG whose header and pixel rows are the ones given", () => {
    const pixels = Uint8Array.from([255, 0, 0, 255, 0, 0, 255, 128]);
    const png = encodePng(2, 1, pixels);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([2, 1, 8, 6]);
    const idat = png.indexOf("IDAT");
    const data = png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4));
    expect([...inflateSync(data)]).toEqual([0, ...pixels]);
  });
});

describe("staticChart", () => {
  const { claims } = loadLedger();
  const draw = () => withServerDom("file:///site/flows", () => staticChart("etfFlows", etfFlowsEmbed, undefined, { claims }, { idPrefix: "s0d384fe5", inNote: false }));

  test("draws the chart at a phone's and a desktop's cell width, each marked for the CSS that picks one", () => {
    const html = draw();
    const variants = [...html.matchAll(/<div data-chart-embed="etfFlows" class="(chart-static-\w+)">/g)].map((match) => match[1]);
    expect(variants).toEqual(["chart-static-narrow", "chart-static-wide"]);
    const widths = [...html.matchAll(/<svg[^>]*class="plot-[^"]*"[^>]*width="(\d+)"/g)].map((match) => Number(match[1]));
    expect(new Set(widths)).toEqual(new Set([STATIC_WIDTHS.narrow, STATIC_WIDTHS.wide]));
  });

  test("keeps each drawing's height at any width", () => {
    const charts = (draw().match(/<svg[^>]*viewBox[^>]*>/g) ?? []).map((tag) => ({ height: /\sheight="(\d+)"/.exec(tag)?.[1], style: /\sstyle="([^"]*)"/.exec(tag)?.[1] }));
    expect(charts.length).toBeGreaterThanOrEqual(2);
    for (const { height, style } of charts) expect(style).toContain(`height: ${height}px`);
  });

  test("leaves no DOM behind in Node", () => {
    draw();
    expect(typeof (globalThis as { document?: unknown }).document).toBe("undefined");
  });
});

describe("prefixIds", () => {
  test("makes a drawing's ids and the references to them its own, and leaves links to the page alone", () => {
    const html = '<svg><clipPath id="plot-clip-1"></clipPath><g clip-path="url(#plot-clip-1)"><use href="#plot-clip-1"></use></g></svg><a href="#skew-sign-conventions">x</a><a href="../sources#claim-a">y</a>';
    expect(prefixIds(html, "s1-wide-")).toBe(
      '<svg><clipPath id="s1-wide-plot-clip-1"></clipPath><g clip-path="url(#s1-wide-plot-clip-1)"><use href="#s1-wide-plot-clip-1"></use></g></svg><a href="#skew-sign-conventions">x</a><a href="../sources#claim-a">y</a>'
    );
  });
});

describe("roundPathData", () => {
  test("writes path coordinates to a tenth of a pixel and leaves every other attribute as it was", () => {
    const svg = '<path d="M12.345,-0.951L100,20.05Z" data-d="1.234"/><text x="1.234">3.14159</text>';
    expect(roundPathData(svg)).toBe('<path d="M12.3,-1.0L100,20.1Z" data-d="1.234"/><text x="1.234">3.14159</text>');
  });
});

describe("module preloads", () => {
  test("reads a built module's static imports, one line or several, and not its dynamic ones", () => {
    const code = 'import { a } from "./a.1.js";\nimport {\n  b,\n  c\n} from "../b.2.js";\nimport "./side.3.js";\nexport { d } from "./d.4.js";\nexport function f({ from, to }) {\n  return import("./lazy.5.js");\n}\nimport * as Plot from "npm:plot";\n';
    expect(staticImports(code)).toEqual(["./a.1.js", "../b.2.js", "./side.3.js", "./d.4.js"]);
  });

  test("adds a link for each module the page does not preload yet, after its own, relative to the page", () => {
    const html = '<head>\n<link rel="modulepreload" href="../_observablehq/client.1.js">\n<link rel="modulepreload" href="../_import/x.2.js">\n</head>';
    expect(withModulePreloads(html, "commentary/note.html", ["_import/x.2.js", "_import/y.3.js"])).toBe(
      '<head>\n<link rel="modulepreload" href="../_observablehq/client.1.js">\n<link rel="modulepreload" href="../_import/x.2.js">\n<link rel="modulepreload" href="../_import/y.3.js">\n</head>'
    );
  });
});
