// Check that every claim's quote occurs in its source article.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { LedgerIssue } from "./errors.ts";
import type { Ledger } from "./types.ts";
import { CLAIM_COLUMNS, SOURCE_COLUMNS } from "./vocabulary.ts";

/**
 * Normalise text for quote matching: typographic quotes, apostrophes and dashes
 * become ASCII, the ellipsis becomes "...", and runs of whitespace one space.
 */
export function normaliseForQuote(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\u2026/g, "...")
    .replace(/\s+/g, " ")
    .trim();
}

export interface QuoteCheckFiles {
  claimsFile: string;
  sourcesFile: string;
  seedsDir: string;
}

/** Issues for quotes missing from their article and for article files that do not exist. */
export function findQuoteIssues(ledger: Ledger, { claimsFile, sourcesFile, seedsDir }: QuoteCheckFiles): LedgerIssue[] {
  const issues: LedgerIssue[] = [];
  const articles = new Map<string, string>();
  for (const source of ledger.sources) {
    const file = path.join(seedsDir, source.file);
    if (existsSync(file)) {
      articles.set(source.id, normaliseForQuote(readFileSync(file, "utf8")));
    } else {
      issues.push({
        file: sourcesFile,
        line: source.line,
        column: SOURCE_COLUMNS.indexOf("file") + 1,
        message: `file "${source.file}" is not in ${seedsDir}; use the name of the article's .txt file there`,
      });
    }
  }
  for (const claim of ledger.claims) {
    const article = articles.get(claim.sourceId);
    if (article === undefined || article.includes(normaliseForQuote(claim.quote))) continue;
    issues.push({
      file: claimsFile,
      line: claim.line,
      column: CLAIM_COLUMNS.indexOf("quote") + 1,
      message: `quote "${claim.quote}" is not in ${claim.source.file} (source ${claim.sourceId}); copy a contiguous phrase of the article exactly`,
    });
  }
  return issues;
}
