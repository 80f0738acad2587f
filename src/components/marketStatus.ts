import type { MarketDataset } from "./chartFigure.js";

/** Why a market dataset can be missing from a build, by dataset, in words a reader knows. */
const MISSING: Record<string, string> = {
  "options-skew": "the 25-delta risk reversal computed from option trades (no public dataset holds Deribit's option trades)",
  basis: "the futures basis computed from dated futures (no public dataset holds their daily closes)",
  "fact-check": "the checks of reported figures against market data",
};

const missingText = (dataset: string) => MISSING[dataset] ?? `the ${dataset} series`;

/**
 * One plain note per page naming only what is still missing: which charts show reported
 * figures without a market series beside them, and why. Where nothing is missing it says
 * where the series come from (each chart's source line names them).
 */
export function marketStatus(datasets: readonly MarketDataset<object>[]): HTMLElement {
  const note = document.createElement("p");
  note.className = "market-status";
  const missing = datasets.filter((dataset) => dataset.rows.length === 0).map((dataset) => missingText(dataset.dataset));
  const captured = datasets
    .filter((dataset) => (dataset.mode === "snapshot" || dataset.mode === "live") && dataset.rows.length > 0)
    .map((dataset) => `${dataset.dataset}: ${dataset.mode}, fetched ${dataset.asOf?.slice(0, 16).replace("T", " ")} UTC`);
  const parts = [];
  if (missing.length > 0) parts.push(`Not in this build: ${missing.join("; ")}. Those charts show the reported figures only.`);
  else parts.push("Every chart on this page draws its market series; each chart's source line names the dataset and the commit it was read at.");
  if (captured.length > 0) parts.push(`Captured from the APIs: ${captured.join("; ")}.`);
  note.textContent = parts.join(" ");
  return note;
}
