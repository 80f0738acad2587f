import { reportedBeside } from "../../lib/public/crossAssetRows.js";
import { crossAssetMoves } from "../crossAssetMoves.js";
import { moves } from "./macro.js";
import { defineChart } from "./spec.js";

export const crossAssetMovesEmbed = defineChart(["claims", "crossAsset"])({
  about: "One-day moves the articles report, each beside the close-to-close change computed for the same market and day.",
  pages: ["macro"],
  options: { ids: moves("ledger ids of reported one-day moves; default the seven moves of Feb 6 on Macro.", true) },
  example: { ids: ["gold-change-2026-02-06", "silver-change-2026-02-06"] },
  draw: ({ crossAsset }, { ids }, width) => crossAssetMoves(reportedBeside(ids, crossAsset.rows), { width, rows: crossAsset.rows, sources: crossAsset.sources })
});
