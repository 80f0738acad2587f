// The scorecard's data as its loaders print it (Node only; the loaders and the tests use it):
// the thresholds, validated against the ledger and the articles, and which signals turned,
// computed from the committed public series.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { csvParse } from "d3-dsv";
import { claimById } from "./claims.ts";
import { loadLedger } from "./ledger/load.ts";
import { DEFAULT_SEEDS_DIR, PROJECT_ROOT } from "./ledger/paths.ts";
import { findQuoteIssues } from "./ledger/quotes.ts";
import { CLAIM_COLUMNS } from "./ledger/vocabulary.ts";
import type { CitedClaim, Ledger } from "./ledger/types.ts";
import { PUBLIC_BUILDERS } from "./public/datasets.ts";
import { publicRows, publicSource, type PublicSource } from "./public/load.ts";
import { onchainRows } from "./public/onchain.ts";
import { publicDir } from "./public/store.ts";
import { publicVolatility } from "./public/volatility.ts";
import { parseThresholds, signalTurns, type ScorecardThreshold, type SignalTurns } from "./scorecard.ts";
import type { DifficultyAdjustmentRow, MiningRow } from "./snapshot/rows.ts";

export const THRESHOLDS_FILE = path.join(PROJECT_ROOT, "data/scorecard-thresholds.csv");

/**
 * Whether a source wrote the words: found, as the ledger finds its quotes, inside the part of a
 * seed page one of the source's copies spans (a related-reads list or a host page's boilerplate
 * does not count). Like the ledger's quotes, the words go unchecked where the articles are absent.
 */
export function articleQuoteFinder(ledger: Ledger, seedsDir = DEFAULT_SEEDS_DIR): (sourceId: string, quote: string) => boolean {
  if (!existsSync(seedsDir)) return () => true;
  return (sourceId, quote) => {
    const sample = ledger.claims.find((claim) => claim.sourceId === sourceId);
    if (!sample) return false;
    // The ledger's own check, run on one probe claim of that source carrying the words: the words
    // are found unless it reports the quote column (which copies print them does not matter here).
    const probe = { ...sample, id: "scorecard-threshold-quote", quote };
    const files = { claimsFile: THRESHOLDS_FILE, copiesFile: path.join(PROJECT_ROOT, "data/copies.csv"), seedsDir };
    const quoteColumn = CLAIM_COLUMNS.indexOf("quote") + 1;
    return !findQuoteIssues({ ...ledger, claims: [probe] }, files).some((issue) => issue.file === THRESHOLDS_FILE && issue.column === quoteColumn);
  };
}

export function loadThresholds(ledger: Ledger = loadLedger(), file = THRESHOLDS_FILE): ScorecardThreshold[] {
  return parseThresholds(csvParse(readFileSync(file, "utf8")), ledger.claims, articleQuoteFinder(ledger));
}

/** The public series the signal turns are computed from. */
export const SIGNAL_TURN_SERIES = ["btc-yahoo-1d", "btc-funding-1d", "btc-dvol-1h", "btc-yahoo-1h", "btc-coinmetrics-1d", "btc-difficulty-1d", "ibit-flow-estimate-1d"] as const;

/** Which signals turned, from the committed public series and the ledger, with the series credited. */
export function loadSignalTurns(claims: readonly CitedClaim[] = loadLedger().claims, dir = publicDir()): SignalTurns & { credits: PublicSource[] } {
  const level = (id: string) => ({ claimId: id, value: claimById(claims, id).value! });
  const mining = PUBLIC_BUILDERS.mining(dir);
  const turns = signalTurns({
    funding: publicRows("btc-funding-1d", dir).map((row) => ({ date: String(row.date), rate: row.funding_rate as number })),
    volatility: publicVolatility(dir).daily,
    mining: (mining.rows as MiningRow[]).map((row) => ({ date: row.date, hashprice: row.hashprice_usd_per_ph_day, hashrate_ehs: row.hashrate_ehs })),
    adjustments: (mining.summary as { difficultyAdjustments: DifficultyAdjustmentRow[] }).difficultyAdjustments,
    price: publicRows("btc-yahoo-1d", dir).map((row) => ({ date: String(row.date), high: row.high as number, close: row.close as number })),
    exchangeNetFlow: onchainRows(publicRows("btc-coinmetrics-1d", dir)).map((row) => ({ date: row.date, net_btc: row.exchange_net_flow_btc })),
    etfFlowEstimate: publicRows("ibit-flow-estimate-1d", dir).map((row) => ({ date: String(row.date), flow_usd: row.flow_usd_estimate as number | null })),
    holdLevel: level("btc-resistance-70k-2026-02-06"),
    followUpHigh: level("btc-followup-rally-high")
  });
  return { ...turns, credits: SIGNAL_TURN_SERIES.map((id) => publicSource(id, dir)) };
}
