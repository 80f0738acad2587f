// Read the ledger from data/, validate it, and return it with sources attached.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { LedgerError, sortIssues, type LedgerIssue } from "./errors.ts";
import { DEFAULT_DATA_DIR, DEFAULT_SEEDS_DIR, displayPath } from "./paths.ts";
import { findFigureIssues } from "./figures.ts";
import { findQuoteIssues } from "./quotes.ts";
import type { Ledger } from "./types.ts";
import { validateLedger, type LedgerFile, type LedgerFiles } from "./validate.ts";
import { CLAIM_COLUMNS, CONFLICT_COLUMNS, COPY_COLUMNS, SOURCE_COLUMNS } from "./vocabulary.ts";

export { LedgerError } from "./errors.ts";
export type { Conflict } from "./types.ts";

export interface LoadOptions {
  /** Folder holding sources.csv, copies.csv, claims.csv and conflicts.csv; defaults to data/ in the project. */
  dataDir?: string;
}

/** The validated ledger, every figure shown by its quote. Throws LedgerError listing every problem, one per line. */
export function loadLedger({ dataDir = DEFAULT_DATA_DIR }: LoadOptions = {}): Ledger {
  const files = readLedgerFiles(dataDir);
  const { ledger, issues } = validateLedger(files);
  const all = sortIssues([...issues, ...findFigureIssues(ledger.claims, files.claims.label)], fileOrder(files));
  if (all.length > 0) throw new LedgerError(all);
  return ledger;
}

export interface CheckOptions extends LoadOptions {
  /** Folder of the source articles; defaults to ../shared/seeds beside the project. */
  seedsDir?: string;
}

export interface CheckResult {
  ledger: Ledger;
  issues: LedgerIssue[];
  /** False when the seeds folder is absent, so quotes were not verified. */
  quotesChecked: boolean;
}

/** Validate the ledger and its figures and, when the articles are present, verify every quote against them. */
export function checkLedger({ dataDir = DEFAULT_DATA_DIR, seedsDir = DEFAULT_SEEDS_DIR }: CheckOptions = {}): CheckResult {
  const files = readLedgerFiles(dataDir);
  const { ledger, issues } = validateLedger(files);
  const figureIssues = findFigureIssues(ledger.claims, files.claims.label);
  const quotesChecked = existsSync(seedsDir);
  const quoteIssues = quotesChecked ? findQuoteIssues(ledger, { claimsFile: files.claims.label, copiesFile: files.copies.label, seedsDir }) : [];
  return { ledger, issues: sortIssues([...issues, ...figureIssues, ...quoteIssues], fileOrder(files)), quotesChecked };
}

const fileOrder = (files: LedgerFiles) => [files.sources.label, files.copies.label, files.claims.label, files.conflicts.label];

/** Read the four files; a missing one stops here with its own issue. */
function readLedgerFiles(dataDir: string): LedgerFiles {
  const missing: LedgerIssue[] = [];
  const read = (name: string, columns: readonly string[]): LedgerFile => {
    const file = path.join(dataDir, name);
    const label = displayPath(file);
    if (existsSync(file)) return { label, text: readFileSync(file, "utf8") };
    missing.push({ file: label, line: 1, column: 1, message: `file not found; create it with the header ${columns.join(",")}` });
    return { label, text: "" };
  };
  const files = {
    sources: read("sources.csv", SOURCE_COLUMNS),
    copies: read("copies.csv", COPY_COLUMNS),
    claims: read("claims.csv", CLAIM_COLUMNS),
    conflicts: read("conflicts.csv", CONFLICT_COLUMNS),
  };
  if (missing.length > 0) throw new LedgerError(missing);
  return files;
}
