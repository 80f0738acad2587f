import { describe, expect, test } from "vitest";
import { offsiteUrls } from "../support/offsite.ts";

describe("offsiteUrls", () => {
  test("allows plain outbound links in page text", () => {
    expect(offsiteUrls('<p>See <a href="https://fred.stlouisfed.org/series/SP500">FRED</a>.</p>', true)).toEqual([]);
  });

  test("allows a link preview's image, which only a crawler fetches, and nothing else in a meta tag", () => {
    expect(offsiteUrls('<meta property="og:image" content="https://example.org/r/_file/charts/index-pricePath-light.png">', true)).toEqual([]);
    expect(offsiteUrls('<meta http-equiv="refresh" content="0; url=https://example.org/x">', true)).toEqual(["https://example.org/x"]);
  });

  test("reports stylesheets, scripts and images from other hosts", () => {
    const html = [
      '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Source+Serif+4">',
      '<script src="https://cdn.jsdelivr.net/npm/d3@7/+esm"></script>',
      '<img src="//cdn.example.com/a.png">'
    ].join("\n");
    expect(offsiteUrls(html, true)).toEqual([
      "https://fonts.googleapis.com/css2?family=Source+Serif+4",
      "https://cdn.jsdelivr.net/npm/d3@7/+esm",
      "//cdn.example.com/a.png"
    ]);
  });

  test("reports remote imports and fonts in scripts and styles", () => {
    expect(offsiteUrls('import x from "https://cdn.jsdelivr.net/npm/htl/+esm";', false)).toEqual(["https://cdn.jsdelivr.net/npm/htl/+esm"]);
    expect(offsiteUrls('@font-face { src: url(https://fonts.gstatic.com/s/a.woff2); }', false)).toEqual(["https://fonts.gstatic.com/s/a.woff2"]);
  });

  test("an outbound link in HTML does not excuse the same URL loaded by a script", () => {
    expect(offsiteUrls('fetch("https://api.example.com/x")', false)).toEqual(["https://api.example.com/x"]);
  });

  test("ignores SVG namespace identifiers", () => {
    expect(offsiteUrls('document.createElementNS("http://www.w3.org/2000/svg", "g")', false)).toEqual([]);
  });
});
