// What a page's cells display, computed at build time from the built page itself: its module
// script's cells run in Node, with a DOM (serverDom.ts), importing the same built modules and
// reading the same data files the browser would. Only a cell that depends on nothing but the
// committed data is run; anything that reads a control, the cell's width, the clock, the address
// or storage is left to the browser. Node only.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { PageCell } from "./chartCells.ts";
import { withPageDom } from "./serverDom.ts";

type CellBody = (...values: unknown[]) => Promise<unknown>;
const AsyncFunction = (async () => {}).constructor as new (...source: string[]) => CellBody;

// What only the reader's browser knows. A cell taking one of these, or a value of a cell that
// does, shows only in the browser. `Inputs` builds controls; `ResizeObserver` and
// `requestAnimationFrame` draw at a size or a time the build does not know.
const BROWSER_ONLY = new Set(["view", "width", "now", "invalidation", "visibility", "Generators", "Mutable", "Inputs", "dark", "resize", "location", "history", "localStorage", "sessionStorage", "navigator", "matchMedia", "ResizeObserver", "IntersectionObserver", "requestAnimationFrame"]);
// Globals that read the clock or chance, which the inputs list as `Date` and `Math`.
const BROWSER_ONLY_CALLS = /\bDate\.now\(|\bnew Date\(\)|\bMath\.random\(/;

// A cell that waits longer than this for its value waits for the browser (a promise only an event settles).
const CELL_TIMEOUT_MS = 10_000;

/** Framework's standard library as the page's module script imports it, for `registerFile`; none on a page without files. */
async function pageStdlib(html: string, pageUrl: string): Promise<{ registerFile: unknown; FileAttachment: unknown } | undefined> {
  const match = /^import \{registerFile\} from "([^"]+)";$/m.exec(html);
  return match ? import(new URL(match[1]!, pageUrl).href) : undefined;
}

/** The page's file registrations, `registerFile("./data/x.json", {…});`, one a line. */
function registrations(html: string): string {
  return [...html.matchAll(/^registerFile\(.*\);$/gm)].map(([line]) => line).join("\n");
}

/** Reads file: addresses from disk, as a static host would serve them. */
async function fetchFile(input: string | URL | Request): Promise<Response> {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (!url.startsWith("file:")) throw new Error(`a cell fetched ${url} at build time; only the site's own files are read`);
  return new Response(readFileSync(fileURLToPath(url)));
}

function withTimeout<T>(promise: Promise<T>, cell: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`cell ${cell} had no value after ${CELL_TIMEOUT_MS} ms`)), CELL_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The nodes Framework's display() inserts for `values` (client/main.js: displayInline and
 * displayBlock), serialised; null when a block cell displays something other than a node, which
 * the browser shows in its inspector.
 */
function displayedMarkup(values: unknown[], inline: boolean): string | null {
  const container = document.createElement("div");
  const isNode = (value: unknown): value is Node => value instanceof Node;
  for (const value of values) {
    if (isNode(value)) container.append(value);
    else if (!inline) return null;
    else if (typeof value === "string" || !(value as Iterable<unknown> | null | undefined)?.[Symbol.iterator]) container.append(document.createTextNode(value as string));
    else for (const item of value as Iterable<unknown>) container.append(isNode(item) ? item : document.createTextNode(item as string));
  }
  return container.innerHTML;
}

/**
 * The markup each of `targets` displays, by cell id, for the cells of the built page `html` at
 * `pageUrl` (a file: address in the built site) that can be computed from the committed data.
 * A cell that displays nothing maps to ""; one that cannot be computed here is absent.
 */
export async function cellValues(html: string, pageUrl: string, cells: readonly PageCell[], targets: readonly PageCell[]): Promise<Map<string, string>> {
  const definers = new Map(cells.flatMap((cell) => cell.outputs.map((output) => [output, cell] as const)));
  // A cell's imports, relative to the page, go through this module's import(): one in a body
  // built by new Function would not load ES modules under every Node loader.
  const IMPORT = "__importBuilt";
  const importBuilt = (path: string) => import(new URL(path, pageUrl).href);
  const withImports = (body: string) => body.replace(/\bimport\((?="\.{1,2}\/)/g, `${IMPORT}(`);
  const savedFetch = globalThis.fetch;
  globalThis.fetch = fetchFile as typeof fetch;
  try {
    return await withPageDom(pageUrl, html, async () => {
      const stdlib = await pageStdlib(html, pageUrl);
      if (stdlib) new Function("registerFile", registrations(html))(stdlib.registerFile);
      type Display = (value: unknown) => unknown;
      const run = async (cell: PageCell, display: Display): Promise<Record<string, unknown>> => {
        if (BROWSER_ONLY_CALLS.test(cell.body)) throw new Error(`cell ${cell.id} reads the clock or chance`);
        const values = await Promise.all(cell.parameters.map((name) => input(name, display)));
        return ((await withTimeout(new AsyncFunction(IMPORT, ...cell.parameters, withImports(cell.body))(importBuilt, ...values), cell.id)) ?? {}) as Record<string, unknown>;
      };
      // A cell other cells read runs once; what it displays is not this cell's to show.
      const outputs = new Map<PageCell, Promise<Record<string, unknown>>>();
      const outputsOf = (cell: PageCell) => outputs.get(cell) ?? outputs.set(cell, run(cell, (value) => value)).get(cell)!;
      const input = async (name: string, display: Display): Promise<unknown> => {
        if (BROWSER_ONLY.has(name)) throw new Error(`${name} is known only in the browser`);
        if (name === "display") return display;
        if (name === "FileAttachment" && stdlib) return stdlib.FileAttachment;
        const definer = definers.get(name);
        // The runtime hands a cell the settled value of a promise another cell defines.
        if (definer) return await (await outputsOf(definer))[name];
        if (name in globalThis) return (globalThis as Record<string, unknown>)[name];
        if (name in window) return (window as unknown as Record<string, unknown>)[name];
        throw new Error(`${name} is defined nowhere in the page`);
      };
      const markup = new Map<string, string>();
      for (const cell of targets) {
        const displayed: unknown[] = [];
        try {
          await run(cell, (value) => (displayed.push(value), value));
        } catch {
          continue; // left to the browser, which shows the cell's value, or its error, as before
        }
        const shown = displayedMarkup(displayed, cell.mode === "inline");
        if (shown !== null) markup.set(cell.id, shown);
      }
      return markup;
    });
  } finally {
    globalThis.fetch = savedFetch;
  }
}
