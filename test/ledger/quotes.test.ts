import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/lib/ledger/errors.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { DEFAULT_SEEDS_DIR } from "../../src/lib/ledger/paths.ts";
import { findQuoteIssues, normaliseForQuote } from "../../src/lib/ledger/quotes.ts";
import { validateLedger } from "../../src/lib/ledger/validate.ts";
import { claimRow, claimsWith, fixtureFiles, FIXTURE_SEEDS_DIR } from "./fixtures.ts";

const QUOTE_FILES = { claimsFile: "data/claims.csv", sourcesFile: "data/sources.csv" };

describe("normaliseForQuote", () => {
  it("folds typographic quotes, apostrophes, dashes and whitespace", () => {
    expect(normaliseForQuote("Bitcoin’s  “fell”\n— to\t$60,000…")).toBe(`Bitcoin's "fell" - to $60,000...`);
  });
});

describe("findQuoteIssues", () => {
  it("accepts quotes that differ from the article only in typography and spacing", () => {
    const claims = claimsWith(claimRow({ quote: 'Bitcoin "fell" to an intraday low' }), claimRow({ id: "b", quote: "near $60,000 on Friday - then" }));
    const { ledger } = validateLedger(fixtureFiles({ claims }));
    expect(findQuoteIssues(ledger, { ...QUOTE_FILES, seedsDir: FIXTURE_SEEDS_DIR })).toEqual([]);
  });

  it("reports a quote that is not in the article", () => {
    const { ledger } = validateLedger(fixtureFiles({ claims: claimsWith(claimRow({ quote: "a high near $71,422" })) }));
    expect(findQuoteIssues(ledger, { ...QUOTE_FILES, seedsDir: FIXTURE_SEEDS_DIR }).map(formatIssue)).toEqual([
      'data/claims.csv:5:16: quote "a high near $71,422" is not in mini-article.txt (source mini); copy a contiguous phrase of the article exactly',
    ]);
  });

  it("reports a source whose article file is missing", () => {
    const { ledger } = validateLedger(fixtureFiles());
    expect(findQuoteIssues(ledger, { ...QUOTE_FILES, seedsDir: "/nowhere" }).map(formatIssue)).toEqual([
      'data/sources.csv:2:2: file "mini-article.txt" is not in /nowhere; use the name of the article\'s .txt file there',
    ]);
  });
});

describe.skipIf(!existsSync(DEFAULT_SEEDS_DIR))("the real ledger's quotes", () => {
  it(`all occur in their articles under ${DEFAULT_SEEDS_DIR}`, () => {
    const ledger = loadLedger();
    const issues = findQuoteIssues(ledger, { ...QUOTE_FILES, seedsDir: DEFAULT_SEEDS_DIR });
    expect(issues.map(formatIssue)).toEqual([]);
  });
});

if (!existsSync(DEFAULT_SEEDS_DIR)) {
  console.warn(`Skipping the real ledger's quote check: ${DEFAULT_SEEDS_DIR} is absent.`);
}
