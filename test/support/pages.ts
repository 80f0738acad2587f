import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import config from "../../observablehq.config.ts";
import { chartsInSource, type ChartCount } from "./chartCalls.ts";
import { projectRoot } from "./tempProject.ts";

export interface SitePage {
  /** Path as the sidebar links it, "/" for the home page. */
  path: string;
  /** Markdown source relative to the project root. */
  file: string;
  /** The charts the page's code draws, counted from its source. */
  charts: ChartCount;
}

interface PageSpec {
  path?: string;
  pages?: PageSpec[];
}

function sidebarPaths(pages: readonly PageSpec[]): string[] {
  return pages.flatMap((page) => [...(page.path ? [page.path] : []), ...sidebarPaths(page.pages ?? [])]);
}

/** The charts a page's source draws (see test/support/chartCalls.ts); `file` is relative to the project root. */
export function pageCharts(file: string, root: string = projectRoot): ChartCount {
  return chartsInSource(readFileSync(join(root, file), "utf8"), file);
}

/** Asserts that the browser found as many charts as the page's source draws. */
export function expectChartsDrawn(chartCount: number, { file, charts }: Pick<SitePage, "file" | "charts">): void {
  const expected = charts.min === charts.max ? `${charts.min}` : `${charts.min} to ${charts.max} (some drawn only when their data is present)`;
  expect(chartCount, `${file} draws ${expected} charts in its code`).toBeGreaterThanOrEqual(charts.min);
  expect(chartCount, `${file} draws ${expected} charts in its code`).toBeLessThanOrEqual(charts.max);
}

/** The home page and every page in the sidebar, in sidebar order. */
export function sitePages(): SitePage[] {
  const paths = [...new Set(["/", ...sidebarPaths(config.pages as PageSpec[])])];
  return paths.map((path) => {
    const file = join("src", path === "/" ? "index.md" : path.endsWith("/") ? `${path}index.md` : `${path}.md`);
    return { path, file, charts: pageCharts(file) };
  });
}
