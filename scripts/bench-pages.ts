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
import { chromiumPath, launchChromium } from "./chromium.ts";
import { BASELINE_DESCRIPTION, buildBaseline } from "./frameworkBaseline.ts";
import { loadFigures, medianFigures, TARGETS, targetMisses, type LoadFigures, type TargetFigure } from "./pageFigures.ts";
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

function parsedArgs() {
  try {
    return parseArgs({ options: { "no-build": { type: "boolean" }, runs: { type: "string", default: "3" }, json: { type: "boolean" } } }).values;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
}

function options() {
  const values = parsedArgs();
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

const SERVED = "gzip-compressed (zlib's default level) on 127.0.0.1";

interface Summary {
  measured: string;
  runs: number;
  chromium: string;
  machine: string;
  pages: (Target & { figures: LoadFigures; misses: Set<TargetFigure> })[];
  baseline: Target & { figures: LoadFigures };
}

/** The medians of every page, and of the baseline: the last target. */
function summarize(targets: readonly Target[], runs: number, chromium: string, loadAtStart: string): Summary {
  const baselineTarget = targets.at(-1)!;
  const baseline = { ...baselineTarget, figures: medianFigures(baselineTarget.loads) };
  const pages = targets.slice(0, -1).map((target) => {
    const figures = medianFigures(target.loads);
    return { ...target, figures, misses: targetMisses(figures, baseline.figures) };
  });
  return {
    measured: `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    runs,
    chromium,
    machine: `${cpus().length} CPUs, load average (1, 5, 15 min) ${loadAtStart} at start, ${loadAverage()} at end`,
    pages,
    baseline
  };
}

function printTable({ measured, runs, chromium, machine, pages, baseline }: Summary): void {
  console.log(`bench:pages: median of ${runs} load(s) per page, ${measured}, Chromium ${chromium}`);
  console.log(`profile: phone, ${PHONE_DESCRIPTION}; served ${SERVED}`);
  console.log(`machine: ${machine} (shared: times are noisy)\n`);
  console.log(formatTable(pages, baseline));
  console.log(`
paint s: ${DEFINITIONS.firstPaint}
text s: ${DEFINITIONS.text}
chart s: ${DEFINITIONS.chart}
live s: ${DEFINITIONS.live}
CLS: ${DEFINITIONS.layoutShift}
JS before chart: ${DEFINITIONS.jsBeforeChart}
bytes: ${DEFINITIONS.bytes}
baseline: ${BASELINE_DESCRIPTION}
${MISS_MARK} misses a target of issue 13: first chart no later than the text and within ${TARGETS.chartSeconds} s, no JavaScript before it, less JavaScript than the baseline; CLS below ${TARGETS.layoutShift} on every page`);
}

function printJson({ pages, baseline, ...run }: Summary): void {
  const entry = ({ page, url, figures, loads, warnings }: Summary["baseline"]) => ({ page, url, median: figures, loads, warnings });
  const profile = { ...PHONE, description: PHONE_DESCRIPTION, served: SERVED };
  console.log(JSON.stringify({
    ...run,
    profile,
    definitions: DEFINITIONS,
    pages: pages.map((page) => ({ ...entry(page), missed: [...page.misses] })),
    baseline: { description: BASELINE_DESCRIPTION, ...entry(baseline) }
  }, null, 2));
}

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
    browser = await launchChromium().catch((error: Error) => {
      throw new Error(`could not start Chromium at ${chromiumPath} (set CHROMIUM_PATH to another): ${error.message}`);
    });
    await measure(browser, targets, runs);
    for (const target of targets) for (const warning of target.warnings) say(`warning: ${target.page} ${warning}`);
    const summary = summarize(targets, runs, browser.version(), loadAtStart);
    (json ? printJson : printTable)(summary);
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
