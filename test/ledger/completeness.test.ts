// The real ledger against the articles it cites. The expectations come from the article files
// (every number in the part of a page a source wrote is quoted by one of its rows, or listed
// below with the reason it is not a figure) and from the ledger itself; the per-source id lists
// make a lost or renamed row fail.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { DEFAULT_SEEDS_DIR } from "../../src/lib/ledger/paths.ts";
import { normaliseForQuote } from "../../src/lib/ledger/quotes.ts";
import type { CitedClaim, SourceCopy } from "../../src/lib/ledger/types.ts";

const ledger = loadLedger();

/** The rows each source must have, in article order: the figures the audit found in its text. */
const EXPECTED_IDS: Record<string, string[]> = {
  "framework-translation": [
    "btc-open-2026-02-05",
    "btc-close-2026-02-05",
    "btc-low-2026-02-06",
    "btc-high-2026-02-06",
    "btc-price-above-70k-2026-02-06",
    "btc-drawdown-framework-translation",
    "btc-session-drop-framework-translation",
    "btc-rebound-pct-framework-translation",
    "btc-resistance-70k-2026-02-06",
    "btc-liquidations-2026-02-05",
    "btc-open-interest-2026-02-05-framework-translation",
    "btc-open-interest-prior-week-framework-translation",
    "btc-open-interest-30d-glassnode",
    "btc-funding-rate-2026-02-05",
    "btc-risk-reversal-2026-02-05",
    "btc-iv-term-structure-inverted",
    "btc-derivatives-sentiment-extremely-bearish",
    "silver-price-change-2026-02-05",
    "silver-price-2026-02-05",
    "sp500-change-2026-02-06",
    "nasdaq-change-2026-02-06",
    "dow-change-2026-02-06",
    "sox-change-2026-02-06",
    "gold-change-2026-02-06",
    "silver-change-2026-02-06",
    "dxy-change-2026-02-06",
    "btc-hashprice-2026-02-05",
    "btc-difficulty-change-expected-2026-02-05",
    "btc-put-open-interest-strikes-2026-02-27",
    "btc-put-open-interest-peak-strike-2026-02-27",
    "btc-put-demand-extreme-derive",
    "btc-etf-flow-month-to-date-2026-02-05",
    "btc-etf-flow-2026-02-04",
    "btc-etf-flow-2026-02-05",
    "btc-etf-flow-bear-scenario",
    "btc-realized-loss-7d-sma-glassnode",
    "btc-absorption-cluster-glassnode",
  ],
  "rally-71k": [
    "btc-distance-from-ath-rally-71k",
    "btc-price-2026-02-06-rally-71k",
    "btc-price-above-71k-rally-71k",
    "btc-low-2026-02-06-rally-71k",
    "btc-rebound-pct-rally-71k",
    "btc-key-level-70k-rally-71k",
    "btc-liquidations-5d-rally-71k",
    "btc-liquidations-2025-10-rally-71k",
    "btc-long-accumulation-range-rally-71k",
    "btc-open-interest-btc-rally-71k",
    "btc-open-interest-notional-prior-week-rally-71k",
    "btc-open-interest-notional-rally-71k",
    "btc-open-interest-rose-rally-71k",
    "btc-weekly-change-rally-71k",
    "btc-basis-neutral-range-rally-71k",
    "btc-basis-rally-71k",
    "btc-skew-fear-line-rally-71k",
    "btc-skew-2026-02-06-rally-71k",
    "btc-skew-2025-11-21-rally-71k",
    "btc-correction-2025-11-21-rally-71k",
    "btc-correction-range-2025-11-21-rally-71k",
  ],
  stocktwits: [
    "btc-price-above-70k-stocktwits",
    "crypto-market-cap-stocktwits",
    "crypto-market-cap-change-stocktwits",
    "btc-price-stocktwits",
    "btc-price-change-24h-stocktwits",
    "btc-liquidations-24h-stocktwits",
    "btc-liquidations-long-24h-stocktwits",
    "btc-liquidations-short-24h-stocktwits",
    "btc-retail-sentiment-stocktwits",
    "btc-mean-reversion-mcglone",
    ...["eth", "sol", "xrp", "doge", "bnb"].flatMap((coin) => [
      `${coin}-price-stocktwits`,
      `${coin}-price-change-24h-stocktwits`,
      `${coin}-liquidations-24h-stocktwits`,
      ...(coin === "eth" ? ["eth-liquidations-long-24h-stocktwits", "eth-liquidations-short-24h-stocktwits"] : []),
    ]),
  ],
  ambcrypto: [
    "btc-low-ambcrypto",
    "btc-support-80k-ambcrypto",
    "btc-local-high-ambcrypto",
    "btc-price-ambcrypto",
    "btc-price-change-1d-ambcrypto",
    "btc-whale-long-deposit-ambcrypto",
    "btc-whale-long-leverage-ambcrypto",
    "btc-whale-long-prior-pnl-ambcrypto",
    "btc-whale-short-deposit-ambcrypto",
    "btc-whale-short-leverage-ambcrypto",
    "btc-whale-short-prior-pnl-ambcrypto",
    "btc-derivatives-volume-ambcrypto",
    "btc-derivatives-volume-change-ambcrypto",
    "btc-open-interest-ambcrypto",
    "btc-long-short-ratio-binance-okx-ambcrypto",
    "btc-long-short-ratio-all-ambcrypto",
    "btc-futures-inflow-ambcrypto",
    "btc-adx-ambcrypto",
    "btc-downside-target-74k-ambcrypto",
    "btc-sma-81k-ambcrypto",
  ],
  "marsbit-followup": [
    "btc-followup-weekly-change",
    "btc-followup-price",
    "btc-followup-sth-cost-basis",
    "btc-followup-realized-pl-ratio-7d-high",
    "btc-followup-realized-pl-ratio-7d",
    "btc-followup-realized-pl-ratio-90d",
    "btc-followup-rally-high",
    "btc-followup-realized-loss",
    "btc-followup-realized-loss-lth",
    "btc-followup-etf-cost-basis",
    "btc-followup-spot-flows",
    "btc-followup-long-liquidations",
    "btc-followup-implied-vs-realized-volatility",
  ],
};

/** Numbers in a source's own text that are not figures about the market, and why. */
const NOT_FIGURES: Record<string, Record<string, string>> = {
  "framework-translation": {
    "6": "the section's date, 'February 6th began where February 5th ended'",
    "2": "'not a 1-2 hour blip', the table's wording for a lasting funding flip",
  },
  "rally-71k": {
    "9": "the dateline 'Feb 9, 2026'",
    "2026": "the datelines",
    "15": "the page's comment count",
  },
  stocktwits: {
    "07": "the dateline 'Feb 07, 2026, 11:00 AM IST'",
    "2026": "the dateline",
    "11": "the dateline's time",
    "00": "the dateline's time",
    "7": "part of the printed URL",
    "4": "part of the printed URL",
    "16": "'a16z', Chris Dixon's firm",
  },
  ambcrypto: {
    "76": "'rebounding to $76k' in the closing summary rounds the $76,873 high",
  },
  "marsbit-followup": {},
};

const NUMBER = /\d+(?:[.,]\d+)*/g;

/** The normalised text of the part of a copy's page its source wrote. */
function spanText(copy: SourceCopy): string {
  const text = normaliseForQuote(readFileSync(path.join(DEFAULT_SEEDS_DIR, copy.file), "utf8"));
  const from = text.indexOf(normaliseForQuote(copy.start));
  const end = normaliseForQuote(copy.end);
  return text.slice(from, text.indexOf(end, from) + end.length);
}

const claimsOf = (sourceId: string) => ledger.claims.filter((claim) => claim.sourceId === sourceId);

describe("the claims ledger against the articles", () => {
  it("has the audited rows of each source, in article order", () => {
    expect(ledger.sources.map((source) => source.id)).toEqual(Object.keys(EXPECTED_IDS));
    for (const source of ledger.sources) expect(claimsOf(source.id).map((claim) => claim.id), source.id).toEqual(EXPECTED_IDS[source.id]);
  });

  it("quotes every number each source printed, except those that are not market figures", () => {
    for (const source of ledger.sources) {
      const quoted = new Set(claimsOf(source.id).flatMap((claim) => normaliseForQuote(claim.quote).match(NUMBER) ?? []));
      const printed = new Set(source.copies.flatMap((copy) => spanText(copy).match(NUMBER) ?? []));
      const unquoted = [...printed].filter((number) => !quoted.has(number));
      expect(unquoted.sort(), source.id).toEqual(Object.keys(NOT_FIGURES[source.id] ?? {}).sort());
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
