import { claimDate, formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { claimAttribution, claimHref } from "./chartFigure.js";

/** A figure for prose: its value as the ledger states it, linked to its ledger row, its source on hover. */
export function citedFigure(claim: CitedClaim, text: string = formatClaimValue(claim)): HTMLAnchorElement {
  const link = document.createElement("a");
  link.className = "cited-figure";
  link.href = claimHref(claim.id);
  link.title = `${claimAttribution(claim)}, ${claimDate(claim)}: “${claim.quote}”`;
  link.textContent = text;
  return link;
}
