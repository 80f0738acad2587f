// Completeness of a fetched series: every hour or every day it should hold is there. A gap
// means a page went missing or an answer was cut short, so the series is not used.

import { addUtcDays, MS_PER_DAY, MS_PER_HOUR, utcDay } from "../metrics/time.ts";
import { fail, type SourceRequest } from "./http.ts";

type Named = Pick<SourceRequest, "source" | "endpoint">;

const LISTED_RUNS = 5;

/** "2026-02-03 14:00 UTC" */
export function hourLabel(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The end of the stretch a series can already hold: the window end, or the last whole `unitMs` `lagMs` before now. */
export function coveredUntil(windowEndMs: number, now: number, unitMs: number, lagMs = 0): number {
  return Math.min(windowEndMs, Math.floor((now - lagMs) / unitMs) * unitMs);
}

/** Throws unless every hour start in [from, to) is among `times`. */
export function requireEveryHour(request: Named, what: string, times: Iterable<number>, from: number, to: number): void {
  const have = new Set(times);
  const missing: number[] = [];
  for (let t = from; t < to; t += MS_PER_HOUR) if (!have.has(t)) missing.push(t);
  if (missing.length === 0) return;
  const listed = runs(missing, MS_PER_HOUR, (a, b) => (a === b ? hourLabel(a) : `${hourLabel(a)} to ${hourLabel(b)}`));
  throw fail(
    request,
    `${missing.length} of ${(to - from) / MS_PER_HOUR} hours ${verb(missing.length)} no ${what}: ${listed}; the market trades every hour, so the answer has a gap`,
  );
}

/** Throws unless every UTC day from `first` to `last` (both included) that `expected` keeps is among `days`. */
export function requireEveryDay(
  request: Named,
  what: string,
  days: Iterable<string>,
  first: string,
  last: string,
  why = "the market trades every day",
  expected: (day: string) => boolean = () => true,
): void {
  const have = new Set(days);
  const missing: number[] = [];
  let total = 0;
  for (let day = first; day <= last; day = addUtcDays(day, 1)) {
    if (!expected(day)) continue;
    total++;
    if (!have.has(day)) missing.push(Date.parse(`${day}T00:00:00Z`));
  }
  if (missing.length === 0) return;
  const listed = runs(missing, MS_PER_DAY, (a, b) => (a === b ? utcDay(a) : `${utcDay(a)} to ${utcDay(b)}`));
  throw fail(request, `${missing.length} of ${total} days ${verb(missing.length)} no ${what}: ${listed}; ${why}, so the answer has a gap`);
}

const verb = (count: number) => (count === 1 ? "has" : "have");

/** Consecutive points joined into runs, the first few listed and the rest counted. */
function runs(points: readonly number[], step: number, label: (first: number, last: number) => string): string {
  const joined: [number, number][] = [];
  for (const point of points) {
    const last = joined[joined.length - 1];
    if (last && point - last[1] <= step) last[1] = point;
    else joined.push([point, point]);
  }
  const shown = joined.slice(0, LISTED_RUNS).map(([a, b]) => label(a, b));
  return joined.length > LISTED_RUNS ? `${shown.join(", ")} and ${joined.length - LISTED_RUNS} more stretches` : shown.join(", ");
}
