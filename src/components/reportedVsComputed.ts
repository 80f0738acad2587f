import { claimDate } from "../lib/claims.js";
import { formatChangePct, previousClose, reportedWindow, type CrossAssetRow, type ReportedBeside } from "../lib/public/crossAssetRows.js";
import { citedFigure } from "./citedFigure.js";

const closeText = (row: CrossAssetRow) => `${row.close?.toLocaleString("en-US", { maximumFractionDigits: 2 }) ?? "gap"} (${row.date})`;

/** A table: each reported move, its window and source, beside the close-to-close change of the same asset and day. */
export function reportedVsComputed(pairs: readonly ReportedBeside[], rows: readonly CrossAssetRow[]): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "reported-vs-computed";
  const head = table.createTHead().insertRow();
  for (const label of ["Asset", "Day", "Reported", "Window", "Close to close", "Closes used"]) {
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
    const day = row.insertCell();
    day.textContent = claimDate(claim);
    day.style.whiteSpace = "nowrap";
    row.insertCell().append(citedFigure(claim));
    row.insertCell().textContent = reportedWindow(claim);
    row.insertCell().textContent = computed?.change_pct != null ? formatChangePct(computed.change_pct) : "no close in the extract";
    row.insertCell().textContent = computed && previous ? `${closeText(previous)} → ${closeText(computed)}, ${computed.source}` : "";
  }
  return table;
}
