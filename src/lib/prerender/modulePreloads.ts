// Preload hints for the chart modules a built page will load. The chart registry imports each
// chart's module when the page first draws it (src/components/embeds/registry.ts), which keeps
// other pages' chart code off the page but hides the modules from Framework's own preload list:
// without hints the browser finds them one import at a time, a round trip each. Node only.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { siteRootFrom } from "../builtPages.ts";

const EMBEDS = "_import/components/embeds";

/** The relative modules a built module imports statically (Framework writes `import … from "…";`). */
export function staticImports(code: string): string[] {
  const specifiers = [...code.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s*"([^"]+)";|^import\s*"([^"]+)";/gm)].map((match) => (match[1] ?? match[2])!);
  return specifiers.filter((specifier) => specifier.startsWith("./") || specifier.startsWith("../"));
}

/** The built module of each chart (dist-relative), as the registry's import() names it. */
function chartModule(dir: string, chart: string): string {
  const pattern = new RegExp(`^${chart}\\.[0-9a-f]{8}\\.js$`);
  const file = readdirSync(path.join(dir, EMBEDS)).find((name) => pattern.test(name));
  if (!file) throw new Error(`${path.join(dir, EMBEDS)}: no built module for the chart ${chart}`);
  return `${EMBEDS}/${file}`;
}

/** The charts' modules and every module they import, directly or not, as dist-relative paths. */
export function chartModuleClosure(dir: string, charts: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (module: string) => {
    if (seen.has(module)) return;
    seen.add(module);
    const file = path.join(dir, module);
    if (!existsSync(file)) throw new Error(`${file}: imported by a chart module but not built`);
    for (const specifier of staticImports(readFileSync(file, "utf8"))) visit(path.posix.join(path.posix.dirname(module), specifier));
  };
  for (const chart of new Set(charts)) visit(chartModule(dir, chart));
  return [...seen];
}

/** The page with a modulepreload link for each of `modules` it does not preload yet, after its own. */
export function withModulePreloads(html: string, pageFile: string, modules: readonly string[]): string {
  const toRoot = siteRootFrom(pageFile);
  const links = modules.map((module) => `<link rel="modulepreload" href="${toRoot}/${module}">`).filter((link) => !html.includes(link));
  const last = html.lastIndexOf('<link rel="modulepreload"');
  if (links.length === 0 || last === -1) return html;
  const at = html.indexOf(">", last) + 1;
  return `${html.slice(0, at)}\n${links.join("\n")}${html.slice(at)}`;
}
