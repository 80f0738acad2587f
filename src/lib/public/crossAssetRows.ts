// The cross-asset daily closes as the Macro page receives them, and how a reported move is set
// beside the close-to-close change of the same asset and day. Browser-safe: no Arquero, no files.
import type { CitedClaim } from "../ledger/types.ts";
import type { PublicSource } from "./load.ts";

export interface CrossAsset {
  /** Name on the chart. */
  asset: string;
  /** Public extract holding its daily closes. */
  series: string;
  /** The ledger's asset code for the same market, when the ledger reports its moves. */
  ledgerAsset: string;
  /** The extract column holding the close, when it is not "close" (Coin Metrics' price_usd). */
  column?: string;
}

/**
 * BTC and ETH close at 00:00 UTC (Binance days); XRP, DOGE and BNB are Coin Metrics' reference
 * price at the end of the UTC day; the others close at their exchange's session close.
 */
export const CROSS_ASSETS: readonly CrossAsset[] = [
  { asset: "BTC", series: "btc-binance-1d", ledgerAsset: "BTC" },
  { asset: "ETH", series: "eth-binance-1d", ledgerAsset: "ETH" },
  { asset: "XRP", series: "xrp-coinmetrics-1d", ledgerAsset: "XRP", column: "price_usd" },
  { asset: "DOGE", series: "doge-coinmetrics-1d", ledgerAsset: "DOGE", column: "price_usd" },
  { asset: "BNB", series: "bnb-coinmetrics-1d", ledgerAsset: "BNB", column: "price_usd" },
  { asset: "S&P 500", series: "sp500-yahoo-1d", ledgerAsset: "SP500" },
  { asset: "Nasdaq", series: "nasdaq-yahoo-1d", ledgerAsset: "NASDAQ" },
  { asset: "Dow", series: "dow-yahoo-1d", ledgerAsset: "DJIA" },
  { asset: "SOX", series: "sox-yahoo-1d", ledgerAsset: "SOX" },
  { asset: "Gold", series: "gold-yahoo-1d", ledgerAsset: "GOLD" },
  { asset: "Silver", series: "silver-yahoo-1d", ledgerAsset: "SILVER" },
  { asset: "Dollar (DXY)", series: "dxy-yahoo-1d", ledgerAsset: "DXY" },
  { asset: "VIX", series: "vix-yahoo-1d", ledgerAsset: "VIX" },
  { asset: "WTI", series: "wti-yahoo-1d", ledgerAsset: "WTI" },
  { asset: "Brent", series: "brent-yahoo-1d", ledgerAsset: "BRENT" }
];

/** The assets of the normalised price chart. */
export const NORMALISED_ASSETS: readonly string[] = ["BTC", "ETH", "S&P 500", "Nasdaq", "Gold", "Silver"];

/** One asset on one day: its close and the % change from its previous close in the extract. */
export interface CrossAssetRow {
  date: string;
  asset: string;
  close: number | null;
  /** Against the previous row of the same series (its previous trading day); null after a gap or on the first row. */
  change_pct: number | null;
  series: string;
  /** Who measured it, e.g. "Yahoo Finance ^GSPC". */
  source: string;
}

/** A close as an index: 100 on the base day. */
export interface NormalisedRow {
  date: string;
  asset: string;
  index: number | null;
}

export interface CrossAssetDataset {
  rows: CrossAssetRow[];
  normalised: { baseDay: string; rows: NormalisedRow[] };
  sources: PublicSource[];
}

/** A reported move beside the computed close-to-close change of the same asset on the same day. */
export interface ReportedBeside {
  claim: CitedClaim;
  asset: string;
  date: string;
  /** Null when the extract has no change for that asset and day. */
  computed: CrossAssetRow | null;
}

/** Pairs each reported daily or intraday % move with the computed row of its asset and UTC date. */
export function reportedBeside(claims: readonly CitedClaim[], rows: readonly CrossAssetRow[]): ReportedBeside[] {
  // A move the source gives no day for has no daily close to sit beside.
  return claims.filter((claim) => claim.asOf !== null).map((claim) => {
    const spec = CROSS_ASSETS.find((candidate) => candidate.ledgerAsset === claim.asset);
    if (!spec || claim.asOf === null || claim.unit !== "pct" || claim.value === null) {
      throw new Error(`claim "${claim.id}" is not a dated % move of an asset with a public extract`);
    }
    const date = claim.asOf.slice(0, 10);
    const computed = rows.find((row) => row.asset === spec.asset && row.date === date && row.change_pct !== null) ?? null;
    return { claim, asset: spec.asset, date, computed };
  });
}

/** The credits of the series behind the named assets. */
export function sourcesFor(sources: readonly PublicSource[], assets: readonly string[]): PublicSource[] {
  const series = CROSS_ASSETS.filter((spec) => assets.includes(spec.asset)).map((spec) => spec.series);
  return sources.filter((source) => series.includes(source.series));
}

/** The row before `row` in its own series: the close its change is measured from. */
export function previousClose(rows: readonly CrossAssetRow[], row: CrossAssetRow): CrossAssetRow | null {
  const earlier = rows.filter((candidate) => candidate.series === row.series && candidate.date < row.date);
  return earlier.reduce<CrossAssetRow | null>((latest, candidate) => (latest === null || candidate.date > latest.date ? candidate : latest), null);
}

/** What a reported move's window means in words. */
export function reportedWindow(claim: CitedClaim): string {
  if (claim.period === "1d") return "one day";
  if (claim.period === "intraday") return "intraday, worst point";
  throw new Error(`claim "${claim.id}": no window in words for period "${claim.period}"`);
}

/** "+1.97%", "−0.19%": a signed % change. */
export function formatChangePct(value: number, digits = 2): string {
  return `${value > 0 ? "+" : value < 0 ? "−" : ""}${Math.abs(value).toFixed(digits)}%`;
}
