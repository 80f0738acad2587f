// The one place that says which stretch of time the market snapshot covers.
// Dates are UTC calendar days; `end` is exclusive (the window stops at 00:00 UTC on `end`).

export interface EventWindow {
  /** First UTC day, YYYY-MM-DD. */
  start: string;
  /** UTC day the window stops at (exclusive), YYYY-MM-DD. */
  end: string;
}

export const DEFAULT_WINDOW: EventWindow = { start: "2026-01-15", end: "2026-03-01" };

/** The public-data extracts reach further back: October and November 2025 are the context the articles compare against. */
export const PUBLIC_WINDOW: EventWindow = { start: "2025-10-01", end: "2026-03-01" };

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The event window, overridable by REPORT_WINDOW_START / REPORT_WINDOW_END (used by tests). */
export function eventWindow(env: NodeJS.ProcessEnv = process.env): EventWindow {
  const start = env.REPORT_WINDOW_START ?? DEFAULT_WINDOW.start;
  const end = env.REPORT_WINDOW_END ?? DEFAULT_WINDOW.end;
  for (const day of [start, end]) {
    if (!DAY_PATTERN.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
      throw new Error(`event window: "${day}" is not a YYYY-MM-DD date`);
    }
  }
  if (start >= end) throw new Error(`event window: start ${start} is not before end ${end}`);
  return { start, end };
}

export function windowStartMs(window: EventWindow): number {
  return Date.parse(`${window.start}T00:00:00Z`);
}

export function windowEndMs(window: EventWindow): number {
  return Date.parse(`${window.end}T00:00:00Z`);
}
