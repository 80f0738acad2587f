// End to end: `npm run snapshot` against the fixture servers into a temporary snapshot folder,
// the same command with every source down (non-zero exit, nothing changed), a network-free
// build from that folder, and the built pages opened in Chromium.

import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { DATASETS } from "../../src/lib/snapshot/store.ts";
import { SOURCES, startFixtureServers, type FixtureServers } from "../fixtures/server.ts";
import { launchChromium } from "../../scripts/chromium.ts";
import { openPage } from "../support/browser.ts";
import { sitePages } from "../support/pages.ts";
import { serveStatic } from "../support/staticServer.ts";
import { makeTempProject, projectRoot } from "../support/tempProject.ts";

const run = promisify(execFile);
const project = makeTempProject();
const snapshotDir = join(project.dir, "fixture-snapshot");
let servers: FixtureServers;

beforeAll(async () => {
  servers = await startFixtureServers();
});
afterAll(async () => {
  await servers?.close();
  project.remove();
});

// The build must use the window the snapshot was captured for (meta.window is checked).
const captureWindow = { REPORT_WINDOW_START: "2026-02-01", REPORT_WINDOW_END: "2026-02-12" };

function snapshot(): Promise<{ stdout: string; stderr: string }> {
  const env = { ...process.env, ...servers.env(), REPORT_SNAPSHOT_DIR: snapshotDir, ...captureWindow };
  return run("npm", ["run", "snapshot"], { cwd: project.dir, env });
}

// Pages whose charts draw a captured series over the reported figures.
const overlayPages = new Set(["/", "/derivatives", "/flows", "/miners", "/macro"]);

const folder = () => Object.fromEntries(readdirSync(snapshotDir).sort().map((name) => [name, readFileSync(join(snapshotDir, name), "utf8")]));

test("snapshot from the fixture servers, build from it, and open the pages", async () => {
  await snapshot();
  expect(readdirSync(snapshotDir).sort()).toEqual(DATASETS.map((d) => `${d}.json`).sort());

  // Every source down: the command fails naming each source, and no file changes.
  const before = folder();
  for (const source of SOURCES) servers.setFault(source, { fault: "refused" });
  const failure = (await snapshot().then(
    () => null,
    (error: { code: number; stderr: string }) => error,
  ))!;
  for (const source of SOURCES) servers.setFault(source, null);
  expect(failure?.code).toBe(1);
  for (const source of SOURCES) expect(failure.stderr).toMatch(new RegExp(`FAILED ${source} \\S+: connection refused`));
  expect(folder()).toEqual(before);

  // A normal build reads the snapshot and reaches no other host.
  await project.build({ REPORT_SNAPSHOT_DIR: snapshotDir, ...captureWindow, NODE_OPTIONS: `--require ${join(projectRoot, "test/support/no-network.cjs")}` });
  const builtDir = join(project.dir, "dist/_file/data");
  const built = readdirSync(builtDir).filter((name) => /^market-[a-z-]+\.[0-9a-f]+\.json$/.test(name));
  expect(built.length).toBeGreaterThan(0); // only the datasets some page uses are emitted
  for (const name of built) {
    const dataset = name.replace(/^market-/, "").replace(/\.[0-9a-f]+\.json$/, "");
    const output = JSON.parse(readFileSync(join(builtDir, name), "utf8"));
    const file = JSON.parse(before[`${dataset}.json`]!);
    expect(output).toMatchObject({ dataset, mode: "snapshot", asOf: file.meta.fetchedAt });
    expect(output.rows).toEqual(file.rows);
  }

  // Every page renders cleanly; pages that use market series say they come from the snapshot.
  const site = await serveStatic(join(project.dir, "dist"));
  const browser = await launchChromium();
  try {
    for (const { path } of sitePages()) {
      const report = await openPage(browser, new URL(path.replace(/^\//, ""), site.url).href);
      expect(report.problems, path).toEqual([]);
      // A page can name market files it never loads (a note names every file chartEmbed could load); what it fetched counts.
      const fetchedMarket = await report.page.evaluate(() => performance.getEntriesByType("resource").some((entry) => /\/market-[a-z-]+\.[0-9a-f]+\.json$/.test(entry.name)));
      if (fetchedMarket) {
        const status = await report.page.locator(".market-status").allTextContents();
        expect(status.join(" "), path).toMatch(/: snapshot, fetched/);
      }
      if (overlayPages.has(path)) {
        const overlaid = report.page.locator("figure.report-chart figcaption", { hasText: "Market series computed from" });
        expect(await overlaid.count(), `${path}: charts overlaying captured series`).toBeGreaterThan(0);
      }
      if (path === "/fact-check") {
        const factRows = JSON.parse(before["fact-check.json"]!).rows as { claim_id: string }[];
        expect(factRows.length).toBeGreaterThan(0);
        const shown = await report.page.locator("table.fact-check tbody tr").evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.claimId));
        expect(shown).toEqual(factRows.map((row) => row.claim_id));
      }
      await report.page.context().close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
});
