// The stretch of time a ledger `as_of` covers, so charts place a figure only where its source
// dates it: a day, an ISO week ("2026-W06"), a month, or an instant. Browser-safe.
import { MS_PER_DAY } from "./time.js";

export interface AsOfSpan {
  kind: "instant" | "day" | "week" | "month";
  /** Inclusive start, UTC. */
  start: Date;
  /** Exclusive end, UTC; equal to `start` for an instant. */
  end: Date;
  /** In words: "Feb 6, 2026", "week 6 of 2026 (Feb 2–8)", "October 2025", "Feb 7, 2026, 05:30 UTC". */
  label: string;
}

const dayLabel = (date: Date, options: Intl.DateTimeFormatOptions = { year: "numeric" }) =>
  date.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC", ...options });

/** Monday 00:00 UTC of ISO week `week` of `year` (week 1 holds the year's first Thursday). */
function isoWeekStart(year: number, week: number): Date {
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return new Date(jan4 - jan4Weekday * MS_PER_DAY + (week - 1) * 7 * MS_PER_DAY);
}

/** The span an `as_of` value covers; null when the figure is undated or the value is not a date. */
export function asOfSpan(asOf: string | null): AsOfSpan | null {
  if (!asOf) return null;
  const week = /^(\d{4})-W(\d{2})$/.exec(asOf);
  if (week) {
    const start = isoWeekStart(Number(week[1]), Number(week[2]));
    const end = new Date(start.getTime() + 7 * MS_PER_DAY);
    const last = new Date(end.getTime() - MS_PER_DAY);
    const sameMonth = start.getUTCMonth() === last.getUTCMonth();
    const range = `${dayLabel(start, {})}–${sameMonth ? last.getUTCDate() : dayLabel(last, {})}`;
    return { kind: "week", start, end, label: `week ${Number(week[2])} of ${week[1]} (${range})` };
  }
  if (/^\d{4}-\d{2}$/.test(asOf)) {
    const start = new Date(`${asOf}-01T00:00:00Z`);
    if (Number.isNaN(start.getTime())) return null;
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    return { kind: "month", start, end, label: start.toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" }) };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    const start = new Date(`${asOf}T00:00:00Z`);
    if (Number.isNaN(start.getTime())) return null;
    return { kind: "day", start, end: new Date(start.getTime() + MS_PER_DAY), label: dayLabel(start) };
  }
  const instant = new Date(asOf);
  if (Number.isNaN(instant.getTime())) return null;
  const time = instant.toISOString().slice(11, 16);
  return { kind: "instant", start: instant, end: instant, label: `${dayLabel(instant)}, ${time} UTC` };
}
