// The ledger grows without test edits: in a throwaway copy of the project, a new row with a good
// quote passes npm run check and the ledger tests unchanged, and deleting a row that was the only
// one to show a printed number fails them, naming that number.
import { execFile } from "node:child_process";
import { cpSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { DEFAULT_SEEDS_DIR } from "../../src/lib/ledger/paths.ts";
import { makeTempProject, projectRoot, type TempProject } from "../support/tempProject.ts";

const run = promisify(execFile);
const ledger = loadLedger();
const projects: TempProject[] = [];
afterEach(() => projects.splice(0).forEach((project) => project.remove()));

/** A project copy with the ledger tests (not this file) and the test helpers. */
function copyWithLedgerTests(): TempProject {
  const project = makeTempProject();
  projects.push(project);
  cpSync(path.join(projectRoot, "test/support"), path.join(project.dir, "test/support"), { recursive: true });
  cpSync(path.join(projectRoot, "vitest.config.ts"), path.join(project.dir, "vitest.config.ts"));
  for (const entry of readdirSync(path.join(projectRoot, "test/ledger")).filter((name) => name !== path.basename(import.meta.filename))) {
    cpSync(path.join(projectRoot, "test/ledger", entry), path.join(project.dir, "test/ledger", entry), { recursive: true });
  }
  return project;
}

/** Exit code and output of a command in the copy; the copy verifies quotes against the real articles. */
async function exec(project: TempProject, command: string, args: string[]): Promise<{ code: number; output: string }> {
  const env = { ...process.env, REPORT_SEEDS_DIR: DEFAULT_SEEDS_DIR, FORCE_COLOR: "0", NO_COLOR: "1" };
  try {
    const { stdout, stderr } = await run(command, args, { cwd: project.dir, env, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, output: stdout + stderr };
  }
}

const claimsFile = (project: TempProject) => path.join(project.dir, "data/claims.csv");

/** The claims file with `row` inserted after the last row of its source (rows stay grouped by source). */
function withRow(text: string, sourceId: string, row: string): string {
  const lines = text.split("\n");
  const last = lines.map((line, i) => [line, i] as const).filter(([line]) => line.split(",")[15] === sourceId).at(-1)![1];
  return [...lines.slice(0, last + 1), row, ...lines.slice(last + 1)].join("\n");
}

describe("adding and deleting ledger rows in a copy of the project", () => {
  it("accepts a new figure with a good quote without any test edit", async () => {
    const project = copyWithLedgerTests();
    // The AltcoinStory standfirst's "$71,000", which the ledger counts as a restatement today.
    const row =
      'btc-price-rebounded-71k-rally-71k,price,price,BTC,,reading,71000,,,,usd,,point,,,rally-71k,rally-71k-altcoinstory-feb-9; rally-71k-altcoinstory-feb-6,,"Bitcoin has rebounded to $71,000","A row added by the growth test in a temporary copy.",';
    writeFileSync(claimsFile(project), withRow(readFileSync(claimsFile(project), "utf8"), "rally-71k", row));

    const check = await exec(project, "npx", ["tsx", "scripts/check.ts"]);
    expect(check.output).toContain(`ledger ok: ${ledger.claims.length + 1} claims`);
    expect(check.code).toBe(0);
    const tests = await exec(project, "npx", ["vitest", "run", "test/ledger"]);
    expect(tests.output).not.toMatch(/\bfailed\b/);
    expect(tests.code, tests.output.slice(-3000)).toBe(0);
  }, 240_000);

  it("fails the ledger tests, naming the number, when the only row that shows it is deleted", async () => {
    const project = copyWithLedgerTests();
    const deleted = ledger.claims.find((claim) => claim.id === "btc-whale-long-leverage-ambcrypto")!;
    const lines = readFileSync(claimsFile(project), "utf8").split("\n");
    writeFileSync(claimsFile(project), lines.filter((_, i) => i + 1 !== deleted.line).join("\n"));

    expect((await exec(project, "npx", ["tsx", "scripts/check.ts"])).code).toBe(0);
    const tests = await exec(project, "npx", ["vitest", "run", "test/ledger/completeness.test.ts"]);
    expect(tests.code).not.toBe(0);
    expect(tests.output).toContain('"printed": "20x"');
    expect(tests.output).toContain("accounts for every number each source printed");
  }, 240_000);
});
