import { CliError } from "@observablehq/framework/dist/error.js";
import { CommentaryError, commentaryMarkdown, commentarySection, loadCommentary } from "./src/lib/commentary.ts";
import { siteBase } from "./src/lib/siteBase.ts";
import { SITE_TITLE, snapshotFooterNote } from "./src/lib/siteInfo.ts";

// Every src/commentary/*.md, newest first. A bad file name, front matter field or chartEmbed name
// stops the build here, before dist/ is touched, with file:line:column and the fix. `npm run dev`
// touches this file when the notes' front matter changes, so the preview re-reads it.
function readCommentary() {
  try {
    return loadCommentary();
  } catch (error) {
    if (!(error instanceof CommentaryError)) throw error;
    // Framework prints other errors as its own bugs ("please file an issue"); these are the writer's to fix.
    console.error(`${error.message}\ncommentary check failed: ${error.issues.length} issue(s)`);
    throw new CliError(error.message, { print: false });
  }
}

const commentary = readCommentary();

// See https://observablehq.com/framework/config for the options.
export default {
  root: "src",
  title: SITE_TITLE,
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
  // Without an icon, browsers ask the host for /favicon.ico on every page: a 404 in the console.
  head: '<link rel="icon" href="favicon.svg" type="image/svg+xml">',
  // Under each note: its tags and the figures and charts it discusses.
  markdownIt: commentaryMarkdown(commentary),
  // Where dist/ is published (REPORT_BASE=/reports/btc-feb-2026/); only the 404 page needs it.
  base: siteBase(process.env.REPORT_BASE),
  // The default adds a font stylesheet from a font CDN; the site must load nothing off-site.
  globalStylesheets: [],
  // Air when the reader's system is light, near-midnight when it is dark (see src/style.css).
  style: "style.css",
  footer: `${snapshotFooterNote()} Every figure links to its source: see <a href="/sources">Sources</a>.`
};
