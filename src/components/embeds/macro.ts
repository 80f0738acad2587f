// Charts of the Macro page: silver's sessions, the cross-asset closes and moves, sentiment.
import { claimDate, formatClaimValue } from "../../lib/claims.js";
import type { CitedClaim } from "../../lib/ledger/types.js";
import { CROSS_ASSETS, NORMALISED_ASSETS, reportedBeside, sourcesFor, type CrossAssetDataset } from "../../lib/public/crossAssetRows.js";
import { crossAssetHeatmap } from "../crossAssetHeatmap.js";
import { crossAssetMoves } from "../crossAssetMoves.js";
import { dailyRanges } from "../dailyRanges.js";
import { fearGreed } from "../fearGreed.js";
import { normalisedPrices } from "../normalisedPrices.js";
import { reportedVsComputed } from "../reportedVsComputed.js";
import { shortUtcDate } from "../reportedBound.js";
import { checkLabels, claimIds, dayRange, daysOf, events, labels, OptionProblem, someOf } from "./options.js";
import { defineChart } from "./spec.js";
import { spanWords } from "./text.js";

/** The one-day moves the translated analysis reports for Feb 6, as on the Macro page. */
const REVERSAL_MOVES = ["sp500", "nasdaq", "dow", "sox", "gold", "silver", "dxy"].map((asset) => `${asset}-change-2026-02-06`);

/** A dated one-day (or intraday) % move of a market the cross-asset extracts hold. */
const isReportedMove = (claim: CitedClaim) =>
  claim.unit === "pct" &&
  claim.value !== null &&
  claim.asOf !== null &&
  (claim.period === "1d" || claim.period === "intraday") &&
  CROSS_ASSETS.some((spec) => spec.ledgerAsset === claim.asset);

const moves = (doc: string, nonEmpty: boolean) =>
  claimIds<{ claims: CitedClaim[] }>(doc, { what: "a dated one-day % move of a market with a public extract", accepts: isReportedMove, fallback: () => REVERSAL_MOVES, nonEmpty });

/** A reported silver level and the fall the same article reports to it, by ledger id. */
const REPORTED_FALL_TO: Record<string, string> = { "silver-price-2026-02-05": "silver-price-change-2026-02-05" };

/** "fell as much as 9.1% to around ", when the article reports the fall that ended at this level. */
function fallWords(claims: readonly CitedClaim[], level: CitedClaim): string {
  const fall = claims.find((claim) => claim.id === REPORTED_FALL_TO[level.id]);
  return fall ? `fell as much as ${formatClaimValue(fall).replace("−", "")} to around ` : "";
}

const crossAssetDays = (data: { crossAsset: CrossAssetDataset }) => daysOf(data.crossAsset.rows);

export const dailyRangesEmbed = defineChart(["silver", "claims"])({
  about: "Silver futures (COMEX) session by session: each day's range and close, with reported silver prices as lines across the chart.",
  pages: ["macro"],
  options: {
    range: dayRange('`["YYYY-MM-DD", "YYYY-MM-DD"]`, the first and last session drawn; default Jan 20 to Feb 13, 2026, as on Macro.', (data) => daysOf(data.silver.rows), { from: "2026-01-20", to: "2026-02-13" }),
    levels: claimIds("ledger ids of reported silver prices drawn as lines; default the reported level of about $72.21.", {
      what: "a reported silver price in USD",
      accepts: (claim) => claim.asset === "SILVER" && claim.unit === "usd" && claim.value !== null,
      fallback: () => ["silver-price-2026-02-05"],
      nonEmpty: false
    }),
    labels: labels('`{ "<id>": "words" }`, what each line says; default "Reported: <figure>", with the fall the article reports to it, and its date or "no day printed".')
  },
  example: { range: ["2026-01-26", "2026-02-10"] },
  draw({ silver, claims }, { range, levels, labels: words }, width) {
    checkLabels(words, levels);
    const label = (claim: CitedClaim) => words[claim.id] ?? `Reported: ${fallWords(claims, claim)}${formatClaimValue(claim)} (${claim.asOf === null ? "no day printed" : claimDate(claim)})`;
    return dailyRanges(silver, {
      width,
      ...range,
      title: "Silver futures (COMEX), daily range and close",
      yLabel: "USD per troy ounce",
      levels: levels.map((claim) => ({ claim, label: label(claim) }))
    });
  }
});

export const normalisedPricesEmbed = defineChart(["crossAsset"])({
  about: "Daily closes of Bitcoin, Ether, stocks and metals, each indexed to 100 on the day before Bitcoin's slide began.",
  pages: ["macro", "/"],
  options: {
    assets: someOf('which series: `"BTC"`, `"ETH"`, `"S&P 500"`, `"Nasdaq"`, `"Gold"`, `"Silver"`; default all six.', (data: { crossAsset: CrossAssetDataset }) => NORMALISED_ASSETS.filter((asset) => data.crossAsset.normalised.rows.some((row) => row.asset === asset))),
    range: dayRange('`["YYYY-MM-DD", "YYYY-MM-DD"]`, the first and last day drawn, taking in the base day; default every day of the extracts.', (data) => daysOf(data.crossAsset.normalised.rows), "all")
  },
  example: { assets: ["BTC", "Nasdaq", "Silver"], range: ["2026-01-01", "2026-02-28"] },
  draw({ crossAsset }, { assets, range }, width) {
    const { baseDay, rows } = crossAsset.normalised;
    if (baseDay < range.from || baseDay > range.to) throw new OptionProblem(`leaves out the base day, ${baseDay}, every series is indexed to`, `take in ${baseDay}`, "range");
    const all = daysOf(rows);
    const whole = all === null || (range.from <= all.from && range.to >= all.to);
    return normalisedPrices(
      rows.filter((row) => assets.includes(row.asset) && row.date >= range.from && row.date <= range.to),
      { width, baseDay, sources: sourcesFor(crossAsset.sources, assets), assets, ...(whole ? {} : { period: spanWords(range) }) }
    );
  }
});

export const crossAssetMovesEmbed = defineChart(["claims", "crossAsset"])({
  about: "One-day moves the articles report, each beside the close-to-close change computed for the same market and day.",
  pages: ["macro"],
  options: { ids: moves("ledger ids of reported one-day moves; default the seven moves of Feb 6 on Macro.", true) },
  example: { ids: ["gold-change-2026-02-06", "silver-change-2026-02-06"] },
  draw: ({ crossAsset }, { ids }, width) => crossAssetMoves(reportedBeside(ids, crossAsset.rows), { width, rows: crossAsset.rows, sources: crossAsset.sources })
});

export const reportedVsComputedEmbed = defineChart(["claims", "crossAsset"])({
  about: "A compact table of reported one-day moves beside the computed close-to-close change and the two closes it runs between.",
  pages: ["macro"],
  fixedWidth: true,
  options: { ids: moves("ledger ids of reported one-day moves; default the seven moves of Feb 6 on Macro.", true) },
  example: { ids: ["sp500-change-2026-02-06", "gold-change-2026-02-06"] },
  draw: ({ crossAsset }, { ids }) => reportedVsComputed(reportedBeside(ids, crossAsset.rows), crossAsset.rows)
});

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

export const fearGreedEmbed = defineChart(["fearGreed"])({
  about: "The Crypto Fear & Greed Index day by day on its 0 to 100 scale, with extreme fear shaded and marked days.",
  pages: ["macro", "/"],
  options: {
    range: dayRange('`["YYYY-MM-DD", "YYYY-MM-DD"]`, the first and last day drawn; default every day of the extract, as on Macro.', (data) => daysOf(data.fearGreed.rows), "all"),
    events: events('`[{ date: "YYYY-MM-DD", label: "words" }]`, days marked with a dashed line; default Feb 6, "Feb 6 reversal".', (data) => daysOf(data.fearGreed.rows), [
      { date: "2026-02-06", label: `${shortUtcDate("2026-02-06")} reversal` }
    ])
  },
  example: { range: ["2026-01-01", "2026-02-13"], events: [{ date: "2026-02-06", label: "Feb 6 low" }] },
  draw({ fearGreed: index }, { range, events: marked }, width) {
    const outside = marked.find((event) => event.date < range.from || event.date > range.to);
    if (outside) throw new OptionProblem(`marks ${outside.date}, outside the range drawn`, `widen "range" to take in ${outside.date}, or leave the day out`, "events");
    return fearGreed({ ...index, rows: index.rows.filter((row) => row.date >= range.from && row.date <= range.to) }, { width, events: marked });
  }
});
