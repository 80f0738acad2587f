import { describe, expect, test } from "vitest";
import { asOfInterval, claimAttribution, claimById, claimDate, claimPublisher, claimSummary, formatClaimValue, formatInUnit } from "../../src/lib/claims.ts";
import { testClaim, testSource } from "../support/claims.ts";

describe("claimById", () => {
  test("finds a claim and names a missing id", () => {
    const claims = [testClaim({ id: "a" }), testClaim({ id: "b" })];
    expect(claimById(claims, "b").id).toBe("b");
    expect(() => claimById(claims, "c")).toThrow('claim "c" is not in the ledger (data/claims.csv)');
  });
});

describe("formatClaimValue", () => {
  test("formats values in their unit", () => {
    expect(formatInUnit(60150, "usd")).toBe("$60,150");
    expect(formatInUnit(0.09863, "usd")).toBe("$0.09863");
    expect(formatInUnit(-544.9, "usd_mn")).toBe("−$544.9M");
    expect(formatInUnit(-13, "vol_pts")).toBe("−13 vol pts");
    expect(formatInUnit(527850, "btc")).toBe("527,850 BTC");
  });

  test("states ranges and one-sided bounds as the article gave them", () => {
    expect(formatClaimValue({ value: null, low: 66900, high: 70600, unit: "usd" })).toBe("$66,900 to $70,600");
    expect(formatClaimValue({ value: null, low: 1.26, high: null, unit: "usd_bn" })).toBe("> $1.26B");
    expect(formatClaimValue({ value: null, low: null, high: 0, unit: "pct" })).toBe("< 0%");
  });

  test("gives a qualitative reading its words", () => {
    expect(formatClaimValue({ value: null, low: null, high: null, unit: "", label: "extremely bearish" })).toBe("extremely bearish");
  });

  test("refuses an unknown unit", () => {
    expect(() => formatInUnit(1, "furlongs")).toThrow('no format for unit "furlongs"');
  });
});

describe("claimDate", () => {
  test("keeps dates, converts times to UTC, spells out ISO weeks and says when no date is printed", () => {
    expect(claimDate({ asOf: "2026-02-06" })).toBe("2026-02-06");
    expect(claimDate({ asOf: "2026-02-07T11:00+05:30" })).toBe("2026-02-07 05:30 UTC");
    expect(claimDate({ asOf: "2026-W06" })).toBe("2026-W06 (Feb 2 to Feb 8)");
    expect(claimDate({ asOf: null })).toBe("date not printed");
  });
});

describe("asOfInterval", () => {
  test("names the UTC span of a day, a month, an ISO week or an instant, and nothing for no date", () => {
    const iso = (asOf: string | null) => {
      const interval = asOfInterval(asOf);
      return interval && [interval.from.toISOString(), interval.to.toISOString()];
    };
    expect(iso("2026-02-06")).toEqual(["2026-02-06T00:00:00.000Z", "2026-02-07T00:00:00.000Z"]);
    expect(iso("2025-10")).toEqual(["2025-10-01T00:00:00.000Z", "2025-11-01T00:00:00.000Z"]);
    expect(iso("2026-W06")).toEqual(["2026-02-02T00:00:00.000Z", "2026-02-09T00:00:00.000Z"]);
    expect(iso("2026-W01")).toEqual(["2025-12-29T00:00:00.000Z", "2026-01-05T00:00:00.000Z"]);
    expect(iso("2026-02-07T11:00+05:30")).toEqual(["2026-02-07T05:30:00.000Z", "2026-02-07T05:30:00.000Z"]);
    expect(asOfInterval(null)).toBeNull();
  });
});

describe("who published a figure", () => {
  const story = {
    ...testSource,
    outlet: "AltcoinStory",
    copies: [
      { ...testSource.copies[0]!, id: "feb-9", outlet: "AltcoinStory" },
      { ...testSource.copies[0]!, id: "byline", outlet: null, author: "Esther Mendoza" }
    ]
  };

  test("is the source's outlet when one of its copies prints the quote", () => {
    expect(claimPublisher(testClaim({ id: "a", source: story, copyIds: ["feb-9", "byline"] }))).toBe("AltcoinStory");
  });

  test("is the copy's byline when only a copy with no outlet prints it", () => {
    expect(claimPublisher(testClaim({ id: "a", source: story, copyIds: ["byline"] }))).toBe("Esther Mendoza (outlet not printed)");
  });

  test("names every credited party before the publisher", () => {
    expect(claimAttribution(testClaim({ id: "a", attributedTo: "Deribit Insights; Block Scholes" }))).toBe("Deribit Insights and Block Scholes via Outlet A");
    expect(claimAttribution(testClaim({ id: "a" }))).toBe("Outlet A");
  });
});

describe("claimSummary", () => {
  test("states who, when, the span, the kind and the quote, never the note", () => {
    const claim = testClaim({
      id: "rr",
      kind: "low",
      value: -13,
      unit: "vol_pts",
      asOf: "2026-W06",
      period: "week",
      attributedTo: "Deribit Insights; Block Scholes",
      quote: "Minimum -13%",
      note: "a working note"
    });
    expect(claimSummary(claim)).toBe("Deribit Insights and Block Scholes via Outlet A, 2026-W06 (Feb 2 to Feb 8), over the week, the low of the period: “Minimum -13%”");
    expect(claimSummary(testClaim({ id: "x", value: 1, quote: "q" }))).toBe("Outlet A, date not printed: “q”");
  });
});
