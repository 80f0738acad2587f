// The cells of a built page, found in the page's module script as Framework writes it, and the
// slot before each cell's root where what is drawn at build time goes. Among them, the cells that
// draw one registry chart by name, `chartEmbed("name")` or `chartEmbed("name", { …literal options… })`.

/** A cell as Framework defines it: `define({id, mode, inputs, outputs, body})`. */
export interface PageCell {
  /** Framework's cell id: its root in the page is the comment <!--:id:-->. */
  id: string;
  /** "inline" for a `${…}` in prose, undefined for a block cell. */
  mode: string | undefined;
  inputs: string[];
  outputs: string[];
  /** The names the body takes, in order (its inputs). */
  parameters: string[];
  /** The body's statements. */
  body: string;
}

export interface ChartCell {
  id: string;
  chart: string;
  /** The literal options; undefined when none were given. */
  options: Record<string, unknown> | undefined;
}

// A cell's body ends at the first line that closes it; a generator cell (`async function*`) is
// not matched: it yields values over time, which only the browser can show.
const CELL = /define\(\{id: "([0-9a-f]{8}(?:-\d+)?)",(?: mode: "(\w+)",)?(?: inputs: \[([^\]]*)\],)?(?: outputs: \[([^\]]*)\],)? body: (?:async )?\(([^)]*)\) => \{\n([^]*?)\n\}\}\);/g;

const names = (list: string | undefined): string[] => (list ? [...list.matchAll(/"([^"]+)"/g)].map((match) => match[1]!) : []);

/** Every cell of the page's module script whose body is a function. */
export function pageCells(html: string): PageCell[] {
  return [...html.matchAll(CELL)].map(([, id, mode, inputs, outputs, parameters, body]) => ({
    id: id!,
    mode,
    inputs: names(inputs),
    outputs: names(outputs),
    parameters: parameters!.split(",").filter(Boolean),
    body: body!
  }));
}

// An expression cell as Framework transpiles it, `display(await(\n<expression>\n))`, its expression
// perhaps after comment lines.
const CHART_EXPRESSION = /^display\(await\(\n(?:\/\/[^\n]*\n)*chartEmbed\("(\w+)"(?:, ([^]*?))?\)\n\)\)$/;

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
 * Every block cell of the page that is one chartEmbed call with literal options, or none. A call
 * whose options are code is left to the browser.
 */
export function chartCells(html: string): ChartCell[] {
  return pageCells(html).flatMap(({ id, mode, body }): ChartCell[] => {
    const match = mode === undefined ? CHART_EXPRESSION.exec(body) : null;
    if (!match) return [];
    const [, chart, optionsText] = match;
    if (optionsText === undefined) return [{ id, chart: chart!, options: undefined }];
    const options = literalOptions(optionsText);
    return options === null ? [] : [{ id, chart: chart!, options }];
  });
}

/** Whether the cell's root in the page has nothing before it yet: an empty loading placeholder, or none. */
export function cellIsEmpty(html: string, id: string): boolean {
  return !html.includes(`</observablehq-loading><!--:${id}:-->`) || html.includes(`<observablehq-loading></observablehq-loading><!--:${id}:-->`);
}

/**
 * The page with `content` in the cell's loading placeholder, marked with `kind` (a class of
 * src/style.css). Framework removes that placeholder when the cell first displays, so the live
 * value takes the static one's place. A statement cell has no placeholder in the page; one put
 * just before its root is removed the same way.
 */
export function fillCell(html: string, id: string, content: string, kind = "chart-static"): string {
  const root = `<!--:${id}:-->`;
  const placeholder = `<observablehq-loading></observablehq-loading>${root}`;
  const filled = `<observablehq-loading class="${kind}">${content}</observablehq-loading>${root}`;
  if (html.includes(placeholder)) return html.replace(placeholder, () => filled);
  if (kind !== "chart-static" && html.includes(root) && cellIsEmpty(html, id)) return html.replace(root, () => filled);
  throw new Error(`no loading placeholder before the root of cell ${id}`);
}
