// npm run bench:pages: builds the site, serves dist/ gzip-compressed on 127.0.0.1 beside a bare
// Framework page with one Plot chart (the baseline), loads every page several times in headless
// Chromium under a phone profile, and prints each figure's median per page: JavaScript, CSS and
// data over the wire, time to readable text and to the first chart, layout shift, and the
// JavaScript that arrived before the first chart. Figures, not verdicts: it fails only when it
// cannot measure, and marks the figures that miss issue 13's targets.
//   npm run bench:pages                         build, then 3 loads of every page
//   npm run bench:pages -- --no-build --runs 5  measure dist/ as it is, 5 loads each
//   npm run bench:pages -- --json               the figures, every load's too, as JSON on stdout
import { spawnSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Browser } from "playwright-core";
import { PROJECT_ROOT } from "../src/lib/ledger/paths.ts";
import { launchChromium } from "./chromium.ts";
import { BASELINE_DESCRIPTION, buildBaseline } from "./frameworkBaseline.ts";
import { loadFigures, medianFigures, TARGETS, targetMisses, type LoadFigures } from "./pageFigures.ts";
import { DEFINITIONS, loadPage, PHONE, PHONE_DESCRIPTION } from "./pageLoad.ts";
import { formatTable, MISS_MARK } from "./pageTable.ts";
import { serveSite, sitePages, type StaticSite } from "./staticSite.ts";

const USAGE = "usage: npm run bench:pages -- [--no-build] [--runs N] [--json]";

interface Target {
  /** "/macro", or "baseline". */
  page: string;
  url: string;
  loads: LoadFigures[];
  warnings: string[];
}

function options() {
  const { values } = parseArgs({ options: { "no-build": { type: "boolean" }, runs: { type: "string", default: "3" }, json: { type: "boolean" } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a whole number of loads, 1 or more, not "${values.runs}"\n${USAGE}`);
  return { build: !values["no-build"], runs, json: values.json === true };
}

/** Progress and warnings go to stderr, so that --json leaves stdout to the figures. */
const say = (line: string) => console.error(line);

function buildSite(json: boolean): void {
  say("building the site (npm run build)…");
  const { status, error } = spawnSync("npm", ["run", "build"], { cwd: PROJECT_ROOT, stdio: ["ignore", json ? 2 : 1, 2] });
  if (error) throw new Error(`could not run npm run build: ${error.message}`);
  if (status !== 0) throw new Error(`npm run build failed (exit code ${status}): nothing measured`);
}

async function measure(browser: Browser, targets: readonly Target[], runs: number): Promise<void> {
  for (let run = 1; run <= runs; run++) {
    // Every page once per round, so a spell of load on the shared machine touches all pages alike.
    for (const target of targets) {
      say(`run ${run}/${runs}: ${target.page}`);
      const load = await loadPage(browser, target.url);
      target.loads.push(loadFigures(load));
      if (load.offSite.length > 0) target.warnings.push(`run ${run}: requests to another host: ${load.offSite.join(", ")}`);
      if (load.errorCells > 0) target.warnings.push(`run ${run}: ${load.errorCells} cell(s) ended in an error`);
    }
  }
}

const loadAverage = () => loadavg().map((value) => value.toFixed(2)).join(" ");

async function main(): Promise<void> {
  const { build, runs, json } = options();
  const loadAtStart = loadAverage();
  if (build) buildSite(json);
  const dist = join(PROJECT_ROOT, "dist");
  const pages = sitePages(dist);
  if (pages.length === 0) throw new Error(`no pages in ${dist}: build the site first (npm run build), or leave out --no-build`);
  say("building the baseline: a bare Framework page with one Plot chart…");
  const baseline = await buildBaseline(PROJECT_ROOT);
  const servers: StaticSite[] = [];
  let browser: Browser | undefined;
  try {
    const site = await serveSite(dist, { gzip: true });
    servers.push(site);
    const bare = await serveSite(baseline.dist, { gzip: true });
    servers.push(bare);
    const targets: Target[] = [
      ...pages.map(({ path }) => ({ page: `/${path}`, url: new URL(path, site.url).href, loads: [], warnings: [] })),
      { page: "baseline", url: bare.url, loads: [], warnings: [] }
    ];
    browser = await launchChromium();
    const chromium = browser.version();
    await measure(browser, targets, runs);
    const [baselineTarget] = targets.splice(-1);
    const baselineFigures = medianFigures(baselineTarget!.loads);
    const rows = targets.map((target) => {
      const figures = medianFigures(target.loads);
      return { ...target, figures, misses: targetMisses(figures, baselineFigures) };
    });
    for (const target of [...rows, baselineTarget!]) for (const warning of target.warnings) say(`warning: ${target.page} ${warning}`);
    const measured = new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC";
    const machine = `${cpus().length} CPUs, load average (1, 5, 15 min) ${loadAtStart} at start, ${loadAverage()} at end`;
    if (json) {
      const page = ({ page, url, figures, loads, warnings }: Target & { figures: LoadFigures }) => ({ page, url, median: figures, loads, warnings });
      console.log(JSON.stringify({
        measured, runs, chromium, machine, profile: { ...PHONE, description: PHONE_DESCRIPTION, served: "gzip on 127.0.0.1" }, definitions: DEFINITIONS,
        pages: rows.map((row) => ({ ...page(row), missed: [...row.misses] })),
        baseline: { description: BASELINE_DESCRIPTION, ...page({ ...baselineTarget!, figures: baselineFigures }) }
      }, null, 2));
      return;
    }
    console.log(`bench:pages: median of ${runs} load(s) per page, ${measured}, Chromium ${chromium}`);
    console.log(`profile: phone, ${PHONE_DESCRIPTION}; served gzip-compressed on 127.0.0.1`);
    console.log(`machine: ${machine} (shared: times are noisy)\n`);
    console.log(formatTable(rows, { page: "baseline", figures: baselineFigures }));
    console.log(`
paint s: ${DEFINITIONS.firstPaint}
text s: ${DEFINITIONS.text}
chart s: ${DEFINITIONS.chart}
CLS: ${DEFINITIONS.layoutShift}
JS before chart: ${DEFINITIONS.jsBeforeChart}
bytes: ${DEFINITIONS.bytes}
baseline: ${BASELINE_DESCRIPTION}
${MISS_MARK} misses a target of issue 13: first chart no later than the text and within ${TARGETS.chartSeconds} s, no JavaScript before it, less JavaScript than the baseline; CLS below ${TARGETS.layoutShift} on every page`);
  } finally {
    await browser?.close();
    await Promise.all(servers.map((server) => server.close()));
    baseline.remove();
  }
}

try {
  await main();
} catch (error) {
  console.error(`bench:pages: ${(error as Error).message}`);
  process.exitCode = 1;
}
