import { exchangeFlows } from "../exchangeFlows.js";
import { onchainRange, onchainRows } from "./flows.js";
import { defineChart } from "./spec.js";

export const exchangeFlowsEmbed = defineChart(["onchain"])({
  about: "Bitcoin's net flow onto exchanges per UTC day as bars (deposits up, withdrawals down), with the coins held on exchanges beneath.",
  pages: ["flows", "/"],
  options: { range: onchainRange('`["YYYY-MM-DD", "YYYY-MM-DD"]`, the first and last UTC day drawn; default every day of the extract, as on Flows.') },
  example: { range: ["2026-01-01", "2026-02-15"] },
  draw: ({ onchain }, { range }, width) => exchangeFlows(onchainRows(onchain, range), { width })
});
