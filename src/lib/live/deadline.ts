// The overall time a capture or a live build may spend fetching, set by environment variable.
// Past it no request starts, requests in flight are aborted, and each fails naming the deadline.

export interface Deadline {
  /** Epoch milliseconds. */
  at: number;
  /** For errors: "the capture deadline of 45 min (REPORT_CAPTURE_DEADLINE_SECONDS)". */
  describe: string;
}

export interface DeadlineSetting {
  variable: string;
  defaultSeconds: number;
  /** What the deadline bounds, in words. */
  what: string;
}

/** `npm run snapshot`: the option-trade history takes about ten minutes at Deribit's pace. */
export const CAPTURE_DEADLINE: DeadlineSetting = { variable: "REPORT_CAPTURE_DEADLINE_SECONDS", defaultSeconds: 45 * 60, what: "capture" };

/** `REPORT_LIVE=1 npm run build`: every loader's fetching together, from the first loader's start. */
export const LIVE_BUILD_DEADLINE: DeadlineSetting = { variable: "REPORT_LIVE_DEADLINE_SECONDS", defaultSeconds: 20 * 60, what: "live build" };

export function deadlineFrom(setting: DeadlineSetting, env: NodeJS.ProcessEnv, startedAt: number): Deadline {
  const raw = env[setting.variable];
  const seconds = raw === undefined || raw.trim() === "" ? setting.defaultSeconds : Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new Error(`${setting.variable}="${raw}" is not a positive number of seconds; unset it for the default of ${duration(setting.defaultSeconds)}`);
  }
  return { at: startedAt + seconds * 1000, describe: `the ${setting.what} deadline of ${duration(seconds)} (${setting.variable})` };
}

function duration(seconds: number): string {
  return seconds >= 120 && seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}
