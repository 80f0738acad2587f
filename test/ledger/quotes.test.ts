import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/lib/ledger/errors.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { DEFAULT_SEEDS_DIR } from "../../src/lib/ledger/paths.ts";
import { findQuoteIssues, normaliseForQuote, normaliseWithOrigin } from "../../src/lib/ledger/quotes.ts";
import { validateLedger } from "../../src/lib/ledger/validate.ts";
import { claimRow, claimsWith, fixtureFiles, FIXTURE_SEEDS_DIR } from "./fixtures.ts";

const QUOTE_FILES = { claimsFile: "data/claims.csv", copiesFile: "data/copies.csv" };
const COPIES_HEADER = "id,source_id,file,outlet,author,published,carried_by,start,end,note\n";

/** Quote issues of the fixture ledger with the given claims and copies text. */
function quoteErrors(files: Parameters<typeof fixtureFiles>[0], seedsDir = FIXTURE_SEEDS_DIR): string[] {
  const { ledger, issues } = validateLedger(fixtureFiles(files));
  expect(issues.map(formatIssue)).toEqual([]);
  return findQuoteIssues(ledger, { ...QUOTE_FILES, seedsDir }).map(formatIssue);
}

describe("normaliseForQuote", () => {
  it("folds typographic quotes, apostrophes, dashes and whitespace", () => {
    expect(normaliseForQuote("Bitcoin’s  “fell”\n— to\t$60,000…")).toBe(`Bitcoin's "fell" - to $60,000...`);
  });

  it("maps every normalised character back to the original text", () => {
    const raw = "  a’s\n\n b…c ";
    const { text, origin } = normaliseWithOrigin(raw);
    expect(text).toBe("a's b...c");
    expect(origin).toEqual([2, 3, 4, 5, 8, 9, 9, 9, 10]);
  });
});

describe("quotes and the part of the page a source wrote", () => {
  it("accepts a quote inside the span, whatever its typography and spacing", () => {
    const claims = claimsWith(claimRow({ quote: 'Bitcoin "fell" to an intraday low' }), claimRow({ id: "b", quote: "near $60,000 on Friday - then" }));
    expect(quoteErrors({ claims })).toEqual([]);
  });

  it("checks that a claim's copies are exactly the copies that print its quote", () => {
    const copies = `${COPIES_HEADER}mini,mini,mini-article.txt,Test Outlet,,,,Bitcoin “fell”,then rebounded.,\nmini-2,mini,mini-article.txt,,,,,The 25-delta,options skew hit 20%.,\n`;
    const claims = claimsWith(claimRow({ id: "a", quote: "rebounded", copies: "mini" }), claimRow({ id: "b", quote: "rebounded" }), claimRow({ id: "c", quote: "rebounded", copies: "mini-2" }));
    const { ledger } = validateLedger(fixtureFiles({ copies, claims }));
    expect(findQuoteIssues(ledger, { ...QUOTE_FILES, seedsDir: FIXTURE_SEEDS_DIR }).map(formatIssue)).toEqual([
      'data/claims.csv:2:17: the quote is printed in mini, not in mini-2; write copies "mini"',
      'data/claims.csv:3:17: the quote is printed in mini-2, not in mini; write copies "mini-2"',
      'data/claims.csv:4:17: the quote is printed in mini-2, not in mini; write copies "mini-2"',
      'data/claims.csv:6:17: the quote is printed in mini, not in mini-2; write copies "mini"',
      'data/claims.csv:7:17: the quote is printed in mini, not in mini-2; write copies "mini"',
    ]);
  });

  it("reports a quote that is on the page but outside the span, with its place in the seed file", () => {
    expect(quoteErrors({ claims: claimsWith(claimRow({ quote: "a high near $71,422" })) })).toEqual([
      'data/claims.csv:5:19: quote "a high near $71,422" is at mini-article.txt:4:27, outside the part of the page source mini wrote (copy mini: mini-article.txt:2:1 to 3:76); quote that source\'s own text, or give the row the source that wrote it',
    ]);
  });

  it("reports a quote that is nowhere in the article", () => {
    expect(quoteErrors({ claims: claimsWith(claimRow({ quote: "a high near $99,999" })) })).toEqual([
      'data/claims.csv:5:19: quote "a high near $99,999" is not in mini-article.txt (source mini); copy a contiguous phrase of the article exactly',
    ]);
  });

  it("reports a start phrase that is missing or not unique, and an end phrase missing after the start", () => {
    const copies =
      COPIES_HEADER +
      "mini,mini,mini-article.txt,,,,,Bitcoin rose,then rebounded.,\n" +
      "mini-2,mini,mini-article.txt,,,,,near,then rebounded.,\n" +
      "mini-3,mini,mini-article.txt,,,,,The 25-delta,then rebounded.,\n";
    expect(quoteErrors({ copies })).toEqual([
      'data/copies.csv:2:8: start phrase "Bitcoin rose" is not in mini-article.txt; copy the words that open the piece exactly',
      'data/copies.csv:3:8: start phrase "near" occurs more than once in mini-article.txt (mini-article.txt:2:35 and mini-article.txt:4:34); lengthen it so it names one place',
      'data/copies.csv:4:9: end phrase "then rebounded." is not in mini-article.txt after the start phrase (mini-article.txt:3:1); copy the words that close the piece exactly',
    ]);
  });

  it("reports a quote printed more than once in a copy's span, with each place", () => {
    const seeds = mkdtempSync(path.join(tmpdir(), "seeds-"));
    try {
      const article = readFileSync(path.join(FIXTURE_SEEDS_DIR, "mini-article.txt"), "utf8");
      writeFileSync(path.join(seeds, "mini-article.txt"), article.replace("while the options", "while the options skew hit 20% and then the options"));
      expect(quoteErrors({ claims: claimsWith(claimRow({ quote: "the options skew hit 20%" })) }, seeds)).toEqual([
        'data/claims.csv:4:19: quote "the options skew hit 20%" occurs 2 times in the part of the page copy mini prints (mini-article.txt:3:52 and mini-article.txt:3:86); lengthen it so it names one place',
        'data/claims.csv:5:19: quote "the options skew hit 20%" occurs 2 times in the part of the page copy mini prints (mini-article.txt:3:52 and mini-article.txt:3:86); lengthen it so it names one place',
      ]);
    } finally {
      rmSync(seeds, { recursive: true, force: true });
    }
  });

  it("reports a copy whose article file is missing", () => {
    expect(quoteErrors({}, "/nowhere")).toEqual([
      'data/copies.csv:2:3: file "mini-article.txt" is not in /nowhere; use the name of the article\'s .txt file there',
    ]);
  });
});

describe.skipIf(!existsSync(DEFAULT_SEEDS_DIR))("the real ledger's quotes", () => {
  it(`all occur in the part of their article the source wrote, under ${DEFAULT_SEEDS_DIR}`, () => {
    const ledger = loadLedger();
    const issues = findQuoteIssues(ledger, { ...QUOTE_FILES, seedsDir: DEFAULT_SEEDS_DIR });
    expect(issues.map(formatIssue)).toEqual([]);
  });
});

if (!existsSync(DEFAULT_SEEDS_DIR)) {
  console.warn(`Skipping the real ledger's quote check: ${DEFAULT_SEEDS_DIR} is absent.`);
}
