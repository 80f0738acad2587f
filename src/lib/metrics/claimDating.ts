// When a ledger figure was true, as its source dates it: a day (with or without a time), an ISO
// week, a month, or no date at all. Checks against market series use it so that a figure is
// compared over the span its source gives and an undated figure is never pinned to a day.
// Browser-safe.
import { asOfInterval, claimDate } from "../claims.js";

export type ClaimDating =
  | { kind: "day"; day: string }
  | { kind: "week"; week: string; start: string; end: string }
  | { kind: "month"; month: string }
  | { kind: "undated" };

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** How the source dates a figure: `as_of` "2026-W06" is that ISO week (Monday to Sunday); an empty `as_of` is undated. */
export function claimDating(claim: { asOf: string | null }): ClaimDating {
  const asOf = claim.asOf?.trim() || null;
  const interval = asOfInterval(asOf);
  if (asOf === null || interval === null || Number.isNaN(interval.from.getTime())) return { kind: "undated" };
  if (/^\d{4}-W\d{2}$/.test(asOf)) return { kind: "week", week: asOf, start: isoDay(interval.from), end: isoDay(new Date(interval.to.getTime() - 1)) };
  if (/^\d{4}-\d{2}$/.test(asOf)) return { kind: "month", month: asOf };
  return { kind: "day", day: asOf.slice(0, 10) };
}

/** "2026-W06 (Feb 2 to Feb 8)", as the site dates a weekly figure. */
export function weekLabel(dating: Extract<ClaimDating, { kind: "week" }>): string {
  return claimDate({ asOf: dating.week });
}
