// `npm run dev` in a copy of the project: a page open in Chromium picks up a new note, a
// front-matter change and a ledger edit without a restart, and a broken note is named in the
// terminal while the preview keeps the last good sidebar.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { launchChromium } from "../../scripts/chromium.ts";
import { makeTempProject } from "../support/tempProject.ts";

const project = makeTempProject();
let dev: ChildProcess;
let browser: Browser;
let terminal = "";
let origin = "";

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const get = async (path: string) => (await fetch(`${origin}${path}`)).text();

/** Polls until `check` holds (the preview reacts within a few seconds; the cap only stops a hang). */
async function eventually(what: string, check: () => Promise<boolean> | boolean, timeout = 60_000) {
  const until = Date.now() + timeout;
  for (;;) {
    if (await Promise.resolve(check()).catch(() => false)) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; terminal:\n${terminal.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const note = (title: string, date = "2099-01-01") => `---\ntitle: ${title}\nauthor: Test Researcher\ndate: ${date}\nsummary: Written while the preview runs.\n---\n\n# ${title}\n`;
const notePath = join(project.dir, "src/commentary/written-during-preview.md");

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // Its own process group, so the preview it starts stops with it.
  dev = spawn("npm", ["run", "dev", "--", "--port", String(port), "--no-open"], { cwd: project.dir, detached: true });
  dev.stdout!.on("data", (chunk) => (terminal += chunk));
  dev.stderr!.on("data", (chunk) => (terminal += chunk));
  browser = await launchChromium();
  await eventually("the preview to start", async () => (await get("/fact-check")).includes("observablehq-sidebar"));
});

afterAll(async () => {
  await browser?.close();
  if (dev?.pid && dev.exitCode === null && dev.signalCode === null) {
    const exited = new Promise((resolve) => dev.once("exit", resolve));
    process.kill(-dev.pid, "SIGTERM");
    await exited;
  }
  project.remove();
});

test("a new note, a title change and a ledger edit reach the open preview; a broken note is named in the terminal", async () => {
  const page = await browser.newPage();
  await page.goto(`${origin}/fact-check`, { waitUntil: "networkidle" });
  // The page listens for reloads once the preview has welcomed it and set its watchers (a page
  // still loading when a file changes misses the change: Framework's limit, not the watcher's).
  await eventually("the preview to welcome the page", () => terminal.includes("type: 'welcome'"));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const sidebar = () => page.locator("#observablehq-sidebar").innerText();

  writeFileSync(notePath, note("Written during the preview"));
  // The open page reloads by itself and lists the note; the overview's data lists it too.
  await eventually("the open page's sidebar to list the new note", async () => (await sidebar()).includes("Written during the preview"));
  await eventually("the overview's list to hold the new note", async () => (await get("/_file/data/commentary.json")).includes("Written during the preview"));
  expect(await get("/commentary/written-during-preview")).toContain("Written during the preview");

  writeFileSync(notePath, note("Retitled during the preview"));
  await eventually("the sidebar to show the new title", async () => (await sidebar()).includes("Retitled during the preview"));

  writeFileSync(notePath, note("Broken during the preview", "2099-02-30"));
  await eventually("the terminal to name the broken field", () =>
    terminal.includes('src/commentary/written-during-preview.md:4:7: front matter field "date" "2099-02-30" is not a calendar date')
  );
  expect(terminal).toContain("the sidebar and the overview's list keep the last good notes until this is fixed");
  expect(await get("/fact-check")).toContain("Retitled during the preview");

  // A ledger edit: a claim's working note (written as is in the CSV), which the claims loader passes through.
  const claimsCsv = join(project.dir, "data/claims.csv");
  const first = loadLedger({ dataDir: join(project.dir, "data") }).claims.find((claim) => claim.note && !/["\n]/.test(claim.note));
  expect(first).toBeDefined();
  writeFileSync(claimsCsv, readFileSync(claimsCsv, "utf8").replace(first!.note!, `${first!.note} Edited during the preview.`));
  await eventually("the claims loader to serve the edit", async () => {
    const claims = JSON.parse(await get("/_file/data/claims.json")) as { id: string; note: string | null }[];
    return claims.find((claim) => claim.id === first!.id)?.note?.endsWith("Edited during the preview.") ?? false;
  });
  expect(terminal).toContain("data/claims.csv changed: the data loaders run again");
  await page.close();
});
