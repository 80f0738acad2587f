// Faults tried against the ledger and the files that cite it, each in a throwaway copy of the
// project: npm run check (run first by every build) exits 1 naming file:line:column, and data/
// and dist/ are byte-for-byte what they were.
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { csvFormatRows, csvParseRows } from "d3-dsv";
import { afterEach, describe, expect, it } from "vitest";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { DEFAULT_SEEDS_DIR } from "../../src/lib/ledger/paths.ts";
import { CLAIM_COLUMNS, THRESHOLD_COLUMNS } from "../../src/lib/ledger/vocabulary.ts";
import { makeTempProject, type TempProject } from "../support/tempProject.ts";
import { treeDigest } from "../support/treeDigest.ts";

const run = promisify(execFile);
const ledger = loadLedger();
const claim = (id: string) => ledger.claims.find((c) => c.id === id)!;
const column = (name: (typeof CLAIM_COLUMNS)[number]) => CLAIM_COLUMNS.indexOf(name) + 1;

const projects: TempProject[] = [];
afterEach(() => projects.splice(0).forEach((project) => project.remove()));

/** A project copy with a previous dist/ (two files are enough to show it is left alone). */
function project(): TempProject {
  const copy = makeTempProject();
  projects.push(copy);
  mkdirSync(path.join(copy.dir, "dist/_file"), { recursive: true });
  writeFileSync(path.join(copy.dir, "dist/index.html"), "<!doctype html><title>previous build</title>\n");
  writeFileSync(path.join(copy.dir, "dist/_file/claims.json"), "[]\n");
  return copy;
}

const file = (copy: TempProject, name: string) => path.join(copy.dir, name);
const edit = (copy: TempProject, name: string, change: (text: string) => string) => writeFileSync(file(copy, name), change(readFileSync(file(copy, name), "utf8")));

/** The claims file with one field of one row replaced (the row is found by id, the field by column name). */
const setField = (id: string, name: (typeof CLAIM_COLUMNS)[number], value: string) => (text: string) =>
  csvFormatRows(csvParseRows(text).map((row) => (row[0] === id ? row.map((field, i) => (i === column(name) - 1 ? value : field)) : row))) + "\n";

/** Runs a command in the copy, with the real articles for the quote check; never throws. */
async function exec(copy: TempProject, command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, REPORT_SEEDS_DIR: DEFAULT_SEEDS_DIR };
  try {
    return { code: 0, ...(await run(command, args, { cwd: copy.dir, env })) };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

/** Runs `npm run <script>` after the fault is in place and checks that nothing was written. */
async function fails(copy: TempProject, script = "check"): Promise<string> {
  const before = { data: treeDigest(file(copy, "data")), dist: treeDigest(file(copy, "dist")) };
  const { code, stdout, stderr } = await exec(copy, "npm", ["run", script]);
  expect(code, stdout + stderr).toBe(1);
  expect(stdout).not.toContain("ledger ok");
  expect({ data: treeDigest(file(copy, "data")), dist: treeDigest(file(copy, "dist")) }).toEqual(before);
  return stderr;
}

/** A fact-check snapshot as the capture writes it, with a row per claim id and the figure given. */
function factCheck(rows: [string, number][]): string {
  const body = rows.map(([claim_id, claimed]) => ({ claim_id, topic: "price", metric: "low", asset: "BTC", as_of: "2026-02-06", unit: "usd", claimed, computed: 60074, difference: 60074 - claimed, dataset: "price", computed_from: "lowest hourly low of the day", why_they_differ: "venue" }));
  return `${JSON.stringify({ meta: { dataset: "fact-check", rowCount: body.length, method: "fault test" }, rows: body }, null, 1)}\n`;
}

describe("ledger faults", () => {
  it("a value that contradicts its quote", async () => {
    const copy = project();
    const close = claim("btc-close-2026-02-05");
    edit(copy, "data/claims.csv", setField(close.id, "value", "62000"));
    expect(await fails(copy)).toContain(
      `data/claims.csv:${close.line}:${column("value")}: value 62000 is not printed in the quote "fell to $62,600 by the close", which prints "$62,600" (62600) in usd; write the figure as the quote prints it, or quote the phrase that prints 62000`,
    );
  }, 60_000);

  it("a positive value for a fall its quote prints", async () => {
    const copy = project();
    const weekly = claim("btc-followup-weekly-change");
    edit(copy, "data/claims.csv", setField(weekly.id, "value", "13"));
    expect(await fails(copy)).toContain(`data/claims.csv:${weekly.line}:${column("value")}: value 13 is positive but the quote prints "13%" as a fall`);
  }, 60_000);

  it("a one-word quote", async () => {
    const copy = project();
    const close = claim("btc-close-2026-02-05");
    edit(copy, "data/claims.csv", setField(close.id, "quote", "$62,600"));
    expect(await fails(copy)).toContain(`data/claims.csv:${close.line}:${column("quote")}: quote "$62,600" has 1 word; quote at least 3`);
  }, 60_000);

  it("a quote printed twice in its source's text", async () => {
    const copy = project();
    const cap = claim("crypto-market-cap-stocktwits");
    edit(copy, "data/claims.csv", setField(cap.id, "quote", "about $2.48 trillion"));
    expect(await fails(copy)).toMatch(
      new RegExp(`data/claims\\.csv:${cap.line}:${column("quote")}: quote "about \\$2\\.48 trillion" occurs 2 times in the part of the page copy stocktwits prints \\(003_0863229adef767b3\\.txt:\\d+:\\d+ and 003_0863229adef767b3\\.txt:\\d+:\\d+\\); lengthen it so it names one place`),
    );
  }, 60_000);

  it("a claims file cut to its header", async () => {
    const copy = project();
    edit(copy, "data/claims.csv", (text) => `${text.split("\n")[0]}\n`);
    const stderr = await fails(copy);
    expect(stderr).toContain("data/claims.csv:1:1: no claims: the file has a header and no rows");
    expect(stderr).toMatch(/data\/conflicts\.csv:2:4: claim id "[\w-]+" is not in data\/claims\.csv/);
  }, 60_000);

  it("an empty claims file", async () => {
    const copy = project();
    writeFileSync(file(copy, "data/claims.csv"), "");
    expect(await fails(copy)).toContain(`data/claims.csv:1:1: file is empty; write the header ${CLAIM_COLUMNS.join(",")} and one row per line under it`);
  }, 60_000);

  it("a sources file cut to its header", async () => {
    const copy = project();
    edit(copy, "data/sources.csv", (text) => `${text.split("\n")[0]}\n`);
    expect(await fails(copy)).toContain("data/sources.csv:1:1: no sources: the file has a header and no rows");
  }, 60_000);

  it("a deleted claim that a conflict still cites", async () => {
    const copy = project();
    const low = claim("btc-low-2026-02-06-rally-71k");
    edit(copy, "data/claims.csv", (text) => text.split("\n").filter((_, i) => i + 1 !== low.line).join("\n"));
    expect(await fails(copy)).toMatch(/data\/conflicts\.csv:\d+:4: claim id "btc-low-2026-02-06-rally-71k" is not in data\/claims\.csv/);
  }, 60_000);

  it("a scorecard threshold that cites a missing claim", async () => {
    const copy = project();
    const lines = readFileSync(file(copy, "data/scorecard-thresholds.csv"), "utf8").split("\n");
    const line = lines.findIndex((text) => text.includes(",btc-skew-fear-line-rally-71k,")) + 1;
    edit(copy, "data/scorecard-thresholds.csv", (text) => text.replace(",btc-skew-fear-line-rally-71k,", ",btc-skew-fear-line,"));
    expect(await fails(copy)).toContain(
      `data/scorecard-thresholds.csv:${line}:${THRESHOLD_COLUMNS.indexOf("claim_id") + 1}: claim_id "btc-skew-fear-line" is not in data/claims.csv`,
    );
  }, 60_000);

  it("a fact-check row that cites a missing claim stops the build before Framework runs", async () => {
    const copy = project();
    writeFileSync(file(copy, "data/snapshot/fact-check.json"), factCheck([["btc-low-2026-02-06", 60000], ["btc-low-feb-6", 60000]]));
    expect(await fails(copy, "build")).toContain(
      'data/snapshot/fact-check.json:23:16: row 2 cites claim "btc-low-feb-6", which is not in data/claims.csv; rebuild the fact check from the ledger with npm run snapshot -- --fact-check-only, or restore the claim',
    );
  }, 60_000);

  it("a fact-check row older than a corrected claim", async () => {
    const copy = project();
    writeFileSync(file(copy, "data/snapshot/fact-check.json"), factCheck([["btc-low-2026-02-06", 60150]]));
    expect(await fails(copy)).toContain(
      `data/snapshot/fact-check.json:9:16: row 1 gives claim "btc-low-2026-02-06" as 60150, but data/claims.csv:${claim("btc-low-2026-02-06").line} now gives 60000`,
    );
  }, 60_000);

  it("a loader refuses a contradicted figure too", async () => {
    const copy = project();
    const close = claim("btc-close-2026-02-05");
    edit(copy, "data/claims.csv", setField(close.id, "value", "62000"));
    const before = treeDigest(file(copy, "data"));
    const { code, stdout, stderr } = await exec(copy, "npx", ["tsx", "src/data/claims.json.ts"]);
    expect(code).not.toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toContain(`data/claims.csv:${close.line}:${column("value")}: value 62000 is not printed in the quote`);
    expect(treeDigest(file(copy, "data"))).toEqual(before);
  }, 60_000);
});
