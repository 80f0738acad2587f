import { realizedPrice } from "../realizedPrice.js";
import { onchainRange, onchainRows } from "./flows.js";
import { defineChart } from "./spec.js";

export const realizedPriceEmbed = defineChart(["onchain"])({
  about: "Bitcoin's price and realized price (the average cost of all coins) per UTC day, with MVRV beneath on a log scale.",
  pages: ["flows"],
  options: { range: onchainRange('`["YYYY-MM-DD", "YYYY-MM-DD"]`, the first and last UTC day drawn; default every day of the extract.') },
  example: { range: ["2026-01-01", "2026-02-15"] },
  draw: ({ onchain }, { range }, width) => realizedPrice(onchainRows(onchain, range), { width })
});
