// FRED graph CSV: a header `observation_date,<SERIES>` (older files say `DATE`), then one
// `YYYY-MM-DD,value` line per day, with "." (or nothing) where there is no observation, and a
// line break after the last line. A body without that final line break was cut off mid-row.

import { MS_PER_DAY, utcDay } from "../metrics/time.ts";
import { windowEndMs, type EventWindow } from "../window.ts";
import { closedReason, OPEN_DAYS, type Calendar } from "./calendar.ts";
import { requireEveryDay } from "./coverage.ts";
import { endpointUrl, fail, type HttpClient, type SourceRequest } from "./http.ts";

export function fredBase(env: NodeJS.ProcessEnv = process.env): string {
  return env.FRED_CSV_URL ?? "https://fred.stlouisfed.org/graph/fredgraph.csv";
}

export const FRED_SERIES = ["SP500", "NASDAQCOM", "DJIA", "DTWEXBGS", "CBBTCUSD"] as const;

/** The days each series has a value, and how long after a day FRED publishes it. */
export const FRED_CALENDARS: Record<(typeof FRED_SERIES)[number], { calendar: Calendar; publishedAfterDays: number }> = {
  SP500: { calendar: "nyse", publishedAfterDays: 2 },
  NASDAQCOM: { calendar: "nyse", publishedAfterDays: 2 },
  DJIA: { calendar: "nyse", publishedAfterDays: 2 },
  // The Fed's H.10 release comes out weekly, on Mondays.
  DTWEXBGS: { calendar: "federal-reserve", publishedAfterDays: 10 },
  CBBTCUSD: { calendar: "every-day", publishedAfterDays: 2 },
};

export interface Observation {
  date: string;
  value: number;
}

/**
 * Observations of one series within the window; days without a value are left out. Every day
 * its calendar is open must have a value, up to the last day FRED has published by now.
 */
export async function fetchFredSeries(client: HttpClient, base: string, seriesId: string, window: EventWindow): Promise<Observation[]> {
  const lastDay = utcDay(windowEndMs(window) - 1);
  const request: SourceRequest = {
    source: "fred",
    endpoint: `fredgraph.csv?id=${seriesId}`,
    url: endpointUrl(base, "", { id: seriesId, cosd: window.start, coed: lastDay }),
  };
  const observations = parseFredCsv(request, seriesId, await client.text(request)).filter(
    (o) => o.date >= window.start && o.date <= lastDay,
  );
  if (observations.length === 0) throw fail(request, `empty result: no ${seriesId} observations between ${window.start} and ${lastDay}`);
  const schedule = FRED_CALENDARS[seriesId as keyof typeof FRED_CALENDARS];
  if (schedule) {
    const published = utcDay(client.now() - schedule.publishedAfterDays * MS_PER_DAY);
    const last = published < lastDay ? published : lastDay;
    requireEveryDay(
      request,
      `${seriesId} value`,
      observations.map((o) => o.date),
      window.start,
      last,
      OPEN_DAYS[schedule.calendar],
      (day) => closedReason(schedule.calendar, day) === null,
    );
  }
  return observations;
}

export function parseFredCsv(request: Pick<SourceRequest, "source" | "endpoint">, seriesId: string, csv: string): Observation[] {
  const text = csv.replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/);
  const header = lines[0]?.trim() ?? "";
  if (header !== `observation_date,${seriesId}` && header !== `DATE,${seriesId}`) {
    throw fail(request, `unexpected CSV header "${header.slice(0, 80)}" (expected "observation_date,${seriesId}")`);
  }
  if (!text.endsWith("\n")) {
    throw fail(
      request,
      `the CSV ends mid-row: its last line ${lines.length}, "${lines[lines.length - 1]!.slice(0, 80)}", has no line break, so the answer was cut off`,
    );
  }
  const observations: Observation[] = [];
  let previous = "";
  for (const [index, line] of lines.slice(1).entries()) {
    if (line.trim() === "") continue;
    const [date, raw, extra] = line.trim().split(",");
    if (date === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(date) || raw === undefined || extra !== undefined) {
      throw fail(request, `malformed CSV line ${index + 2}: "${line.slice(0, 80)}"`);
    }
    if (date <= previous) throw fail(request, `CSV line ${index + 2}: ${date} does not come after ${previous}`);
    previous = date;
    if (raw === "." || raw === "") continue;
    const value = Number(raw);
    if (!Number.isFinite(value)) throw fail(request, `non-numeric value "${raw}" on CSV line ${index + 2}`);
    observations.push({ date, value });
  }
  return observations;
}
