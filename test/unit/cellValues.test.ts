import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { cellValues } from "../../src/lib/prerender/cellValues.ts";
import { cellIsEmpty, fillCell, pageCells } from "../../src/lib/prerender/chartCells.ts";

// A built page as Framework 1.13 writes it: roots in the HTML, cells in the module script.
const define = (id: string, inputs: string[], body: string, { mode, outputs = [] }: { mode?: string; outputs?: string[] } = {}) =>
  `define({id: "${id}",${mode ? ` mode: "${mode}",` : ""}${inputs.length ? ` inputs: [${inputs.map((name) => JSON.stringify(name)).join(",")}],` : ""}${outputs.length ? ` outputs: [${outputs.map((name) => JSON.stringify(name)).join(",")}],` : ""} body: async (${inputs.join(",")}) => {\n${body}\n}});\n`;

const cells = [
  define("00000001", [], 'const [{label}] = await Promise.all([import("./_import/label.js")]);\nconst total = Promise.resolve(1250);\nreturn {label,total};', { outputs: ["label", "total"] }),
  define("00000002", ["label", "total", "display"], "display(await(\nlabel(total)\n))", { mode: "inline" }),
  define("00000003", ["total", "display"], 'const note = document.createElement("p");\nnote.className = "note";\nnote.textContent = `${total} in all`;\ndisplay(note);'),
  define("00000004", ["location", "display"], "display(await(\nlocation.search\n))", { mode: "inline" }),
  define("00000005", ["view", "display"], 'const pick = view(document.createElement("input"));', { outputs: ["pick"] }),
  define("00000006", ["pick", "display"], "display(await(\npick\n))", { mode: "inline" }),
  define("00000007", ["total", "display"], "display({ total });"),
  define("00000008", ["total", "display"], "if (total < 0) display(total);"),
  define("00000009", ["Date", "display"], "display(await(\nnew Date().getFullYear()\n))", { mode: "inline" })
];
const html = `<!DOCTYPE html><html><body><main id="observablehq-main">
<p>Sold <observablehq-loading></observablehq-loading><!--:00000002:--> coins.</p>
<div class="observablehq observablehq--block"><!--:00000003:--></div>
<p><observablehq-loading></observablehq-loading><!--:00000004:--> <observablehq-loading></observablehq-loading><!--:00000006:--> <observablehq-loading></observablehq-loading><!--:00000009:--></p>
<div class="observablehq observablehq--block"><!--:00000007:--></div>
<div class="observablehq observablehq--block"><!--:00000008:--></div>
</main>
<script type="module">
import {define} from "./_observablehq/client.js";
${cells.join("\n")}</script></body></html>`;

const site = mkdtempSync(join(tmpdir(), "cell-values-"));
mkdirSync(join(site, "_import"));
writeFileSync(join(site, "_import/label.js"), 'export const label = (n) => { const a = document.createElement("a"); a.href = "./sources#total"; a.textContent = n.toLocaleString("en-US"); return a; };\n');
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe("pageCells", () => {
  test("reads every cell, with or without inputs, outputs and a mode", () => {
    const found = pageCells(html);
    expect(found.map(({ id }) => id)).toEqual(["00000001", "00000002", "00000003", "00000004", "00000005", "00000006", "00000007", "00000008", "00000009"]);
    expect(found[0]).toMatchObject({ mode: undefined, inputs: [], outputs: ["label", "total"], parameters: [] });
    expect(found[1]).toMatchObject({ mode: "inline", inputs: ["label", "total", "display"], parameters: ["label", "total", "display"], body: "display(await(\nlabel(total)\n))" });
  });
});

describe("cellValues", () => {
  test("computes what each cell displays from the page's own modules, and leaves to the browser what only it knows", async () => {
    const found = pageCells(html);
    const values = await cellValues(html, pathToFileURL(join(site, "page")).href, found, found.filter((cell) => cell.inputs.includes("display")));
    expect(Object.fromEntries(values)).toEqual({
      "00000002": '<a href="./sources#total">1,250</a>',
      "00000003": '<p class="note">1250 in all</p>',
      "00000008": ""
    });
  });
});

describe("fillCell", () => {
  test("gives a statement cell, which has no placeholder, one before its root, which Framework removes the same way", () => {
    const block = '<div class="observablehq observablehq--block"><!--:00000003:--></div>';
    expect(cellIsEmpty(block, "00000003")).toBe(true);
    const filled = fillCell(block, "00000003", "<p>1250 in all</p>", "cell-static");
    expect(filled).toBe('<div class="observablehq observablehq--block"><observablehq-loading class="cell-static"><p>1250 in all</p></observablehq-loading><!--:00000003:--></div>');
    expect(cellIsEmpty(filled, "00000003")).toBe(false);
    expect(() => fillCell(filled, "00000003", "<p>again</p>", "cell-static")).toThrow("no loading placeholder before the root of cell 00000003");
  });
});
