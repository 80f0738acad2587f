import { describe, expect, test } from "vitest";
import { openGraphTags, pageDescription, pageTitle, withHeadTags } from "../../src/lib/prerender/openGraph.ts";

const page = (main: string) => `<html><head><title>Macro | Bitcoin, February 2026</title></head><body><main id="observablehq-main" class="observablehq"><h1>Macro</h1>${main}</main></body></html>`;

describe("pageTitle", () => {
  test("is the page's <title>, as text", () => {
    expect(pageTitle(page(""))).toBe("Macro | Bitcoin, February 2026");
    expect(pageTitle("<title>Q&amp;A | Site</title>")).toBe("Q&A | Site");
  });
});

describe("pageDescription", () => {
  test("is the front matter's summary when there is one", () => {
    expect(pageDescription(page("<p>First.</p>"), "The note in one sentence.")).toBe("The note in one sentence.");
  });

  test("is the first paragraph as plain text, skipping one with a figure only the browser fills in", () => {
    const html = page(
      '<p>Opened near <observablehq-loading></observablehq-loading><!--:3d2eef1b:--> and fell.</p><p>The sell-off did not start in <a href="./crypto">crypto</a>,\nand neither did the rebound.</p>'
    );
    expect(pageDescription(html, undefined)).toBe("The sell-off did not start in crypto, and neither did the rebound.");
  });

  test("keeps a figure the build filled in", () => {
    const html = page('<p>Opened near <observablehq-loading class="cell-static"><span>$73,100</span></observablehq-loading><!--:3d2eef1b:--> and fell.</p>');
    expect(pageDescription(html, undefined)).toBe("Opened near $73,100 and fell.");
  });

  test("keeps the sentences that fit in about 200 characters, or cuts a long one at a word", () => {
    const sentence = "This sentence is about fifty characters long, yes. ";
    expect(pageDescription(page(`<p>${sentence.repeat(6)}</p>`), undefined)).toBe(sentence.repeat(3).trim());
    const long = pageDescription(page(`<p>${"word ".repeat(80)}</p>`), undefined);
    expect(long.endsWith("word…")).toBe(true);
    expect(long.length).toBeLessThanOrEqual(201);
  });

  test("is empty for a page with no paragraph", () => {
    expect(pageDescription(page("<table></table>"), undefined)).toBe("");
  });
});

describe("openGraphTags", () => {
  test("with an image: a large-image card naming its absolute URL and size", () => {
    expect(openGraphTags({ title: "Macro | Site", description: 'Metals "first"', image: { url: "https://example.org/r/_file/charts/macro-dailyRanges-light.png", width: 1472, height: 780 } })).toBe(
      [
        '<meta name="description" content="Metals &quot;first&quot;">',
        '<meta property="og:type" content="article">',
        '<meta property="og:title" content="Macro | Site">',
        '<meta property="og:description" content="Metals &quot;first&quot;">',
        '<meta property="og:image" content="https://example.org/r/_file/charts/macro-dailyRanges-light.png">',
        '<meta property="og:image:width" content="1472">',
        '<meta property="og:image:height" content="780">',
        '<meta name="twitter:card" content="summary_large_image">'
      ].join("\n")
    );
  });

  test("without one: no og:image, and a plain summary card", () => {
    const tags = openGraphTags({ title: "Sources | Site", description: "Every figure." });
    expect(tags).not.toContain("og:image");
    expect(tags).toContain('<meta name="twitter:card" content="summary">');
  });

  test("go at the end of the page's head", () => {
    expect(withHeadTags("<head><title>x</title></head><body></body>", "<meta>")).toBe("<head><title>x</title><meta>\n</head><body></body>");
    expect(() => withHeadTags("<body></body>", "<meta>")).toThrow("the page has no </head>");
  });
});
