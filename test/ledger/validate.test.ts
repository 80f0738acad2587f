import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/lib/ledger/errors.ts";
import { UNITS } from "../../src/lib/ledger/vocabulary.ts";
import { validateLedger } from "../../src/lib/ledger/validate.ts";
import { claimRow, claimsWith, fixtureFiles } from "./fixtures.ts";

/** Formatted issues of the valid fixture ledger with the given claims text. */
function claimErrors(claims: string): string[] {
  return validateLedger(fixtureFiles({ claims })).issues.map(formatIssue);
}

describe("validateLedger on a valid ledger", () => {
  const { ledger, issues } = validateLedger(fixtureFiles());

  it("reports nothing", () => expect(issues).toEqual([]));

  it("types every column and attaches the source", () => {
    const rr25 = ledger.claims.find((claim) => claim.id === "btc-rr25");
    expect(rr25).toMatchObject({
      topic: "options",
      asset: "BTC",
      side: null,
      kind: "low",
      value: -13,
      low: null,
      label: null,
      unit: "vol_pts",
      asOf: "2026-W06",
      period: "week",
      convention: "rr25",
      tenorDays: 7,
      attributedTo: "Deribit",
      note: null,
      expiry: null,
      line: 3,
      source: { id: "mini", outlet: "Test Outlet", attributedParties: ["Deribit", "CoinGlass"], line: 2 },
      copyIds: ["mini"],
    });
    expect(ledger.sources[0]).toMatchObject({
      url: "https://example.org/a",
      published: "2026-02-06",
      author: null,
      copies: [{ id: "mini", sourceId: "mini", file: "mini-article.txt", outlet: "Test Outlet", carriedBy: null, start: "Bitcoin “fell”", end: "the options skew hit 20%.", line: 2 }],
    });
    expect(ledger.conflicts).toEqual([
      {
        id: "btc-skew-readings",
        title: "BTC skew readings",
        kind: "different_convention",
        claimIds: ["btc-rr25", "btc-skew"],
        note: "Opposite sign conventions.",
        line: 2,
      },
    ]);
  });
});

describe("claim validation messages", () => {
  it("bad number", () => {
    expect(claimErrors(claimsWith(claimRow({ value: "71,422" })))).toEqual([
      'data/claims.csv:5:7: value "71,422" is not a number; write plain digits such as 73100, -13 or 0.09863 (no commas, units, + or %)',
    ]);
  });

  it("unknown unit", () => {
    expect(claimErrors(claimsWith(claimRow({ unit: "usd_bln" })))).toEqual([
      `data/claims.csv:5:11: unit "usd_bln" is not a known unit; use one of ${UNITS.join(", ")} (empty only for a label)`,
    ]);
  });

  it("unknown source", () => {
    expect(claimErrors(claimsWith(claimRow({ source_id: "reuters" })))).toEqual([
      'data/claims.csv:5:16: source_id "reuters" is not in data/sources.csv; use one of mini, or add the source there first',
    ]);
  });

  it("duplicate id", () => {
    expect(claimErrors(claimsWith(claimRow({ id: "btc-low" })))).toEqual([
      'data/claims.csv:5:1: id "btc-low" is already used on line 2; give each row a unique id',
    ]);
  });

  it("reversed range", () => {
    expect(claimErrors(claimsWith(claimRow({ kind: "range", value: "", low: "70600", high: "66900" })))).toEqual([
      "data/claims.csv:5:8: low 70600 is greater than high 66900; swap low and high",
    ]);
  });

  it("neither value nor range", () => {
    expect(claimErrors(claimsWith(claimRow({ value: "" })))).toEqual([
      "data/claims.csv:5:7: value, low and high are all empty; give value, or low and/or high for a range or a bound",
    ]);
  });

  it("unparseable or impossible dates", () => {
    expect(
      claimErrors(claimsWith(claimRow({ as_of: "Feb 6" }), claimRow({ id: "b", as_of: "2026-02-30" }), claimRow({ id: "c", as_of: "2025-W53" }))),
    ).toEqual([
      'data/claims.csv:5:12: as_of "Feb 6" is not an ISO date; write 2026-02-05, 2025-10 (month only), 2026-W06 (ISO week) or 2026-02-07T11:00+05:30, or leave it empty when the source prints no date',
      'data/claims.csv:6:12: as_of "2026-02-30" is not an ISO date; write 2026-02-05, 2025-10 (month only), 2026-W06 (ISO week) or 2026-02-07T11:00+05:30, or leave it empty when the source prints no date',
      'data/claims.csv:7:12: as_of "2025-W53" is not an ISO date; write 2026-02-05, 2025-10 (month only), 2026-W06 (ISO week) or 2026-02-07T11:00+05:30, or leave it empty when the source prints no date',
    ]);
  });

  it("accepts an empty as_of with any period, ISO weeks, and week 53 where a year has one", () => {
    expect(
      claimErrors(
        claimsWith(
          claimRow({ as_of: "" }),
          claimRow({ id: "b", as_of: "", period: "" }),
          claimRow({ id: "c", as_of: "2026-W06", period: "7d-sma" }),
          claimRow({ id: "d", as_of: "2020-W53", period: "week" }),
        ),
      ),
    ).toEqual([]);
  });

  it("a week period needs an ISO week", () => {
    expect(claimErrors(claimsWith(claimRow({ as_of: "2026-02-06", period: "week" })))).toEqual([
      'data/claims.csv:5:12: period is week but as_of "2026-02-06" is not an ISO week; write e.g. 2026-W06, or choose another period',
    ]);
  });

  it("numbers that do not fit the kind", () => {
    expect(
      claimErrors(
        claimsWith(
          claimRow({ kind: "bound", value: "", low: "1", high: "2" }),
          claimRow({ id: "b", kind: "range", value: "", low: "1" }),
          claimRow({ id: "c", kind: "low", value: "", high: "2" }),
          claimRow({ id: "d", kind: "guess" }),
          claimRow({ id: "e", kind: "scenario", value: "", high: "2" }),
        ),
      ),
    ).toEqual([
      "data/claims.csv:5:8: the numbers do not fit kind bound; give only low (more than) or only high (less than), and no value",
      "data/claims.csv:6:8: the numbers do not fit kind range; give low and high, and no value",
      "data/claims.csv:7:7: the numbers do not fit kind low; give the lowest value in value only",
      'data/claims.csv:8:6: kind "guess" is not a known reading kind; use one of reading, low, high, bound, range, reference, scenario, label',
    ]);
  });

  it("a qualitative label has words, no number and no unit", () => {
    expect(claimErrors(claimsWith(claimRow({ kind: "label", value: "", unit: "", label: "extremely bearish" })))).toEqual([]);
    expect(claimErrors(claimsWith(claimRow({ kind: "label", label: "" }), claimRow({ id: "b", label: "inverted" })))).toEqual([
      "data/claims.csv:5:7: kind is label but a number is given; clear value, low and high, or choose another kind",
      "data/claims.csv:5:10: label is empty but kind is label; write the reading's words as printed, e.g. extremely bearish",
      "data/claims.csv:5:11: kind is label but unit is set; clear unit (a label has no number)",
      "data/claims.csv:6:10: label is set but kind is reading; clear label, or set kind to label for a reading in words",
    ]);
  });

  it("skew reading without a convention", () => {
    expect(claimErrors(claimsWith(claimRow({ topic: "options", metric: "options_skew", unit: "pct" })))).toEqual([
      'data/claims.csv:5:14: convention is empty but metric "options_skew" is a skew reading; use rr25 or put_minus_call',
    ]);
  });

  it("a listed copy that is not one of the source's", () => {
    expect(claimErrors(claimsWith(claimRow({ copies: "mini; elsewhere" })))).toEqual([
      'data/claims.csv:5:17: copy "elsewhere" is not a copy of source "mini" in data/copies.csv; use mini, or leave copies empty when every copy prints the quote',
    ]);
  });

  it("attribution to a party the source does not list", () => {
    expect(claimErrors(claimsWith(claimRow({ attributed_to: "Glassnode" })))).toEqual([
      'data/claims.csv:5:18: attributed_to "Glassnode" is not among the attributed_parties of source "mini" in data/sources.csv; add it there or fix the spelling',
    ]);
  });

  it("collects every error in the file, in line and column order", () => {
    const errors = claimErrors(
      claimsWith(
        claimRow({ id: "a", topic: "prices", unit: "usd_bln" }),
        claimRow({ id: "b", value: "x" }),
        claimRow({ id: "c", side: "longs", quote: "" }),
      ),
    );
    expect(errors.map((error) => error.split(": ")[0])).toEqual([
      "data/claims.csv:5:2",
      "data/claims.csv:5:11",
      "data/claims.csv:6:7",
      "data/claims.csv:7:5",
      "data/claims.csv:7:19",
    ]);
    expect(errors[0]).toMatch(/^data\/claims.csv:5:2: topic "prices" is not a known topic; use one of price, /);
    expect(errors[3]).toBe(
      'data/claims.csv:7:5: side "longs" is not a known side; use one of long, short, or leave it empty',
    );
    expect(errors[4]).toBe(
      "data/claims.csv:7:19: quote is empty; copy the shortest phrase of the article, at least three words, that shows the figure and its sign",
    );
  });
});

describe("an empty ledger", () => {
  const CLAIMS_HEADER = "id,topic,metric,asset,side,kind,value,low,high,label,unit,as_of,period,convention,tenor_days,source_id,copies,attributed_to,quote,note,expiry\n";
  const SOURCES_HEADER = "id,outlet,author,headline,published,url,attributed_parties,note\n";
  const issuesOf = (files: Parameters<typeof fixtureFiles>[0]) => validateLedger(fixtureFiles(files)).issues.map(formatIssue);

  it("is an error when claims.csv has only its header", () => {
    expect(issuesOf({ claims: CLAIMS_HEADER, conflicts: "id,title,kind,claim_ids,note\n" })).toEqual([
      "data/claims.csv:1:1: no claims: the file has a header and no rows; add a row for each figure the sources print; the site has nothing to cite without them",
    ]);
  });

  it("is an error when sources.csv has only its header, beside what cites the missing source", () => {
    const issues = issuesOf({ sources: SOURCES_HEADER });
    expect(issues[0]).toBe("data/sources.csv:1:1: no sources: the file has a header and no rows; add a row for each piece of writing the claims cite");
    expect(issues).toContain('data/copies.csv:2:2: source_id "mini" is not in data/sources.csv; add the source there first');
  });

  it("is an error when a file is empty, with the header to write", () => {
    expect(issuesOf({ claims: "", conflicts: "id,title,kind,claim_ids,note\n" })).toEqual([
      `data/claims.csv:1:1: file is empty; write the header ${CLAIMS_HEADER.trim()} and one row per line under it`,
    ]);
    expect(issuesOf({ sources: "\n" })[0]).toBe(`data/sources.csv:1:1: file is empty; write the header ${SOURCES_HEADER.trim()} and one row per line under it`);
  });

  it("may have no conflicts", () => {
    expect(issuesOf({ conflicts: "id,title,kind,claim_ids,note\n" })).toEqual([]);
  });
});

describe("source and conflict validation messages", () => {
  it("reports bad source rows", () => {
    const sources =
      "id,outlet,author,headline,published,url,attributed_parties,note\n" +
      "mini,Test Outlet,,Headline,,,Deribit; CoinGlass,\n" +
      "Other Source,,,,,ftp://x,CoinGlass;,\n" +
      "uncopied,,,Headline,,,,\n";
    const { issues, ledger } = validateLedger(fixtureFiles({ sources }));
    expect(issues.map(formatIssue)).toEqual([
      'data/sources.csv:3:1: id "Other Source" is not a slug; use lowercase letters, digits and hyphens, e.g. framework-translation',
      "data/sources.csv:3:4: headline is empty; copy the headline as printed",
      'data/sources.csv:3:6: url "ftp://x" is not an http(s) URL; copy it from the article, or leave it empty',
      'data/sources.csv:3:7: attributed_parties has an empty item; separate items with "; " and no trailing separator',
      'data/sources.csv:4:1: source "uncopied" has no copy in data/copies.csv; add a row for each place the piece is printed',
    ]);
    expect(ledger.sources.find((source) => source.id === "uncopied")?.outlet).toBe("an unnamed outlet");
  });

  it("reports bad copy rows", () => {
    const copies =
      "id,source_id,file,outlet,author,published,carried_by,start,end,note\n" +
      "mini,mini,mini-article.txt,,,,,Bitcoin,20%.,\n" +
      "elsewhere,reuters,article.pdf,,,,,,,\n";
    const { issues } = validateLedger(fixtureFiles({ copies }));
    expect(issues.map(formatIssue)).toEqual([
      'data/copies.csv:3:2: source_id "reuters" is not in data/sources.csv; use one of mini, or add the source there first',
      'data/copies.csv:3:3: file "article.pdf" is not a seed article file name; use the .txt name under ../shared/seeds, e.g. 000_dfdfa337dd763d04.txt',
      "data/copies.csv:3:8: start is empty; copy the words that open the part of the page this piece wrote",
      "data/copies.csv:3:9: end is empty; copy the words that close the part of the page this piece wrote",
    ]);
  });

  it("reports conflicts whose members are not claims", () => {
    const conflicts =
      "id,title,kind,claim_ids,note\n" +
      "skew,Skew,different_convention,btc-rr25; btc-skeww,Why.\n" +
      "low,Low,guess,btc-low,\n";
    const { issues } = validateLedger(fixtureFiles({ conflicts }));
    expect(issues.map(formatIssue)).toEqual([
      'data/conflicts.csv:2:4: claim id "btc-skeww" is not in data/claims.csv; check the spelling or add the claim first',
      `data/conflicts.csv:3:3: kind "guess" is not a known conflict kind; use one of rounding, different_window, different_scope, different_convention, different_time, date_discrepancy`,
      'data/conflicts.csv:3:4: claim_ids lists 1 claim(s); a conflict groups at least two, separated by "; "',
      "data/conflicts.csv:3:5: note is empty; explain why the figures differ and which to use for what",
    ]);
  });
});
