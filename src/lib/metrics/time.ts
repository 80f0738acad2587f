export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
export const DAYS_PER_YEAR = 365;

/** The UTC calendar day `days` after a YYYY-MM-DD day (before it when negative). */
export function addUtcDays(day: string, days: number): string {
  return utcDay(Date.parse(`${day}T00:00:00Z`) + days * MS_PER_DAY);
}

/** UTC calendar day of a millisecond timestamp, YYYY-MM-DD. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "Feb 7": the UTC month and day of a YYYY-MM-DD day, a timestamp or a Date. */
export function shortUtcDay(time: string | number | Date): string {
  const date = typeof time === "string" ? new Date(`${time.slice(0, 10)}T00:00:00Z`) : new Date(time);
  return date.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}
