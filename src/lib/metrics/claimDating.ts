// When a ledger figure was true, as its source dates it: a day (with or without a time), an ISO
// week, a month, or no date at all. Checks against market series use it so that a figure is
// compared over the span its source gives and an undated figure is never pinned to a day.
// Browser-safe.
import { addUtcDays, MS_PER_DAY } from "./time.js";

export type ClaimDating =
  | { kind: "day"; day: string }
  | { kind: "week"; week: string; start: string; end: string }
  | { kind: "month"; month: string }
  | { kind: "undated" };

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** Monday of ISO week `week` of `year` (week 1 holds the year's first Thursday). */
function isoWeekMonday(year: number, week: number): string {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = Date.UTC(year, 0, 4 - ((jan4.getUTCDay() + 6) % 7));
  return addUtcDays(new Date(mondayOfWeek1).toISOString().slice(0, 10), (week - 1) * 7);
}

/** ISO week (YYYY-Www) that holds a YYYY-MM-DD day: the week of its Thursday's year. */
export function isoWeekOf(day: string): string {
  const date = Date.parse(`${day}T00:00:00Z`);
  const thursday = new Date(date + (3 - ((new Date(date).getUTCDay() + 6) % 7)) * MS_PER_DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / MS_PER_DAY / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

function weekDating(week: string): ClaimDating {
  const [, year, number] = ISO_WEEK.exec(week)!.map(Number) as [number, number, number];
  const start = isoWeekMonday(year, number);
  return { kind: "week", week, start, end: addUtcDays(start, 6) };
}

/** A period that says the figure covers a calendar week ("week", "week-low", "1w"). */
export function isWeekPeriod(period: string | null): boolean {
  return period !== null && period !== "prior-week" && (/week/.test(period) || period === "1w");
}

/**
 * How the source dates a figure. `as_of` "2026-W06" is that ISO week; a weekly period with a day
 * is the ISO week holding the day; an empty `as_of` is undated, whatever the period.
 */
export function claimDating(claim: { asOf: string | null; period: string | null }): ClaimDating {
  const asOf = claim.asOf?.trim() ?? "";
  if (asOf === "") return { kind: "undated" };
  if (ISO_WEEK.test(asOf)) return weekDating(asOf);
  if (/^\d{4}-\d{2}$/.test(asOf)) return { kind: "month", month: asOf };
  const day = asOf.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return { kind: "undated" };
  return isWeekPeriod(claim.period) ? weekDating(isoWeekOf(day)) : { kind: "day", day };
}

/** "Feb 7" for 2026-02-07 (UTC). */
export function shortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

/** "week 6 of 2026, Feb 2 to Feb 8" */
export function weekLabel(dating: Extract<ClaimDating, { kind: "week" }>): string {
  const [year, week] = dating.week.split("-W");
  return `week ${Number(week)} of ${year}, ${shortDay(dating.start)} to ${shortDay(dating.end)}`;
}

/** The dating in words, for a reader: "2026-02-05", "week 6 of 2026, Feb 2 to Feb 8", "date not printed". */
export function datingLabel(claim: { asOf: string | null; period: string | null }): string {
  const dating = claimDating(claim);
  switch (dating.kind) {
    case "day":
      return claim.period === "prior-week" ? `a week before ${dating.day}` : claim.period === "month-to-date" ? `month to ${dating.day}` : dating.day;
    case "week":
      return weekLabel(dating);
    case "month":
      return dating.month;
    case "undated":
      return claim.period === "undated-follow-up" ? "after the rebound, date not printed" : "date not printed";
  }
}
