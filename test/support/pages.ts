import { readFileSync } from "node:fs";
import { join } from "node:path";
import config from "../../observablehq.config.ts";
import { projectRoot } from "./tempProject.ts";

export interface SitePage {
  /** Path as the sidebar links it, "/" for the home page. */
  path: string;
  /** Markdown source relative to the project root. */
  file: string;
  /** The `charts` count the page declares in its front matter. */
  expectedCharts: number;
}

interface PageSpec {
  path?: string;
  pages?: PageSpec[];
}

function sidebarPaths(pages: readonly PageSpec[]): string[] {
  return pages.flatMap((page) => [...(page.path ? [page.path] : []), ...sidebarPaths(page.pages ?? [])]);
}

/** Reads `charts: N` from a page's front matter; a page that omits it fails loudly. */
export function declaredChartCount(markdown: string, file: string): number {
  const frontMatter = /^---\n([\s\S]*?)\n---/.exec(markdown)?.[1] ?? "";
  const count = /^charts:\s*(\d+)\s*$/m.exec(frontMatter)?.[1];
  if (count === undefined) throw new Error(`${file}: front matter must declare "charts: N" (the number of charts the page draws)`);
  return Number(count);
}

/** The home page and every page in the sidebar, in sidebar order. */
export function sitePages(): SitePage[] {
  const paths = [...new Set(["/", ...sidebarPaths(config.pages as PageSpec[])])];
  return paths.map((path) => {
    const file = join("src", path === "/" ? "index.md" : path.endsWith("/") ? `${path}index.md` : `${path}.md`);
    return { path, file, expectedCharts: declaredChartCount(readFileSync(join(projectRoot, file), "utf8"), file) };
  });
}
