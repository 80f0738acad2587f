import { type CrossAssetDataset, NORMALISED_ASSETS, sourcesFor } from "../../lib/public/crossAssetRows.js";
import { normalisedPrices } from "../normalisedPrices.js";
import { dayRange, daysOf, OptionProblem, someOf } from "./options.js";
import { defineChart } from "./spec.js";
import { spanWords } from "./text.js";

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
