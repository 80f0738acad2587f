import { commentarySection, loadCommentary } from "./src/lib/commentary.ts";
import { siteBase } from "./src/lib/siteBase.ts";
import { snapshotFooterNote } from "./src/lib/siteInfo.ts";

// Every src/commentary/*.md, newest first; a page with bad front matter stops the build here,
// with the file and the field named.
const commentary = loadCommentary();

// See https://observablehq.com/framework/config for the options.
export default {
  root: "src",
  title: "Bitcoin, February 2026",
  pages: [
    { name: "Overview", path: "/" },
    {
      // In the order of the story: the trigger, the flush, capitulation, the reversal, the squeeze.
      name: "The evidence",
      open: true,
      pages: [
        { name: "Macro", path: "/macro" },
        { name: "Liquidations", path: "/liquidations" },
        { name: "Flows and on-chain", path: "/flows" },
        { name: "Miners", path: "/miners" },
        { name: "Derivatives", path: "/derivatives" }
      ]
    },
    { name: "Signal scorecard", path: "/scorecard" },
    ...(commentary.length > 0 ? [commentarySection(commentary)] : []),
    {
      name: "Check the numbers",
      open: true,
      pages: [
        { name: "Sources", path: "/sources" },
        { name: "Fact check", path: "/fact-check" },
        { name: "Methodology", path: "/methodology" }
      ]
    }
  ],
  search: true,
  // Where dist/ is published (REPORT_BASE=/reports/btc-feb-2026/); only the 404 page needs it.
  base: siteBase(process.env.REPORT_BASE),
  // The default adds a font stylesheet from a font CDN; the site must load nothing off-site.
  globalStylesheets: [],
  // Air when the reader's system is light, near-midnight when it is dark (see src/style.css).
  style: "style.css",
  footer: `${snapshotFooterNote()} Every figure links to its source: see <a href="/sources">Sources</a>.`
};
