import { describe, expect, test } from "vitest";
import { median } from "../../scripts/median.ts";
import {
  bytesByKind,
  jsBytesBy,
  loadFigures,
  medianFigures,
  medianOrNull,
  navigationStart,
  resourceKind,
  targetMisses,
  type LoadedResource,
  type LoadFigures
} from "../../scripts/pageFigures.ts";

const resource = (type: string, mimeType: string, encodedBytes: number, finishedAt = 0): LoadedResource => ({
  url: `http://127.0.0.1/${type}`,
  type,
  mimeType,
  encodedBytes,
  finishedAt
});

/** A page load of a Framework page: its HTML, two modules, the stylesheet, a data file, the icon. */
const pageLoad = [
  resource("Document", "text/html", 8000, 100.2),
  resource("Script", "text/javascript", 5000, 100.5),
  resource("Script", "text/javascript", 70000, 101.8),
  resource("Stylesheet", "text/css", 7500, 100.4),
  resource("Fetch", "application/json", 17000, 102.1),
  resource("Other", "image/svg+xml", 400, 101.9)
];

const figures = (overrides: Partial<LoadFigures> = {}): LoadFigures => ({
  bytes: { html: 8000, js: 100_000, css: 7500, data: 17000, other: 0 },
  firstPaintSeconds: 0.6,
  textSeconds: 0.7,
  chartSeconds: 0.7,
  liveSeconds: 1.5,
  layoutShift: 0,
  jsBeforeChartBytes: 0,
  ...overrides
});

describe("median", () => {
  test("is the middle value whatever the order, and the mean of the two middle ones for an even count", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([10, 1, 4, 2])).toBe(3);
    expect(median([5])).toBe(5);
  });

  test("counts a missing value as later than any, and is missing when most are", () => {
    expect(medianOrNull([2.1, null, 1.9])).toBe(2.1);
    expect(medianOrNull([null, 1.9, null])).toBeNull();
  });
});

describe("byte accounting", () => {
  test("a response counts by the browser's resource type, else by its MIME type", () => {
    expect(resourceKind("Document", "text/html")).toBe("html");
    expect(resourceKind("Script", "text/javascript")).toBe("js");
    expect(resourceKind("Other", "application/javascript")).toBe("js");
    expect(resourceKind("Stylesheet", "text/css")).toBe("css");
    expect(resourceKind("Fetch", "text/csv")).toBe("data");
    expect(resourceKind("XHR", "text/plain")).toBe("data");
    expect(resourceKind("Other", "application/json")).toBe("data");
    expect(resourceKind("Image", "image/svg+xml")).toBe("other");
    expect(resourceKind("Font", "font/woff2")).toBe("other");
  });

  test("sums the bytes over the wire of each kind", () => {
    expect(bytesByKind(pageLoad)).toEqual({ html: 8000, js: 75000, css: 7500, data: 17000, other: 400 });
  });

  test("counts the JavaScript whose last byte had arrived by a moment, and nothing else", () => {
    expect(jsBytesBy(pageLoad, 100.1)).toBe(0);
    expect(jsBytesBy(pageLoad, 100.5)).toBe(5000);
    expect(jsBytesBy(pageLoad, 103)).toBe(75000);
  });
});

describe("page figures", () => {
  test("places navigation start on the browser's clock from the document request's timing", () => {
    // Sent 4 ms after the request time, which the page saw 12 ms after navigation start.
    expect(navigationStart({ requestTime: 100, sendStart: 4 }, 12)).toBeCloseTo(99.992, 6);
  });

  test("a chart drawn by script counts the JavaScript that arrived before it; moments are kept to the millisecond", () => {
    const load = loadFigures({ resources: pageLoad, reading: { firstContentfulPaintMs: 300, textMs: 350.2, chartMs: 999.6, chartInHtml: false, liveMs: null, layoutShift: 0.02 }, timeOrigin: 99.6 });
    expect(load).toEqual({
      bytes: { html: 8000, js: 5000 + 70000, css: 7500, data: 17000, other: 400 },
      firstPaintSeconds: 0.3,
      textSeconds: 0.35,
      chartSeconds: 1,
      liveSeconds: null,
      layoutShift: 0.02,
      jsBeforeChartBytes: 5000
    });
  });

  test("text and a chart in the HTML show from the first paint, and the chart waited for no JavaScript, whatever arrived meanwhile", () => {
    const reading = { firstContentfulPaintMs: 700, textMs: 120, chartMs: 130, chartInHtml: true, liveMs: 2400.4, layoutShift: 0 };
    const load = loadFigures({ resources: pageLoad, reading, timeOrigin: 99.9 });
    expect(load.textSeconds).toBe(0.7);
    expect(load.chartSeconds).toBe(0.7);
    expect(load.liveSeconds).toBe(2.4);
    expect(load.jsBeforeChartBytes).toBe(0);
    // The same moment for a chart a script drew: the module that had arrived counts.
    expect(loadFigures({ resources: pageLoad, reading: { ...reading, chartInHtml: false }, timeOrigin: 99.9 }).jsBeforeChartBytes).toBe(5000);
  });

  test("a page with no chart has no chart time and no JavaScript before one", () => {
    const load = loadFigures({ resources: pageLoad, reading: { firstContentfulPaintMs: 300, textMs: 300, chartMs: null, chartInHtml: null, liveMs: null, layoutShift: 0 }, timeOrigin: 99.6 });
    expect(load.chartSeconds).toBeNull();
    expect(load.liveSeconds).toBeNull();
    expect(load.jsBeforeChartBytes).toBeNull();
  });

  test("the medians are taken figure by figure, not from one load", () => {
    const loads = [
      figures({ bytes: { html: 1, js: 300, css: 5, data: 7, other: 0 }, textSeconds: 2, chartSeconds: null, liveSeconds: 3, layoutShift: 0.3 }),
      figures({ bytes: { html: 3, js: 100, css: 5, data: 9, other: 0 }, textSeconds: 1, chartSeconds: 2.5, liveSeconds: 1, layoutShift: 0.1 }),
      figures({ bytes: { html: 2, js: 200, css: 5, data: 8, other: 0 }, textSeconds: 3, chartSeconds: 2.4, liveSeconds: 2, layoutShift: 0.2 })
    ];
    expect(medianFigures(loads)).toMatchObject({ bytes: { html: 2, js: 200, css: 5, data: 8, other: 0 }, textSeconds: 2, chartSeconds: 2.5, liveSeconds: 2, layoutShift: 0.2 });
  });
});

describe("targets", () => {
  const baseline = figures({ bytes: { html: 1600, js: 198_000, css: 6100, data: 0, other: 0 } });

  test("a page whose chart shows with its text, within 1.2 s, with no JavaScript before it and less than the baseline misses none", () => {
    expect(targetMisses(figures({ bytes: { ...baseline.bytes, js: 150_000 } }), baseline).size).toBe(0);
  });

  test("names each figure that misses", () => {
    const late = figures({ textSeconds: 0.8, chartSeconds: 2.5, jsBeforeChartBytes: 200_000, bytes: { ...baseline.bytes, js: 210_000 }, layoutShift: 0.06 });
    expect([...targetMisses(late, baseline)].sort()).toEqual(["chartSeconds", "js", "jsBeforeChartBytes", "layoutShift"]);
  });

  test("a chart after the text misses even within 1.2 s", () => {
    expect([...targetMisses(figures({ textSeconds: 0.5, chartSeconds: 0.9, bytes: { ...baseline.bytes, js: 1 } }), baseline)]).toEqual(["chartSeconds"]);
  });

  test("a page without a chart is held to the layout shift target alone", () => {
    const text = figures({ chartSeconds: null, jsBeforeChartBytes: null, bytes: { ...baseline.bytes, js: 300_000 }, layoutShift: 0.08 });
    expect([...targetMisses(text, baseline)]).toEqual(["layoutShift"]);
  });
});
