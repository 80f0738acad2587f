// How a ledger figure sits on a value axis: an exact value, or the one bound the article gave
// ("more than $400M", "below 2"). Charts draw a bound as an arrowhead pointing the open way.
import { asOfInterval } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";

export type BoundKind = "value" | "lower" | "upper" | "range";

export function boundKind(claim: Pick<CitedClaim, "value" | "low" | "high">): BoundKind {
  if (claim.value !== null) return "value";
  if (claim.low !== null && claim.high !== null) return "range";
  if (claim.low !== null) return "lower";
  if (claim.high !== null) return "upper";
  throw new Error("claim has neither a value nor a range");
}

/** The number to place on an axis: the value, or the single bound. Ranges are drawn as bands instead. */
export function plottedValue(claim: Pick<CitedClaim, "id" | "value" | "low" | "high">): number {
  const kind = boundKind(claim);
  if (kind === "range") throw new Error(`claim "${claim.id}" is a range; draw it as a band`);
  return (kind === "value" ? claim.value : kind === "lower" ? claim.low : claim.high) as number;
}

/** Plot dot symbol and rotation for a figure on a horizontal value axis (lower bound points right). */
export function horizontalBoundSymbol(claim: Pick<CitedClaim, "value" | "low" | "high">): { symbol: string; rotate: number } {
  const kind = boundKind(claim);
  if (kind === "lower") return { symbol: "triangle", rotate: 90 };
  if (kind === "upper") return { symbol: "triangle", rotate: -90 };
  return { symbol: "circle", rotate: 0 };
}

/** Plot dot symbol and rotation on a vertical value axis (lower bound points up). */
export function verticalBoundSymbol(claim: Pick<CitedClaim, "value" | "low" | "high">): { symbol: string; rotate: number } {
  const kind = boundKind(claim);
  if (kind === "lower") return { symbol: "triangle", rotate: 0 };
  if (kind === "upper") return { symbol: "triangle", rotate: 180 };
  return { symbol: "circle", rotate: 0 };
}

/** Millions and billions of USD on one axis, in billions; other units are returned unchanged. */
export function toUsdBn(value: number, unit: string): number {
  if (unit === "usd_bn") return value;
  if (unit === "usd_mn") return value / 1000;
  if (unit === "usd_tn") return value * 1000;
  throw new Error(`unit "${unit}" is not a USD amount in millions, billions or trillions`);
}

/**
 * "Feb 5" for a UTC day or date-time; "Oct 2025" when only the month is known; "Feb 2–8" for an
 * ISO week; "date not printed" when the source gives none.
 */
export function shortUtcDate(asOf: string): string {
  if (asOf === "") return "date not printed";
  const week = asOfInterval(asOf);
  if (week && /W/.test(asOf)) {
    const [first, last] = [week.from, new Date(week.to.getTime() - 86_400_000)];
    const end = first.getUTCMonth() === last.getUTCMonth() ? String(last.getUTCDate()) : shortUtcDate(last.toISOString().slice(0, 10));
    return `${shortUtcDate(first.toISOString().slice(0, 10))}–${end}`;
  }
  if (/^\d{4}-\d{2}$/.test(asOf)) {
    return new Date(`${asOf}-01T00:00:00Z`).toLocaleDateString("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
  }
  const date = new Date(asOf.length === 10 ? `${asOf}T00:00:00Z` : asOf);
  return date.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

/** "Feb 7, 05:30 UTC" for a date-time; the short date for a day. */
export function shortUtcDateTime(asOf: string): string {
  if (asOf.length <= 10 || asOf.includes("W")) return shortUtcDate(asOf);
  return `${shortUtcDate(asOf)}, ${new Date(asOf).toISOString().slice(11, 16)} UTC`;
}

/** The outlet in a few words: "AltcoinStory", or "Esther Mendoza" for "Unnamed outlet (byline Esther Mendoza)". */
export function shortOutlet(outlet: string): string {
  const unnamed = /^Unnamed outlet \((?:byline )?(.*)\)$/.exec(outlet);
  return unnamed?.[1] ?? outlet;
}
