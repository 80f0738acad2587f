// The figures of npm run bench:pages, from what one page load recorded: bytes by kind, the
// moments text and the first chart showed, the layout shift; their medians over several loads;
// and which of them miss issue 13's targets.
import { median } from "./median.ts";

export const RESOURCE_KINDS = ["html", "js", "css", "data", "other"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** One response of a page load, as the DevTools protocol reported it. */
export interface LoadedResource {
  url: string;
  /** The protocol's resource type: "Document", "Script", "Stylesheet", "Fetch"… */
  type: string;
  mimeType: string;
  /** Bytes over the wire: compressed when the server compressed them. */
  encodedBytes: number;
  /** When its last byte arrived, in seconds on the browser's monotonic clock. */
  finishedAt: number;
}

/** What the probe read in the page, in milliseconds since navigation start. */
export interface PageReading {
  firstContentfulPaintMs: number | null;
  /** The first frame in which the first paragraph showed with every value in it. */
  textMs: number | null;
  /** The first frame in which a chart showed with a non-zero size. */
  chartMs: number | null;
  /** Whether that chart came in the page's HTML rather than from a script. */
  chartInHtml: boolean | null;
  /** The first frame in which every chart drawn at build time had given way to its live chart; null when the HTML held none. */
  liveMs: number | null;
  /** Layout shifts without recent input, summed. */
  layoutShift: number;
}

export interface LoadRecord {
  resources: readonly LoadedResource[];
  reading: PageReading;
  /** The page's navigation start, in seconds on the browser's monotonic clock. */
  timeOrigin: number;
}

export interface LoadFigures {
  bytes: Record<ResourceKind, number>;
  /** First contentful paint: anything of the page on screen. */
  firstPaintSeconds: number | null;
  textSeconds: number | null;
  /** Null when no chart showed. */
  chartSeconds: number | null;
  /** Every chart of the HTML live (hover, controls); null when the HTML held none. */
  liveSeconds: number | null;
  layoutShift: number;
  /**
   * JavaScript the first chart waited for: none for a chart in the HTML (scripts that arrived
   * meanwhile did not draw it), else what had arrived when it showed. Null when no chart showed.
   */
  jsBeforeChartBytes: number | null;
}

/** What a response counts as: by the protocol's resource type, else by its MIME type. */
export function resourceKind(type: string, mimeType: string): ResourceKind {
  if (type === "Document") return "html";
  if (type === "Script" || /javascript|ecmascript/.test(mimeType)) return "js";
  if (type === "Stylesheet" || mimeType === "text/css") return "css";
  if (type === "Fetch" || type === "XHR" || /json|csv/.test(mimeType)) return "data";
  return "other";
}

export function bytesByKind(resources: readonly LoadedResource[]): Record<ResourceKind, number> {
  const bytes = Object.fromEntries(RESOURCE_KINDS.map((kind) => [kind, 0])) as Record<ResourceKind, number>;
  for (const resource of resources) bytes[resourceKind(resource.type, resource.mimeType)] += resource.encodedBytes;
  return bytes;
}

/** JavaScript bytes whose last byte had arrived by a moment on the browser's monotonic clock. */
export function jsBytesBy(resources: readonly LoadedResource[], moment: number): number {
  return resources
    .filter((resource) => resourceKind(resource.type, resource.mimeType) === "js" && resource.finishedAt <= moment)
    .reduce((sum, resource) => sum + resource.encodedBytes, 0);
}

/**
 * The page's navigation start on the browser's monotonic clock, from the document response's
 * timing (requestTime in seconds, sendStart in milliseconds after it) and the page's own
 * navigation entry's requestStart (milliseconds after navigation start): both name the moment
 * the request was sent.
 */
export function navigationStart(documentTiming: { requestTime: number; sendStart: number }, requestStartMs: number): number {
  return documentTiming.requestTime + (documentTiming.sendStart - requestStartMs) / 1000;
}

const seconds = (ms: number) => Math.round(ms) / 1000;

/** A probe moment counts from the first paint: content in the HTML shows when the page first paints. */
function paintedSeconds(moment: number | null, firstContentfulPaintMs: number | null): number | null {
  return moment === null ? null : seconds(Math.max(moment, firstContentfulPaintMs ?? 0));
}

export function loadFigures({ resources, reading, timeOrigin }: LoadRecord): LoadFigures {
  const chartSeconds = paintedSeconds(reading.chartMs, reading.firstContentfulPaintMs);
  return {
    bytes: bytesByKind(resources),
    firstPaintSeconds: reading.firstContentfulPaintMs === null ? null : seconds(reading.firstContentfulPaintMs),
    textSeconds: paintedSeconds(reading.textMs, reading.firstContentfulPaintMs),
    chartSeconds,
    liveSeconds: paintedSeconds(reading.liveMs, reading.firstContentfulPaintMs),
    layoutShift: reading.layoutShift,
    jsBeforeChartBytes: chartSeconds === null ? null : reading.chartInHtml ? 0 : jsBytesBy(resources, timeOrigin + chartSeconds)
  };
}

/** The median, where a missing value (nothing showed) counts as later than any; null when the median is missing. */
export function medianOrNull(values: readonly (number | null)[]): number | null {
  const result = median(values.map((value) => value ?? Infinity));
  return Number.isFinite(result) ? result : null;
}

/** Each figure's median over the loads, figure by figure. */
export function medianFigures(loads: readonly LoadFigures[]): LoadFigures {
  return {
    bytes: Object.fromEntries(RESOURCE_KINDS.map((kind) => [kind, median(loads.map((load) => load.bytes[kind]))])) as Record<ResourceKind, number>,
    firstPaintSeconds: medianOrNull(loads.map((load) => load.firstPaintSeconds)),
    textSeconds: medianOrNull(loads.map((load) => load.textSeconds)),
    chartSeconds: medianOrNull(loads.map((load) => load.chartSeconds)),
    liveSeconds: medianOrNull(loads.map((load) => load.liveSeconds)),
    layoutShift: median(loads.map((load) => load.layoutShift)),
    jsBeforeChartBytes: medianOrNull(loads.map((load) => load.jsBeforeChartBytes))
  };
}

/** Issue 13's targets for the phone profile. */
export const TARGETS = { chartSeconds: 1.2, layoutShift: 0.05 } as const;

export type TargetFigure = "chartSeconds" | "jsBeforeChartBytes" | "js" | "layoutShift";

/**
 * The figures of a page that miss a target: on a page with a chart, the first chart shows no
 * later than the text and within 1.2 s, with no JavaScript before it, and the page ships less
 * JavaScript than the bare-Framework baseline; on every page, layout shift below 0.05.
 */
export function targetMisses(page: LoadFigures, baseline: LoadFigures): Set<TargetFigure> {
  const misses = new Set<TargetFigure>();
  if (page.layoutShift >= TARGETS.layoutShift) misses.add("layoutShift");
  if (page.chartSeconds === null) return misses;
  if (page.chartSeconds > TARGETS.chartSeconds || (page.textSeconds !== null && page.chartSeconds > page.textSeconds)) misses.add("chartSeconds");
  if ((page.jsBeforeChartBytes ?? 0) > 0) misses.add("jsBeforeChartBytes");
  if (page.bytes.js >= baseline.bytes.js) misses.add("js");
  return misses;
}
