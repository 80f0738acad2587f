// The cells of a built page that draw one registry chart by name, `chartEmbed("name")` or
// `chartEmbed("name", { …literal options… })`, found in the page's module script as Framework
// writes it, and the slot before each cell's root where the chart drawn at build time goes.

export interface ChartCell {
  /** Framework's cell id: its root in the page is the comment <!--:id:-->. */
  id: string;
  chart: string;
  /** The literal options; undefined when none were given. */
  options: Record<string, unknown> | undefined;
}

// An expression cell as Framework transpiles it, `display(await(\n<expression>\n))`, its expression
// perhaps after comment lines; the options never reach past the cell's end.
const EXPRESSION_CELL = /define\(\{id: "([0-9a-f]{8}(?:-\d+)?)", inputs: \[[^\]]*\], body: async \([^)]*\) => \{\ndisplay\(await\(\n(?:\/\/[^\n]*\n)*chartEmbed\("(\w+)"(?:, ((?:(?!\}\}\);)[^])*?))?\)\n\)\)\n\}\}\);/g;

/**
 * Options written as a JavaScript object of literals, keys perhaps bare names as notes write
 * them; null for anything else (a variable of the page, a call), which only the browser knows.
 */
export function literalOptions(text: string): Record<string, unknown> | null {
  // A string holding "a:" after a comma or brace would be misread here, and then not parse.
  const value = parseJson(text) ?? parseJson(text.replace(/([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":'));
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Every cell of the page that is one chartEmbed call with literal options, or none. A call whose
 * options are code is left to the browser.
 */
export function chartCells(html: string): ChartCell[] {
  return [...html.matchAll(EXPRESSION_CELL)].flatMap(([, id, chart, optionsText]): ChartCell[] => {
    if (optionsText === undefined) return [{ id: id!, chart: chart!, options: undefined }];
    const options = literalOptions(optionsText);
    return options === null ? [] : [{ id: id!, chart: chart!, options }];
  });
}

/**
 * The page with `content` in the cell's loading placeholder. Framework removes that placeholder
 * when the cell first displays, so the live chart takes the static one's place.
 */
export function fillCell(html: string, id: string, content: string): string {
  const placeholder = `<observablehq-loading></observablehq-loading><!--:${id}:-->`;
  const at = html.indexOf(placeholder);
  if (at < 0) throw new Error(`no loading placeholder before the root of cell ${id}`);
  return `${html.slice(0, at)}<observablehq-loading class="chart-static">${content}</observablehq-loading><!--:${id}:-->${html.slice(at + placeholder.length)}`;
}
