// Committed files that cite claims by id (the scorecard thresholds, the snapshot's fact check)
// against the ledger: fixture files in a temporary folder, then the real ones.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { citingFiles, findCitationIssues } from "../../src/lib/ledger/citations.ts";
import { formatIssue } from "../../src/lib/ledger/errors.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { DEFAULT_DATA_DIR } from "../../src/lib/ledger/paths.ts";
import { validateLedger } from "../../src/lib/ledger/validate.ts";
import { snapshotDir } from "../../src/lib/snapshot/store.ts";
import { fixtureFiles } from "./fixtures.ts";

const { ledger } = validateLedger(fixtureFiles());
const THRESHOLDS_HEADER = "bucket,convention,status,operator,value,unit,claim_id,quote,note\n";

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Issues for the fixture ledger with these files written into a temporary folder (absent when undefined). */
function issuesWith({ thresholds, factCheck }: { thresholds?: string; factCheck?: string }): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), "citations-"));
  folders.push(dir);
  const files = citingFiles(dir, path.join(dir, "snapshot"));
  if (thresholds !== undefined) writeFileSync(files.thresholdsFile, thresholds);
  if (factCheck !== undefined) {
    mkdirSync(path.dirname(files.factCheckFile));
    writeFileSync(files.factCheckFile, factCheck);
  }
  return findCitationIssues(ledger, { ...files, claimsFile: "data/claims.csv" }).map((issue) => formatIssue({ ...issue, file: path.relative(dir, issue.file) || issue.file }));
}

/** A fact-check snapshot as the capture writes it (one space of indent), with these rows. */
const factCheckJson = (rows: object[]) => `${JSON.stringify({ meta: { dataset: "fact-check", rowCount: rows.length }, rows }, null, 1)}\n`;
const row = (claim_id: string, claimed: number) => ({ claim_id, topic: "price", metric: "low", asset: "BTC", as_of: "2026-02-06", unit: "usd", claimed, computed: 60074, difference: claimed - 60074 });

describe("claims cited outside the ledger", () => {
  it("finds nothing to check when neither file is there", () => {
    expect(issuesWith({})).toEqual([]);
  });

  it("accepts thresholds and fact-check rows that cite claims the ledger has, with the figures it gives", () => {
    const thresholds = `${THRESHOLDS_HEADER}skew,put_minus_call,bearish,>,20,pct,btc-skew,the options skew hit 20%,\nfunding,,bullish,>,0,pct,,funding flip to positive,\n`;
    expect(issuesWith({ thresholds, factCheck: factCheckJson([row("btc-low", 60000), row("btc-rr25", -13)]) })).toEqual([]);
  });

  it("names the threshold row and column whose claim is not in the ledger", () => {
    const thresholds = `${THRESHOLDS_HEADER}funding,,bullish,>,0,pct,,funding flip to positive,\nskew,put_minus_call,bearish,>,6,pct,btc-skew-fear-line,pushing the skew metric above 6%,\n`;
    expect(issuesWith({ thresholds })).toEqual([
      'scorecard-thresholds.csv:3:7: claim_id "btc-skew-fear-line" is not in data/claims.csv; cite a claim that prints the line\'s value, or leave claim_id empty for a sign boundary (value 0)',
    ]);
  });

  it("names the fact-check row, its line and column, and the missing claim", () => {
    expect(issuesWith({ factCheck: factCheckJson([row("btc-low", 60000), row("btc-low-feb-6", 60000)]) })).toEqual([
      'snapshot/fact-check.json:19:16: row 2 cites claim "btc-low-feb-6", which is not in data/claims.csv; rebuild the fact check from the ledger with npm run snapshot -- --fact-check-only, or restore the claim',
    ]);
  });

  it("refuses a fact-check row older than a corrected claim", () => {
    expect(issuesWith({ factCheck: factCheckJson([row("btc-low", 60150)]) })).toEqual([
      'snapshot/fact-check.json:8:16: row 1 gives claim "btc-low" as 60150, but data/claims.csv:2 now gives 60000; the fact check is older than the ledger: rebuild it with npm run snapshot -- --fact-check-only',
    ]);
  });

  it("says when a fact-check file cannot be read for its rows", () => {
    const [cut] = issuesWith({ factCheck: factCheckJson([row("btc-low", 60000)]).slice(0, 120) });
    expect(cut).toMatch(/^snapshot\/fact-check\.json:\d+:\d+: is not valid JSON \(.+\), so its rows cannot be checked against data\/claims\.csv; restore the file from git, or rebuild it with npm run snapshot -- --fact-check-only$/);
    expect(issuesWith({ factCheck: '{"meta": {}}' })).toEqual([
      'snapshot/fact-check.json:1:1: has no "rows" list, so it cannot be checked against data/claims.csv; restore the file from git, or rebuild it with npm run snapshot -- --fact-check-only',
    ]);
  });

  it("holds for the committed files", () => {
    const real = loadLedger();
    expect(findCitationIssues(real, { ...citingFiles(DEFAULT_DATA_DIR, snapshotDir()), claimsFile: "data/claims.csv" }).map(formatIssue)).toEqual([]);
  });
});
