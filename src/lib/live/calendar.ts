// Which days a daily series should have a value: the days its market or publisher is open.
// A missing day on an open day is a gap in the answer, not a holiday.

import { addUtcDays } from "../metrics/time.ts";

export type Calendar = "nyse" | "federal-reserve" | "every-day";

/** Why a day without a value is a gap, for errors. */
export const OPEN_DAYS: Record<Calendar, string> = {
  nyse: "the New York Stock Exchange was open on each (its holidays are in src/lib/live/calendar.ts)",
  "federal-reserve": "the Federal Reserve was open on each (its holidays are in src/lib/live/calendar.ts)",
  "every-day": "bitcoin trades every day",
};

/** Closures outside the yearly rules (national days of mourning, Hurricane Sandy). */
const NYSE_SPECIAL_CLOSURES: Record<string, string> = {
  "2012-10-29": "Hurricane Sandy",
  "2012-10-30": "Hurricane Sandy",
  "2018-12-05": "National Day of Mourning for President George H. W. Bush",
  "2025-01-09": "National Day of Mourning for President Jimmy Carter",
};

/** The reason the calendar is closed on a YYYY-MM-DD day, or null when it is open. */
export function closedReason(calendar: Calendar, day: string): string | null {
  if (calendar === "every-day") return null;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return "weekend";
  const year = Number(day.slice(0, 4));
  const holidays = calendar === "nyse" ? nyseHolidays(year) : federalReserveHolidays(year);
  return holidays.get(day) ?? (calendar === "nyse" ? (NYSE_SPECIAL_CLOSURES[day] ?? null) : null);
}

/** NYSE full-day holidays: a Saturday holiday is observed on the Friday before (except New Year's Day), a Sunday one on the Monday after. */
export function nyseHolidays(year: number): Map<string, string> {
  const observed = (day: string, allowFriday = true) => {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday === 6) return allowFriday ? addUtcDays(day, -1) : null;
    return weekday === 0 ? addUtcDays(day, 1) : day;
  };
  const entries: [string | null, string][] = [
    [observed(`${year}-01-01`, false), "New Year's Day"],
    [nthWeekday(year, 1, 1, 3), "Martin Luther King Jr. Day"],
    [nthWeekday(year, 2, 1, 3), "Washington's Birthday (Presidents' Day)"],
    [addUtcDays(easterSunday(year), -2), "Good Friday"],
    [lastWeekday(year, 5, 1), "Memorial Day"],
    [year >= 2022 ? observed(`${year}-06-19`) : null, "Juneteenth"],
    [observed(`${year}-07-04`), "Independence Day"],
    [nthWeekday(year, 9, 1, 1), "Labor Day"],
    [nthWeekday(year, 11, 4, 4), "Thanksgiving Day"],
    [observed(`${year}-12-25`), "Christmas Day"],
  ];
  return new Map(entries.filter((entry): entry is [string, string] => entry[0] !== null));
}

/** Federal Reserve holidays: a Sunday holiday is observed on the Monday after; on a Saturday one the Fed stays open. */
export function federalReserveHolidays(year: number): Map<string, string> {
  const observed = (day: string) => {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday === 6) return null;
    return weekday === 0 ? addUtcDays(day, 1) : day;
  };
  const entries: [string | null, string][] = [
    [observed(`${year}-01-01`), "New Year's Day"],
    [nthWeekday(year, 1, 1, 3), "Martin Luther King Jr. Day"],
    [nthWeekday(year, 2, 1, 3), "Washington's Birthday (Presidents' Day)"],
    [lastWeekday(year, 5, 1), "Memorial Day"],
    [year >= 2021 ? observed(`${year}-06-19`) : null, "Juneteenth"],
    [observed(`${year}-07-04`), "Independence Day"],
    [nthWeekday(year, 9, 1, 1), "Labor Day"],
    [nthWeekday(year, 10, 1, 2), "Columbus Day"],
    [observed(`${year}-11-11`), "Veterans Day"],
    [nthWeekday(year, 11, 4, 4), "Thanksgiving Day"],
    [observed(`${year}-12-25`), "Christmas Day"],
  ];
  return new Map(entries.filter((entry): entry is [string, string] => entry[0] !== null));
}

const iso = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);

/** The nth given weekday (0 = Sunday) of a month (1-12). */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return iso(year, month, 1 + ((weekday - first + 7) % 7) + 7 * (n - 1));
}

function lastWeekday(year: number, month: number, weekday: number): string {
  const lastDay = new Date(Date.UTC(year, month, 0));
  const back = (lastDay.getUTCDay() - weekday + 7) % 7;
  return iso(year, month, lastDay.getUTCDate() - back);
}

/** Western Easter Sunday (the anonymous Gregorian algorithm). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}
