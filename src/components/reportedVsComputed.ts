import { formatChangePct, previousClose, type CrossAssetRow, type ReportedBeside } from "../lib/public/crossAssetRows.js";
import { citedFigure } from "./citedFigure.js";
import { shortUtcDate } from "./reportedBound.js";

const closeText = (row: CrossAssetRow) => row.close?.toLocaleString("en-US", { maximumFractionDigits: 2 }) ?? "gap";

/**
 * A compact table, narrow enough for a phone: each reported move beside the close-to-close change
 * computed for the same asset and day, and the two closes it runs between (their days and series on hover).
 */
export function reportedVsComputed(pairs: readonly ReportedBeside[], rows: readonly CrossAssetRow[]): HTMLElement {
  const table = document.createElement("table");
  table.className = "reported-vs-computed";
  const head = table.createTHead().insertRow();
  for (const label of ["Asset", "Reported", "Computed, close to close", "Closes used"]) {
    const cell = document.createElement("th");
    cell.textContent = label;
    head.append(cell);
  }
  const body = table.createTBody();
  for (const { claim, asset, computed } of pairs) {
    const row = body.insertRow();
    row.dataset.claimId = claim.id;
    const previous = computed ? previousClose(rows, computed) : null;
    row.insertCell().textContent = asset;
    row.insertCell().append(citedFigure(claim));
    row.insertCell().textContent = computed?.change_pct != null ? formatChangePct(computed.change_pct) : "no close in the extract";
    const closes = row.insertCell();
    if (computed && previous) {
      closes.textContent = `${closeText(previous)} → ${closeText(computed)}`;
      closes.title = `${shortUtcDate(previous.date)} close → ${shortUtcDate(computed.date)} close, ${computed.source}`;
    }
  }
  const box = document.createElement("div");
  box.className = "reported-vs-computed-box";
  box.append(table);
  return box;
}
