import type { CitedClaim } from "../../lib/ledger/types.js";
import { shortUtcDay } from "../../lib/metrics/time.js";
import { FOLLOW_UP } from "../../lib/followUp.js";
import { pricePath, priceWaypointClaims } from "../pricePath.js";
import { checkInRange, isBand, isDatedPrice, isLevel } from "./figures.js";
import { checkLabels, claimIds, claimIdsOrNull, dayRange, type DayRange, daysOf, labels } from "./options.js";
import { defineChart } from "./spec.js";
import { levelLabel, spanWords } from "./text.js";

const ABSORPTION_CLUSTER = "btc-absorption-cluster-glassnode";

/**
 * What the chart shows: the reported prices over its days, or, with none marked, the undated
 * levels of a later report ("Can it hold?" on the Overview), which belong to no day drawn.
 */
function pricePathTitle(range: DayRange, marked: readonly CitedClaim[], undated: readonly CitedClaim[]): string {
  if (marked.length > 0 || undated.length === 0) return `Bitcoin, ${spanWords(range)}: hourly price and the prices the articles report`;
  const whose = undated.every((claim) => claim.sourceId === FOLLOW_UP.sourceId) ? "the undated follow-up's levels" : "levels printed with no date";
  return `Bitcoin to ${shortUtcDay(range.to)}, ${range.to.slice(0, 4)}, and ${whose}`;
}

export const pricePathEmbed = defineChart(["claims", "price"])({
  about: "Bitcoin's hourly price over a range of days, with the prices the articles report as dots, price bands and price levels.",
  pages: ["/"],
  options: {
    range: dayRange(
      '`["YYYY-MM-DD", "YYYY-MM-DD"]`, the first and last UTC day drawn; default Feb 4 to Feb 7, 2026, as on the Overview.',
      (data) => daysOf(data.price.rows),
      { from: "2026-02-04", to: "2026-02-07" }
    ),
    prices: claimIdsOrNull("ledger ids of reported BTC prices to mark; default every one dated inside the range.", { what: "a reported BTC price dated to a day or an hour", accepts: isDatedPrice, nonEmpty: false }),
    bands: claimIds("ledger ids of price bands, low to high, shaded across the chart; default the absorption cluster.", {
      what: "a BTC price band with a low and a high",
      accepts: isBand,
      fallback: () => [ABSORPTION_CLUSTER],
      nonEmpty: false
    }),
    levels: claimIds("ledger ids of single price levels drawn as dashed lines; default the $70,000 key level.", {
      what: "a BTC price level",
      accepts: isLevel,
      fallback: () => ["btc-resistance-70k-2026-02-06"],
      nonEmpty: false
    }),
    undatedLevels: claimIds('ledger ids of levels from a report printed after the chart\'s days with no date, drawn in their own colour; default none. With `"prices": []` the title names them instead of the reported prices, as in the Overview\'s "Can it hold?".', {
      what: "a BTC price level with no date",
      accepts: (claim) => isLevel(claim) && claim.asOf === null,
      fallback: () => [],
      nonEmpty: false
    }),
    labels: labels('`{ "<id>": "words" }`, the words before each level\'s figure; default the ledger metric ("key level $70,000").')
  },
  example: { range: ["2026-02-01", "2026-02-10"] },
  draw({ claims, price }, { range, prices, bands, levels, undatedLevels, labels: words }, width) {
    if (prices) checkInRange("prices", prices, range);
    checkLabels(words, [...levels, ...undatedLevels]);
    const labelled = (claim: CitedClaim) => ({ claim, label: levelLabel(claim, words) });
    const marked = prices ?? priceWaypointClaims(claims, range.from, range.to);
    return pricePath(marked, { bands, lines: levels.map(labelled), undated: undatedLevels.map(labelled) }, {
      width,
      ...range,
      title: pricePathTitle(range, marked, undatedLevels),
      filename: `btc-price-path-${range.from}-to-${range.to}`,
      market: price
    });
  }
});
