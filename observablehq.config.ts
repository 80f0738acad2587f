import { snapshotFooterNote } from "./src/lib/siteInfo.ts";

// See https://observablehq.com/framework/config for the options.
export default {
  root: "src",
  title: "Bitcoin, February 2026",
  pages: [
    { name: "Overview", path: "/" }
  ],
  search: true,
  // The default adds a font stylesheet from a font CDN; the site must load nothing off-site.
  globalStylesheets: [],
  // Air when the reader's system is light, near-midnight when it is dark (see src/style.css).
  style: "style.css",
  footer: `${snapshotFooterNote()} Every figure links to its source: see <a href="/sources">Sources</a>.`
};
