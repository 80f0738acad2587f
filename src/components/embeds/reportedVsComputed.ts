import { reportedBeside } from "../../lib/public/crossAssetRows.js";
import { reportedVsComputed } from "../reportedVsComputed.js";
import { moves } from "./macro.js";
import { defineChart } from "./spec.js";

export const reportedVsComputedEmbed = defineChart(["claims", "crossAsset"])({
  about: "A compact table of reported one-day moves beside the computed close-to-close change and the two closes it runs between.",
  pages: ["macro"],
  fixedWidth: true,
  options: { ids: moves("ledger ids of reported one-day moves; default the seven moves of Feb 6 on Macro.", true) },
  example: { ids: ["sp500-change-2026-02-06", "gold-change-2026-02-06"] },
  draw: ({ crossAsset }, { ids }) => reportedVsComputed(reportedBeside(ids, crossAsset.rows), crossAsset.rows)
});
