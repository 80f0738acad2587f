// The real ledger against the articles it cites. Expectations come from the article files and
// the ledger, never from counts or id lists: every number printed in the part of a page a source
// wrote is a row's figure, or a date or name by its form, or shared with another copy, or inside
// a phrase listed below with the reason it is not a row. So a new row with a good quote needs no
// edit here, and a deleted row that was the only one to show a printed number fails.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/lib/ledger/errors.ts";
import { checkLedger, loadLedger } from "../../src/lib/ledger/load.ts";
import { DEFAULT_SEEDS_DIR } from "../../src/lib/ledger/paths.ts";
import { normaliseForQuote } from "../../src/lib/ledger/quotes.ts";
import type { CitedClaim } from "../../src/lib/ledger/types.ts";
import { phrasesNotPrinted, printedPlaces, unaccountedNumbers } from "./coverage.ts";

const ledger = loadLedger();

/**
 * Phrases of each source's own text whose numbers are not rows, and why: restatements of a figure
 * a row quotes elsewhere in the same copy, page furniture, and yardsticks that are not readings.
 * Keyed by the article's words, so rows can be added without touching this list.
 */
const NOT_ROWS: Record<string, Record<string, string>> = {
  "framework-translation": {
    "Bitcoin rose from $60,000": "the opening line's start: the Feb 6 low ('an intraday low near $60,000')",
    "the possibility that $70,000 is a temporary price": "the $70,000 level the article turns on, restated",
    "skew to around -13%": "the week-6 risk reversal low, printed in the table ('Minimum -13%'), restated in the text",
    "before falling below $70,000": "the $70,000 level again: the price fell back below it",
    "S&P 500": "the index's name",
    "Skew near -13%": "the week-6 risk reversal low, restated in the Feb 6 section",
    "Can you maintain $70,000?": "a heading: the $70,000 level",
    "the expected 13.37% decline": "the expected difficulty cut, restated",
    "up from $60,000 in late February": "garbled in translation: no strike or date can be read from it",
    "Negative (less than 0%)": "the funding bound, restated in the table's reading cell",
    "Short-term skew is low up to -13%": "the week-6 risk reversal low, in the table's reading cell",
    "not a 1-2 hour blip": "a duration",
    "skew rebound towards 0": "the table's bullish condition (a scorecard line), not a reading",
    "while price is above $70,000": "the $70,000 level in a condition",
    "> $1.26 billion/day (7D SMA)": "the realized-loss bound, restated in the table's reading cell",
    "remains in the $70,000 area": "the $70,000 level in a condition",
    "Hash price < $32/PH/sec": "the hashprice forecast, restated in the table",
    "Expected difficulty -13.37%": "the expected difficulty cut, restated in the table",
    "While BTC is above $70,000": "the $70,000 level in a condition",
    "hash price < $32/PH/s, difficulty prediction -13.37%": "the table's source cell, restating both mining forecasts",
    "What $70,000 Really Means": "a heading: the $70,000 level",
    "Sustaining above $70,000": "the $70,000 level in a condition",
    "The rebound from $60,000 was real": "the Feb 6 low, restated",
    "heading towards $50,000 to $60,000 over the next three weeks": "the put strike band of the Feb 27 expiry, restated",
    "The $70,000 level is not the final stage": "the $70,000 level, restated",
  },
  "rally-71k": {
    "Bitcoin has rebounded to $71,000": "the AltcoinStory standfirst, restating the price back above $71,000",
    "instability. 15": "the page's comment count",
    "with the options skew reaching 20%": "the Feb 6 skew, restated in the Mendoza copy's key observations",
  },
  stocktwits: {
    "Reclaims $70,000": "the headline, restating the $70,652.60 price",
    "11:00 AM IST": "the dateline's time",
    "Bitcoin above $70,000": "the synopsis and the opening, restating the $70,652.60 price",
    "market cap 9% to about $2.48 trillion": "the synopsis, restating the market cap and its 24-hour change",
  },
  ambcrypto: {
    "firmly holding below $80k": "the $80k support level, restated",
    "below 1": "a long/short ratio's balance point, the yardstick the article reads the ratios against",
    "positive index at 36": "the DMI line the article puts at 36, the ADX reading's 36 restated",
    "dropping to $72k before rebounding to $76k": "the closing summary: the $72k low restated, the $76,873 high rounded",
  },
};

/** Parties printed other than by their name: "Derive" is printed as "We derive data" and "Deliv". */
const PRINTED_AS: Record<string, RegExp> = {
  Derive: /We derive data/,
  "Shaun Dawson (Derive)": /Deliv.s Shaun Dawson/,
  "Mike McGlone (Bloomberg)": /Bloomberg analyst Mike McGlone/,
};

/** Credits that come from a neighbouring sentence of the same source, and which party. */
const CREDITED_ELSEWHERE: Record<string, string> = {
  // "The largest concentration of puts is $50,000" continues the Derive data on the put band.
  "btc-put-open-interest-peak-strike-2026-02-27": "Derive",
};

const claimsOf = (sourceId: string) => ledger.claims.filter((claim) => claim.sourceId === sourceId);
const hasFigure = (claim: CitedClaim) => claim.value !== null || claim.low !== null || claim.high !== null;

describe("the claims ledger against the articles", () => {
  it("passes npm run check: every figure printed in its quote, every quote in one place of its source's text", () => {
    expect(checkLedger().issues.map(formatIssue)).toEqual([]);
  });

  it("has a source for every article, and rows for every source, grouped by source", () => {
    const printed = new Set(ledger.sources.flatMap((source) => source.copies.map((copy) => copy.file)));
    expect(readdirSync(DEFAULT_SEEDS_DIR).filter((file) => file.endsWith(".txt") && !printed.has(file))).toEqual([]);
    for (const source of ledger.sources) expect(claimsOf(source.id).length, source.id).toBeGreaterThan(0);
    const order = ledger.claims.map((claim) => claim.sourceId).filter((id, i, ids) => id !== ids[i - 1]);
    expect(order).toEqual(ledger.sources.map((source) => source.id));
  });

  it("accounts for every number each source printed", () => {
    for (const source of ledger.sources) {
      expect(unaccountedNumbers(source, ledger.claims, NOT_ROWS[source.id] ?? {}, DEFAULT_SEEDS_DIR), source.id).toEqual([]);
      expect(phrasesNotPrinted(source, NOT_ROWS[source.id] ?? {}, DEFAULT_SEEDS_DIR), `${source.id}: listed phrases not in its text`).toEqual([]);
    }
    expect(Object.keys(NOT_ROWS).filter((id) => !ledger.sources.some((source) => source.id === id))).toEqual([]);
  });

  it("loses a printed number when a row with a figure is deleted, unless the number is listed as not needing one", () => {
    const places = ledger.sources.flatMap((source) => printedPlaces(source, ledger.claims, NOT_ROWS[source.id] ?? {}, DEFAULT_SEEDS_DIR));
    for (const claim of ledger.claims.filter(hasFigure)) {
      const own = places.filter((place) => place.rows.includes(claim.id));
      const onlyCover = own.filter((place) => place.rows.length === 1 && !place.calendar && !place.shared && !place.listed);
      expect(onlyCover.length > 0 || (own.length > 0 && own.every((place) => place.listed)), `${claim.id} shows no number no other row shows`).toBe(true);
    }
  });

  it("keeps one row for a figure a source prints more than once", () => {
    const shape = (claim: CitedClaim) =>
      [claim.sourceId, claim.metric, claim.asset, claim.side, claim.value, claim.low, claim.high, claim.label, claim.unit, claim.asOf, claim.period].join("|");
    const seen = new Map<string, string>();
    for (const claim of ledger.claims) {
      expect(seen.get(shape(claim)), `${claim.id} repeats ${seen.get(shape(claim))}`).toBeUndefined();
      seen.set(shape(claim), claim.id);
    }
  });

  it("credits a figure only to providers named where it is printed", () => {
    for (const claim of ledger.claims.filter((c) => c.attributedTo !== null)) {
      const lines = claim.source.copies
        .filter((copy) => claim.copyIds.includes(copy.id))
        .flatMap((copy) => readFileSync(path.join(DEFAULT_SEEDS_DIR, copy.file), "utf8").split("\n"))
        .filter((line) => normaliseForQuote(line).includes(normaliseForQuote(claim.quote)));
      expect(lines.length, claim.id).toBeGreaterThan(0);
      for (const party of claim.attributedTo!.split("; ")) {
        if (CREDITED_ELSEWHERE[claim.id] === party) continue;
        const named = PRINTED_AS[party] ?? new RegExp(party.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
        expect(lines.some((line) => named.test(line)), `${claim.id} credits ${party}`).toBe(true);
      }
    }
  });

  it("dates each reading only as its source dates it", () => {
    const byId = new Map(ledger.claims.map((claim) => [claim.id, claim]));
    const at = (id: string) => byId.get(id);
    // Weekly reports: the risk reversal is the week's low, funding a bound over the week.
    expect(at("btc-risk-reversal-2026-02-05")).toMatchObject({ asOf: "2026-W06", period: "week", kind: "low", value: -13 });
    expect(at("btc-funding-rate-2026-02-05")).toMatchObject({ asOf: "2026-W06", period: "week", kind: "bound", high: 0 });
    expect(at("btc-realized-loss-7d-sma-glassnode")).toMatchObject({ asOf: "2026-W05", period: "7d-sma", kind: "bound" });
    // AMBCrypto gives no day or hour for its press-time readings.
    expect(claimsOf("ambcrypto").filter((claim) => claim.asOf !== null).map((claim) => claim.id)).toEqual([]);
    // The translated analysis prints no date for these.
    for (const id of ["silver-price-change-2026-02-05", "btc-open-interest-2026-02-05-framework-translation", "btc-hashprice-2026-02-05", "btc-drawdown-framework-translation", "btc-session-drop-framework-translation", "btc-rebound-pct-framework-translation"]) {
      expect(at(id)?.asOf, id).toBeNull();
    }
    // A reference level or a projection is never a reading.
    for (const claim of ledger.claims.filter((c) => /threshold|neutral|key_level|support|target|expected|mean_reversion/.test(c.metric))) {
      expect(["reference", "scenario"], claim.id).toContain(claim.kind);
    }
  });

  it("gives every skew reading its sign convention: the risk reversal from Deribit's research, the put-minus-call skew from the rally story", () => {
    const skew = ledger.claims.filter((claim) => claim.convention !== null);
    expect(skew.length).toBeGreaterThan(0);
    for (const claim of skew) {
      if (claim.convention === "rr25") expect(claim.attributedTo ?? "", claim.id).toMatch(/Deribit/);
      else expect(claim.sourceId, claim.id).toBe("rally-71k");
    }
  });

  it("leaves every figure of the later follow-up undated", () => {
    const followUp = claimsOf("marsbit-followup");
    expect(followUp.length).toBeGreaterThan(0);
    expect(followUp.filter((claim) => claim.asOf !== null).map((claim) => claim.id)).toEqual([]);
    expect(followUp.filter((claim) => claim.attributedTo !== null).map((claim) => claim.id)).toEqual([]);
  });

  it("records the disagreements between sources that the issue lists", () => {
    const members = Object.fromEntries(ledger.conflicts.map((conflict) => [conflict.id, conflict.claimIds]));
    const valuesOf = (id: string) => (members[id] ?? []).map((claimId) => ledger.claims.find((claim) => claim.id === claimId)?.value);
    expect(valuesOf("btc-intraday-low-2026-02-06")).toEqual([60000, 60150]);
    expect(valuesOf("btc-options-skew-feb-2026")).toEqual([-13, 20]);
    expect(valuesOf("btc-open-interest")).toEqual(expect.arrayContaining([49, 50.9, 35.8, 527850]));
  });
});
