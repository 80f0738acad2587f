import { claimById, claimSummary, formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { claimHref } from "./chartFigure.js";

/**
 * A figure for prose: its value (or, for a qualitative reading, its words) as the ledger states
 * it, linked to its entry on the sources page, with who reported it, when, and the quote on hover.
 */
export function citedFigure(claim: CitedClaim, text: string = formatClaimValue(claim)): HTMLAnchorElement {
  const link = document.createElement("a");
  link.className = "cited-figure";
  link.href = claimHref(claim.id);
  link.title = claimSummary(claim);
  link.textContent = text;
  return link;
}

/** Prose with `{claim-id}` placeholders replaced by the ledger figure, linked to its source. */
export function withFigures(text: string, claims: readonly CitedClaim[]): (Node | string)[] {
  return text.split(/\{([a-z0-9-]+)\}/).map((part, i) => (i % 2 === 1 ? citedFigure(claimById(claims, part)) : part));
}
