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
      value: -13,
      low: null,
      unit: "vol_pts",
      asOf: "2026-02-06T12:00Z",
      convention: "rr25",
      tenorDays: 7,
      attributedTo: "Deribit",
      note: null,
      expiry: null,
      line: 3,
      source: { id: "mini", outlet: "Test Outlet", attributedParties: ["Deribit", "CoinGlass"], line: 2 },
    });
    expect(ledger.sources[0]).toMatchObject({ url: "https://example.org/a", published: "2026-02-06" });
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
      'data/claims.csv:5:6: value "71,422" is not a number; write plain digits such as 73100, -13 or 0.09863 (no commas, units, + or %)',
    ]);
  });

  it("unknown unit", () => {
    expect(claimErrors(claimsWith(claimRow({ unit: "usd_bln" })))).toEqual([
      `data/claims.csv:5:9: unit "usd_bln" is not a known unit; use one of ${UNITS.join(", ")}`,
    ]);
  });

  it("unknown source", () => {
    expect(claimErrors(claimsWith(claimRow({ source_id: "reuters" })))).toEqual([
      'data/claims.csv:5:14: source_id "reuters" is not in data/sources.csv; use one of mini, or add the source there first',
    ]);
  });

  it("duplicate id", () => {
    expect(claimErrors(claimsWith(claimRow({ id: "btc-low" })))).toEqual([
      'data/claims.csv:5:1: id "btc-low" is already used on line 2; give each row a unique id',
    ]);
  });

  it("reversed range", () => {
    expect(claimErrors(claimsWith(claimRow({ value: "", low: "70600", high: "66900" })))).toEqual([
      "data/claims.csv:5:7: low 70600 is greater than high 66900; swap low and high",
    ]);
  });

  it("neither value nor range", () => {
    expect(claimErrors(claimsWith(claimRow({ value: "" })))).toEqual([
      "data/claims.csv:5:6: value, low and high are all empty; give value, or low and/or high for a range or a bound",
    ]);
  });

  it("unparseable or impossible dates", () => {
    expect(claimErrors(claimsWith(claimRow({ as_of: "Feb 6" }), claimRow({ id: "b", as_of: "2026-02-30" })))).toEqual([
      'data/claims.csv:5:10: as_of "Feb 6" is not an ISO date; write 2026-02-05, 2025-10 (month only) or 2026-02-07T11:00+05:30',
      'data/claims.csv:6:10: as_of "2026-02-30" is not an ISO date; write 2026-02-05, 2025-10 (month only) or 2026-02-07T11:00+05:30',
    ]);
  });

  it("empty as_of outside undated follow-up, and the reverse", () => {
    expect(
      claimErrors(claimsWith(claimRow({ as_of: "" }), claimRow({ id: "b", period: "undated-follow-up" }))),
    ).toEqual([
      "data/claims.csv:5:10: as_of is empty; give the ISO date the figure was true, or set period to undated-follow-up for an undated follow-up figure",
      "data/claims.csv:6:10: as_of is set but period is undated-follow-up; clear as_of or choose another period",
    ]);
    expect(claimErrors(claimsWith(claimRow({ as_of: "", period: "undated-follow-up" })))).toEqual([]);
  });

  it("skew reading without a convention", () => {
    expect(claimErrors(claimsWith(claimRow({ topic: "options", metric: "options_skew", unit: "pct" })))).toEqual([
      'data/claims.csv:5:12: convention is empty but metric "options_skew" is a skew reading; use rr25 or put_minus_call',
    ]);
  });

  it("attribution to a party the source does not list", () => {
    expect(claimErrors(claimsWith(claimRow({ attributed_to: "Glassnode" })))).toEqual([
      'data/claims.csv:5:15: attributed_to "Glassnode" is not among the attributed_parties of source "mini" in data/sources.csv; add it there or fix the spelling',
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
      "data/claims.csv:5:9",
      "data/claims.csv:6:6",
      "data/claims.csv:7:5",
      "data/claims.csv:7:16",
    ]);
    expect(errors[0]).toMatch(/^data\/claims.csv:5:2: topic "prices" is not a known topic; use one of price, /);
    expect(errors[3]).toBe(
      'data/claims.csv:7:5: side "longs" is not a known side; use one of long, short, or leave it empty',
    );
    expect(errors[4]).toBe(
      "data/claims.csv:7:16: quote is empty; copy the shortest phrase of the article that shows the figure",
    );
  });
});

describe("source and conflict validation messages", () => {
  it("reports bad source rows", () => {
    const sources =
      "id,file,outlet,headline,published,url,attributed_parties,note\n" +
      "mini,mini-article.txt,Test Outlet,Headline,,,Deribit; CoinGlass,\n" +
      "Other Source,article.pdf,,Headline,,ftp://x,CoinGlass;,\n";
    const { issues } = validateLedger(fixtureFiles({ sources }));
    expect(issues.map(formatIssue)).toEqual([
      'data/sources.csv:3:1: id "Other Source" is not a slug; use lowercase letters, digits and hyphens, e.g. framework-translation',
      'data/sources.csv:3:2: file "article.pdf" is not a seed article file name; use the .txt name under ../shared/seeds, e.g. 000_dfdfa337dd763d04.txt',
      'data/sources.csv:3:3: outlet is empty; name the outlet as printed, or write "Unnamed outlet" and say why in note',
      'data/sources.csv:3:6: url "ftp://x" is not an http(s) URL; copy it from the article, or leave it empty',
      'data/sources.csv:3:7: attributed_parties has an empty item; separate items with "; " and no trailing separator',
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
