// Daily closes of BTC, ETH and ten markets from the public extracts: the % change of each
// against its own previous trading day, and each close as an index of a base day's close.
import * as aq from "arquero";
import { publicRows, publicSource } from "./load.ts";
import { CROSS_ASSETS, NORMALISED_ASSETS, type CrossAssetDataset, type CrossAssetRow, type NormalisedRow } from "./crossAssetRows.ts";

/** One series' closes as read from its extract, with the asset it stands for. */
export interface SeriesCloses {
  asset: string;
  series: string;
  source: string;
  closes: readonly { date: string; close: number | null }[];
}

/**
 * Every series in one long table; the previous close is the previous row of the same series, so a
 * stock's Monday is measured against its Friday, not against the weekend days crypto trades on.
 * A missing close (a gap) leaves its own change and the next day's change null.
 */
export function crossAssetRows(series: readonly SeriesCloses[]): CrossAssetRow[] {
  const long = series.flatMap(({ asset, series: id, source, closes }) => closes.map(({ date, close }) => ({ date, asset, close, series: id, source })));
  return aq
    .from(long)
    .groupby("series")
    .orderby("date")
    // Expressions as strings: Arquero parses them itself, and a transpiler must not rename `op`.
    .derive({ previous: "d => op.lag(d.close)" })
    .derive({ change_pct: "d => d.close != null && d.previous != null ? (d.close / d.previous - 1) * 100 : null" })
    .ungroup()
    .select("date", "asset", "close", "change_pct", "series", "source")
    .objects() as CrossAssetRow[];
}

/** Each asset's closes divided by its close on `baseDay`, times 100; an asset with no close that day is an error. */
export function normalisedCloses(rows: readonly CrossAssetRow[], assets: readonly string[], baseDay: string): NormalisedRow[] {
  const table = aq.from(rows.filter((row) => assets.includes(row.asset)));
  const base = table
    .params({ baseDay })
    .filter("(d, $) => d.date === $.baseDay && d.close != null")
    .select({ asset: "asset", close: "base_close" });
  const missing = assets.filter((asset) => !base.array("asset").includes(asset));
  if (missing.length > 0) throw new Error(`no close on the base day ${baseDay} for ${missing.join(", ")}`);
  return table
    .join(base, "asset")
    .derive({ index: "d => d.close != null ? (d.close / d.base_close) * 100 : null" })
    .orderby("asset", "date")
    .select("date", "asset", "index")
    .objects() as NormalisedRow[];
}

/** A Wednesday before the sell-off on which every market traded: each normalised asset is 100 here. */
export const NORMALISED_BASE_DAY = "2026-01-28";

/** What src/data/public-cross-asset.json.ts emits. */
export function crossAssetDataset(): CrossAssetDataset {
  const sources = CROSS_ASSETS.map(({ series }) => publicSource(series));
  const rows = crossAssetRows(
    CROSS_ASSETS.map(({ asset, series, column = "close" }, i) => ({
      asset,
      series,
      source: sources[i]!.upstream,
      closes: publicRows(series).map((row) => ({ date: row.date as string, close: row[column] as number | null }))
    }))
  );
  return { rows, normalised: { baseDay: NORMALISED_BASE_DAY, rows: normalisedCloses(rows, NORMALISED_ASSETS, NORMALISED_BASE_DAY) }, sources };
}
