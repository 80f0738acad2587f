// npm run build, after npm run check and npm run clean: Framework builds the site into a
// staging folder beside dist/, which replaces dist/ only when the whole build succeeded.
// A failed or stopped build leaves dist/ as it was and removes the staging folder.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { checkShippedData } from "../src/lib/budgets.ts";
import { onStop } from "../src/lib/files/onStop.ts";
import { removeLeftovers, stagingPath, swapIn } from "../src/lib/files/replaceFolder.ts";
import { PROJECT_ROOT } from "../src/lib/ledger/paths.ts";
import { addPagePreviews, CHART_IMAGES } from "../src/lib/prerender/publish.ts";
import { prerenderCells, prerenderCharts } from "../src/lib/prerender/prerender.ts";
import { removeLiveCache } from "../src/lib/snapshot/liveBuild.ts";
import { siteUrl } from "../src/lib/siteBase.ts";

const dist = path.join(PROJECT_ROOT, "dist");
const staged = stagingPath(dist);
const framework = createRequire(import.meta.url).resolve("@observablehq/framework/dist/bin/observable.js");

for (const line of removeLeftovers(dist)) console.error(line);

// Checked before Framework runs, so that a mistyped address stops the build at once.
let publishedAt: string | null = null;
try {
  publishedAt = siteUrl(process.env.REPORT_SITE_URL);
} catch (error) {
  console.error(`build failed: ${(error as Error).message}; dist/ is unchanged`);
  process.exit(1);
}

// Framework's CLI in its own process, so its output and its errors reach the terminal as it
// prints them; tsx loads the TypeScript config. It leads its own process group, so that
// stopping the build stops the data loaders it runs as well.
const child = spawn(process.execPath, ["--import", "tsx", framework, "build", "--config", "scripts/build.config.ts"], {
  cwd: PROJECT_ROOT,
  stdio: "inherit",
  detached: true,
  env: { ...process.env, REPORT_BUILD_OUTPUT: path.relative(PROJECT_ROOT, staged) },
});
const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
// The signal this build was stopped by: Framework may then exit with a code of its own, when a
// loader it runs was stopped first ("loader exited with code null").
let stoppedBy: NodeJS.Signals | null = null;
onStop(async (signal) => {
  stoppedBy = signal;
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // The group has already ended.
  }
  await exited;
});

const [code, signal] = await exited;
// The fetches a live build's loaders shared are for this build only.
if (process.env.REPORT_LIVE === "1") removeLiveCache();
if (code !== 0) {
  const stop = stoppedBy ?? (code === null ? signal : null);
  fail(`build failed (Framework ${stop ? `stopped by ${stop}` : `exited with code ${code}`}): dist/ is unchanged`, code ?? 1);
} else {
  try {
    // A loader output over its budget (src/lib/budgets.ts) would reach every reader of its page.
    checkShippedData(staged);
    // Charts drawn now show with the text, before (and without) the page's JavaScript.
    if (!publishedAt) console.log("REPORT_SITE_URL is not set: link previews name no image (Open Graph needs its absolute URL); see docs/publishing.md");
    const started = performance.now();
    const { pages, warnings, images, leads } = await prerenderCharts(staged);
    for (const warning of warnings) console.warn(warning);
    console.log(`charts drawn at build time: ${pages.reduce((sum, page) => sum + page.charts.length, 0)} on ${pages.length} page(s)`);
    console.log(`images written: ${images.length} (${(images.reduce((sum, image) => sum + image.bytes, 0) / 1e6).toFixed(1)} MB) to ${CHART_IMAGES}/; charts and images took ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // The figures in the prose and the blocks between paragraphs too, so the text does not reflow.
    const filled = await prerenderCells(staged);
    console.log(`other cells filled at build time: ${filled.reduce((sum, page) => sum + page.cells, 0)} on ${filled.length} page(s)`);
    // Last, so that a page's summary is read with every figure the build could fill in.
    addPagePreviews(staged, leads, publishedAt);
    swapIn(staged, dist);
    console.log("dist/ replaced by the new build");
  } catch (error) {
    const message = (error as Error).message;
    // swapIn's own errors already say what became of dist/.
    fail(`build failed: ${message}${message.includes(" is unchanged") || message.includes("It is intact") ? "" : "; dist/ is unchanged"}`, 1);
  }
}

function fail(message: string, exitCode: number): void {
  rmSync(staged, { recursive: true, force: true });
  console.error(message);
  process.exitCode = exitCode;
}
