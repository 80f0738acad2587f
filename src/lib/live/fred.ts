// FRED graph CSV: a header `observation_date,<SERIES>` (older files say `DATE`), then one
// `YYYY-MM-DD,value` line per day, with "." (or nothing) where there is no observation.

import { utcDay } from "../metrics/time.ts";
import { windowEndMs, type EventWindow } from "../window.ts";
import { endpointUrl, fail, type HttpClient, type SourceRequest } from "./http.ts";

export function fredBase(env: NodeJS.ProcessEnv = process.env): string {
  return env.FRED_CSV_URL ?? "https://fred.stlouisfed.org/graph/fredgraph.csv";
}

export const FRED_SERIES = ["SP500", "NASDAQCOM", "DJIA", "DTWEXBGS", "CBBTCUSD"] as const;

export interface Observation {
  date: string;
  value: number;
}

/** Observations of one series within the window; days without a value are left out. */
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
  return observations;
}

export function parseFredCsv(request: Pick<SourceRequest, "source" | "endpoint">, seriesId: string, csv: string): Observation[] {
  const lines = csv.replace(/^\uFEFF/, "").split(/\r?\n/).filter((line) => line.trim() !== "");
  const header = lines[0]?.trim() ?? "";
  if (header !== `observation_date,${seriesId}` && header !== `DATE,${seriesId}`) {
    throw fail(request, `unexpected CSV header "${header.slice(0, 80)}" (expected "observation_date,${seriesId}")`);
  }
  const observations: Observation[] = [];
  for (const [index, line] of lines.slice(1).entries()) {
    const [date, raw, extra] = line.trim().split(",");
    if (date === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(date) || raw === undefined || extra !== undefined) {
      throw fail(request, `malformed CSV line ${index + 2}: "${line.slice(0, 80)}"`);
    }
    if (raw === "." || raw === "") continue;
    const value = Number(raw);
    if (!Number.isFinite(value)) throw fail(request, `non-numeric value "${raw}" on CSV line ${index + 2}`);
    observations.push({ date, value });
  }
  return observations;
}
