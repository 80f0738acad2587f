import { claimById, claimDate, formatInUnit } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import type { FactCheckRow, FactCheckSkip } from "../lib/metrics/factCheck.js";
import { claimAttribution, type MarketDataset } from "./chartFigure.js";
import { citedFigure } from "./citedFigure.js";

function cell(tag: "td" | "th", content: string | Node, className?: string): HTMLTableCellElement {
  const element = document.createElement(tag);
  element.append(content);
  if (className) element.className = className;
  return element;
}

/** Difference relative to the reported figure, for judging it at a glance; null beside a zero. */
export function relativeDifference(row: Pick<FactCheckRow, "claimed" | "difference">): number | null {
  return row.claimed === 0 ? null : row.difference / Math.abs(row.claimed);
}

// Computed values carry float noise; two decimals are finer than any printed figure, except
// for small rates (a funding rate of +0.0015%), where two significant digits keep the sign.
const roundForDisplay = (value: number) => (Math.abs(value) >= 0.01 ? Math.round(value * 100) / 100 : Number(value.toPrecision(2))) || 0;

function signed(value: number, unit: string): string {
  const rounded = roundForDisplay(value);
  return rounded === 0 ? formatInUnit(0, unit) : `${rounded > 0 ? "+" : ""}${formatInUnit(rounded, unit)}`;
}

function signedPercent(fraction: number): string {
  const rounded = Math.round(fraction * 1000) / 10 || 0;
  return `${rounded > 0 ? "+" : rounded < 0 ? "−" : ""}${Math.abs(rounded).toFixed(1)}%`;
}

/** The figure, then what it measures in words: "$73,100 BTC open". */
function figureWithMeasure(claim: CitedClaim): HTMLSpanElement {
  const span = document.createElement("span");
  const measure = document.createElement("span");
  measure.className = "fact-check-measure";
  measure.textContent = ` ${[claim.asset, claim.metric.replaceAll("_", " ")].filter(Boolean).join(" ")}`;
  span.append(citedFigure(claim), measure);
  return span;
}

/** Each reported figure that has a computed counterpart, beside it and the difference. */
export function factCheckTable(factCheck: MarketDataset<FactCheckRow>, claims: readonly CitedClaim[]): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "fact-check";
  const head = document.createElement("tr");
  for (const label of ["Reported figure", "Reported by", "Computed", "Difference", "Computed from", "Why they can differ"]) head.append(cell("th", label));
  table.createTHead().append(head);
  const body = table.createTBody();
  for (const row of factCheck.rows) {
    const claim = claimById(claims, row.claim_id);
    const relative = relativeDifference(row);
    const difference = `${signed(row.difference, row.unit)}${relative === null ? "" : ` (${signedPercent(relative)})`}`;
    const tr = document.createElement("tr");
    tr.dataset.claimId = row.claim_id;
    tr.append(
      cell("td", figureWithMeasure(claim)),
      cell("td", `${claimAttribution(claim)}, ${claimDate(claim)}`),
      cell("td", formatInUnit(roundForDisplay(row.computed), row.unit), "numeric"),
      cell("td", difference, "numeric"),
      cell("td", row.computed_from),
      cell("td", row.why_they_differ ?? "")
    );
    body.append(tr);
  }
  return table;
}

/** The readings left unchecked because of how their source dates them, grouped under each reason. */
export function factCheckSkippedList(skipped: readonly FactCheckSkip[], claims: readonly CitedClaim[]): HTMLElement {
  const root = document.createElement("div");
  root.className = "fact-check-skipped";
  const reasons = [...new Set(skipped.map((s) => s.reason))];
  for (const reason of reasons) {
    const list = document.createElement("ul");
    for (const { claim_id } of skipped.filter((s) => s.reason === reason)) {
      const claim = claimById(claims, claim_id);
      const item = document.createElement("li");
      item.dataset.claimId = claim_id;
      item.append(figureWithMeasure(claim), ` (${claimAttribution(claim)}, ${claimDate(claim)})`);
      list.append(item);
    }
    const heading = document.createElement("p");
    heading.textContent = reason;
    root.append(heading, list);
  }
  return root;
}
