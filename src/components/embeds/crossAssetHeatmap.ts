import { CROSS_ASSETS, type CrossAssetDataset, reportedBeside, sourcesFor } from "../../lib/public/crossAssetRows.js";
import { crossAssetHeatmap } from "../crossAssetHeatmap.js";
import { moves } from "./macro.js";
import { dayRange, daysOf, someOf } from "./options.js";
import { defineChart } from "./spec.js";

const crossAssetDays = (data: { crossAsset: CrossAssetDataset }) => daysOf(data.crossAsset.rows);

export const crossAssetHeatmapEmbed = defineChart(["claims", "crossAsset"])({
  about: "Close-to-close moves of fifteen markets day by day on a diverging scale, with the moves the articles report outlined.",
  pages: ["macro", "/"],
  options: {
    range: dayRange('`["YYYY-MM-DD", "YYYY-MM-DD"]`, the first and last day drawn; default Jan 26 to Feb 13, 2026, as on Macro.', crossAssetDays, { from: "2026-01-26", to: "2026-02-13" }),
    assets: someOf('which markets, one row each: `"BTC"`, `"ETH"`, `"XRP"`, `"DOGE"`, `"BNB"`, `"S&P 500"`, `"Nasdaq"`, `"Dow"`, `"SOX"`, `"Gold"`, `"Silver"`, `"Dollar (DXY)"`, `"VIX"`, `"WTI"`, `"Brent"`; default all fifteen.', () => CROSS_ASSETS.map((spec) => spec.asset)),
    ids: moves("ledger ids of reported moves to outline; default the seven moves of Feb 6.", false)
  },
  example: { range: ["2026-02-02", "2026-02-10"], assets: ["BTC", "ETH", "Nasdaq", "SOX", "Gold", "Silver"] },
  draw({ crossAsset }, { range, assets, ids }, width) {
    const rows = crossAsset.rows.filter((row) => assets.includes(row.asset));
    const outlined = reportedBeside(ids, crossAsset.rows).filter((pair) => assets.includes(pair.asset) && pair.date >= range.from && pair.date <= range.to);
    return crossAssetHeatmap(rows, outlined, { width, ...range, sources: sourcesFor(crossAsset.sources, assets), assets });
  }
});
