// Committed files outside the ledger that cite claims by id: every id must be in data/claims.csv,
// and a fact-check row must still state the figure the ledger gives. (conflicts.csv is checked
// with the ledger itself; the shape of the snapshot files is checked by their schemas.)
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { claimedFigure } from "../metrics/factCheck.ts";
import { parseCsv } from "./csv.ts";
import type { LedgerIssue } from "./errors.ts";
import { displayPath } from "./paths.ts";
import type { Claim, Ledger } from "./types.ts";
import { THRESHOLD_COLUMNS } from "./vocabulary.ts";

export interface CitationFiles {
  /** The scorecard thresholds, data/scorecard-thresholds.csv. */
  thresholdsFile: string;
  /** The snapshot's fact check, data/snapshot/fact-check.json; absent until a capture is committed. */
  factCheckFile: string;
  /** Shown in messages as where the claims are. */
  claimsFile: string;
}

/** Files that cite claims, in the order their issues are listed. */
export function citingFiles(dataDir: string, snapshotDir: string): Omit<CitationFiles, "claimsFile"> {
  return { thresholdsFile: path.join(dataDir, "scorecard-thresholds.csv"), factCheckFile: path.join(snapshotDir, "fact-check.json") };
}

export function findCitationIssues(ledger: Pick<Ledger, "claims">, files: CitationFiles): LedgerIssue[] {
  const byId = new Map<string, Claim>(ledger.claims.map((claim) => [claim.id, claim]));
  return [...thresholdIssues(files, byId), ...factCheckIssues(files, byId)];
}

function thresholdIssues({ thresholdsFile, claimsFile }: CitationFiles, byId: ReadonlyMap<string, Claim>): LedgerIssue[] {
  const label = displayPath(thresholdsFile);
  if (!existsSync(thresholdsFile)) return [];
  const { records, issues } = parseCsv(readFileSync(thresholdsFile, "utf8"), label, THRESHOLD_COLUMNS);
  const column = THRESHOLD_COLUMNS.indexOf("claim_id") + 1;
  for (const { line, fields } of records) {
    const id = fields.claim_id.trim();
    if (id !== "" && !byId.has(id)) {
      issues.push({ file: label, line, column, message: `claim_id "${id}" is not in ${claimsFile}; cite a claim that prints the line's value, or leave claim_id empty for a sign boundary (value 0)` });
    }
  }
  return issues;
}

const REBUILD = "npm run snapshot -- --fact-check-only";

function factCheckIssues({ factCheckFile, claimsFile }: CitationFiles, byId: ReadonlyMap<string, Claim>): LedgerIssue[] {
  const label = displayPath(factCheckFile);
  if (!existsSync(factCheckFile)) return [];
  const text = readFileSync(factCheckFile, "utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const { line, column } = lineAndColumn(text, at ? Number(at[1]) : text.length);
    return [{ file: label, line, column, message: `is not valid JSON (${message}), so its rows cannot be checked against ${claimsFile}; restore the file from git, or rebuild it with ${REBUILD}` }];
  }
  const rows = (parsed as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) {
    return [{ file: label, line: 1, column: 1, message: `has no "rows" list, so it cannot be checked against ${claimsFile}; restore the file from git, or rebuild it with ${REBUILD}` }];
  }
  const places = claimIdPlaces(text);
  const placeOf = (i: number) => (places.length === rows.length ? (places[i] as { line: number; column: number }) : { line: 1, column: 1 });
  return rows.flatMap((row, i): LedgerIssue[] => {
    const { claim_id: id, claimed } = (row ?? {}) as { claim_id?: unknown; claimed?: unknown };
    const where = { file: label, ...placeOf(i) };
    if (typeof id !== "string") return [{ ...where, message: `row ${i + 1} names no claim_id; rebuild the fact check with ${REBUILD}` }];
    const claim = byId.get(id);
    if (!claim) {
      return [{ ...where, message: `row ${i + 1} cites claim "${id}", which is not in ${claimsFile}; rebuild the fact check from the ledger with ${REBUILD}, or restore the claim` }];
    }
    const figure = claimedFigure(claim);
    if (claimed !== figure) {
      return [{ ...where, message: `row ${i + 1} gives claim "${id}" as ${JSON.stringify(claimed)}, but ${claimsFile}:${claim.line} now gives ${figure}; the fact check is older than the ledger: rebuild it with ${REBUILD}` }];
    }
    return [];
  });
}

/** Where each row's claim_id value sits, in file order (rows are the only objects with the key). */
function claimIdPlaces(text: string): { line: number; column: number }[] {
  return [...text.matchAll(/"claim_id"\s*:\s*/g)].map((match) => lineAndColumn(text, match.index + match[0].length));
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
