// One registry chart drawn at build time, as the markup its cell shows before the page's
// JavaScript runs. Drawn at two widths, the cell's width on a phone and on a desktop (CSS in
// src/style.css picks one by the cell's own width), by the same code that draws it live.
import { embedRoot, TABLE_WIDTH } from "../../components/embeds/embedRoot.ts";
import type { ChartEmbedSpec, EmbedData } from "../../components/embeds/spec.ts";

/** A cell's width at 375 px (a phone) and at 1280 px, in Framework's default layout. */
export const STATIC_WIDTHS = { narrow: 311, wide: 704 } as const;

/**
 * The chart in a live chart's container. Each SVG keeps its drawn height at any width: shrunk
 * into a narrower cell it scales down inside that height, so the page below does not move when
 * the live chart, redrawn at the cell's width and that same height, takes its place.
 */
function staticBody(drawn: HTMLElement): HTMLElement {
  for (const svg of drawn.querySelectorAll("svg[viewBox][height]")) {
    svg.setAttribute("preserveAspectRatio", "xMinYMin meet");
    (svg as SVGElement).style.height = `${svg.getAttribute("height")}px`;
  }
  const container = document.createElement("div");
  container.style.position = "relative"; // as Framework's resize() draws it
  container.append(drawn);
  return container;
}

/**
 * Path coordinates to a tenth of a pixel, finer than a 2x screen shows. Plot writes three
 * decimals, and the hourly series' paths were two thirds of the pages' HTML.
 */
export function roundPathData(html: string): string {
  return html.replace(/(\sd=")([^"]*)"/g, (_, attribute: string, path: string) => `${attribute}${path.replace(/\d+\.\d{2,}/g, (x) => Number(x).toFixed(1))}"`);
}

/**
 * Ids made unique to one drawing (Plot numbers its clip paths from 1 in every drawing), with
 * the references to them; links to anything else keep their targets.
 */
export function prefixIds(html: string, prefix: string): string {
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!));
  if (ids.size === 0) return html;
  const local = (id: string) => ids.has(id);
  return html
    .replace(/(\sid=")([^"]+)"/g, (_, attribute: string, id: string) => `${attribute}${prefix}${id}"`)
    .replace(/url\(#([^)]+)\)/g, (whole, id: string) => (local(id) ? `url(#${prefix}${id})` : whole))
    .replace(/(href=")#([^"]+)"/g, (whole, attribute: string, id: string) => (local(id) ? `${attribute}#${prefix}${id}"` : whole));
}

/**
 * The static markup of `chart` (drawn by `spec`) with `options`, drawn with a DOM in place
 * (withServerDom). A table keeps its own width and is drawn once; a chart is drawn at both widths.
 */
export function staticChart(chart: string, spec: ChartEmbedSpec, options: Record<string, unknown> | undefined, data: Partial<EmbedData>, { idPrefix, inNote }: { idPrefix: string; inNote: boolean }): string {
  const draw = spec.prepare(chart, data, options);
  if (spec.fixedWidth) return roundPathData(prefixIds(embedRoot(chart, spec, data, draw(TABLE_WIDTH), inNote).outerHTML, `${idPrefix}-`));
  return (Object.keys(STATIC_WIDTHS) as (keyof typeof STATIC_WIDTHS)[])
    .map((variant) => {
      const root = embedRoot(chart, spec, data, staticBody(draw(STATIC_WIDTHS[variant])), inNote);
      root.classList.add(`chart-static-${variant}`);
      return roundPathData(prefixIds(root.outerHTML, `${idPrefix}-${variant}-`));
    })
    .join("");
}
