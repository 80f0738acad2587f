// Cross-checks between independent sources of one quantity: each source's daily value side by
// side, the largest disagreement of each day and the two sources that bound it, and the notes
// that explain the days where the sources disagree by more than the threshold.

import * as aq from "arquero";
import { z } from "zod";
import { parseCsv } from "../ledger/csv.ts";
import { isIsoDate } from "../ledger/schema.ts";
import type { LedgerIssue as DataIssue } from "../ledger/errors.ts";
import { dailyBars, type Candle } from "../metrics/candles.ts";
import type { ExtractRow } from "./extract.ts";

/** Days whose largest disagreement exceeds this many percent need a note in agreement-notes.csv. */
export const DISAGREEMENT_THRESHOLD_PCT = 1.5;

export interface DatedValue {
  /** UTC day (or trading session), YYYY-MM-DD. */
  date: string;
  value: number | null;
}

export interface AgreementRow {
  date: string;
  /** Each source's value that day, by label; null where the source has none. */
  values: Record<string, number | null>;
  /** (highest − lowest) ÷ lowest × 100; null when fewer than two sources have a value. */
  spreadPct: number | null;
  /** Labels of the sources holding the highest and the lowest value. */
  high: string | null;
  low: string | null;
}

/** One row per date any source has, each source's value, and the day's largest disagreement. */
export function compareSeries(series: Readonly<Record<string, readonly DatedValue[]>>): AgreementRow[] {
  const labels = Object.keys(series);
  if (labels.length < 2) throw new Error(`a comparison needs at least two sources; got ${labels.join(", ") || "none"}`);
  const long = aq.from(labels.flatMap((source) => series[source]!.map(({ date, value }) => ({ source, date, value }))));
  const wide = long.groupby("date").pivot("source", "value");
  // Ordered by value within each day, the first source holds the lowest value and the last the highest.
  const bounds = long
    .filter((d: { value: number | null }) => d.value != null)
    .groupby("date")
    .orderby("value")
    .rollup({ lowest: aq.op.min("value"), highest: aq.op.max("value"), ordered: aq.op.array_agg("source"), count: aq.op.count() });
  const joined = wide.join_left(bounds, "date").orderby("date").objects() as Record<string, unknown>[];
  return joined.map((row) => {
    const values = Object.fromEntries(labels.map((label) => [label, (row[label] as number | undefined) ?? null]));
    const compared = ((row.count as number | undefined) ?? 0) >= 2;
    const ordered = (row.ordered as string[] | undefined) ?? [];
    return {
      date: row.date as string,
      values,
      spreadPct: compared ? (((row.highest as number) - (row.lowest as number)) / (row.lowest as number)) * 100 : null,
      high: compared ? ordered.at(-1)! : null,
      low: compared ? ordered[0]! : null,
    };
  });
}

const LAST_HOUR_UTC = 23;

/**
 * Daily closes from hourly candles: the close of each UTC day's 23:00 bar, the price at the
 * next 00:00 UTC, where Binance and Yahoo close their daily candles. A day whose 23:00 bar is
 * missing has no close at that time, so it gets null (a gap) rather than an earlier hour's close.
 */
export function dailyClosesFromHourly(rows: readonly ExtractRow[]): DatedValue[] {
  const candles: Candle[] = rows.map((row) => {
    if (typeof row.time !== "string") throw new Error("hourly rows need a time column");
    const number = (column: string) => {
      const value = row[column];
      if (typeof value !== "number") throw new Error(`hourly row ${row.time}: ${column} is not a number`);
      return value;
    };
    return { time: Date.parse(row.time), open: number("open"), high: number("high"), low: number("low"), close: number("close"), volume: number("volume") };
  });
  const closedDays = new Set(candles.filter((candle) => new Date(candle.time).getUTCHours() === LAST_HOUR_UTC).map((candle) => new Date(candle.time).toISOString().slice(0, 10)));
  return dailyBars(candles).map((bar) => ({ date: bar.date, value: closedDays.has(bar.date) ? bar.close : null }));
}

/** One source of a comparison: a column of a public series, shown under `label`. */
export interface AgreementSource {
  label: string;
  series: string;
  column: string;
}

export interface AgreementGroup {
  id: string;
  title: string;
  /** What is compared and why the sources can differ, one sentence. */
  about: string;
  sources: readonly AgreementSource[];
}

/** Two mirrors of one Yahoo ticker (`<id>-yahoo-1d` and `<id>-yahoo-casestudy-1d`): a check that neither copy was altered. */
function twoMirrors(id: string, title: string, ticker: string): AgreementGroup {
  return {
    id,
    title,
    about: `Two mirrors of the same Yahoo ticker, ${ticker}: a check that neither copy was altered.`,
    sources: [
      { label: "Yahoo (flippe2 mirror)", series: `${id}-yahoo-1d`, column: "close" },
      { label: "Yahoo (case-study mirror)", series: `${id}-yahoo-casestudy-1d`, column: "close" },
    ],
  };
}

export const AGREEMENT_GROUPS: readonly AgreementGroup[] = [
  {
    id: "btc",
    title: "Bitcoin daily close",
    about:
      "Binance, Yahoo, Coinbase via FRED and Coin Metrics, and Yahoo's own hourly candles rolled up to days. Binance and Yahoo close the day at 00:00 UTC and Coin Metrics documents its daily price as of the end of the UTC day; FRED documents its Coinbase series as taken at 5 PM PST (01:00 UTC the next day).",
    sources: [
      { label: "Binance", series: "btc-binance-1d", column: "close" },
      { label: "Yahoo", series: "btc-yahoo-1d", column: "close" },
      { label: "Coinbase (FRED)", series: "btc-coinbase-fred-1d", column: "close" },
      { label: "Yahoo hourly", series: "btc-yahoo-1h", column: "close" },
      { label: "Coin Metrics", series: "btc-coinmetrics-1d", column: "price_usd" },
    ],
  },
  twoMirrors("sp500", "S&P 500 close", "^GSPC"),
  twoMirrors("gold", "Gold futures close", "GC=F"),
  twoMirrors("dxy", "US dollar index close", "DX-Y.NYB"),
  {
    id: "vix",
    title: "VIX close",
    about: "Yahoo's ^VIX against Cboe's own VIX history.",
    sources: [
      { label: "Yahoo", series: "vix-yahoo-1d", column: "close" },
      { label: "Cboe", series: "vix-cboe-1d", column: "close" },
    ],
  },
  {
    id: "wti",
    title: "WTI crude close",
    about:
      "Different instruments: Yahoo's CL=F is the front-month NYMEX future, EIA's series is the physical spot price at Cushing. They track each other but are not the same price.",
    sources: [
      { label: "Yahoo CL=F (futures)", series: "wti-yahoo-1d", column: "close" },
      { label: "EIA (Cushing spot)", series: "wti-eia-1d", column: "close" },
    ],
  },
];

export function agreementGroup(id: string): AgreementGroup {
  const group = AGREEMENT_GROUPS.find((candidate) => candidate.id === id);
  if (!group) throw new Error(`unknown comparison group "${id}"; known groups: ${AGREEMENT_GROUPS.map((g) => g.id).join(", ")}`);
  return group;
}

/** Days of a comparison whose largest disagreement exceeds the threshold. */
export function disagreeingDays(rows: readonly AgreementRow[], thresholdPct = DISAGREEMENT_THRESHOLD_PCT): AgreementRow[] {
  return rows.filter((row) => row.spreadPct !== null && row.spreadPct > thresholdPct);
}

/** The day of largest disagreement; null when no day has two sources to compare. */
export function widestDay(rows: readonly AgreementRow[]): AgreementRow | null {
  return rows.reduce<AgreementRow | null>((widest, row) => (row.spreadPct !== null && (widest === null || row.spreadPct > widest.spreadPct!) ? row : widest), null);
}

export const NOTE_COLUMNS = ["group", "date", "cause", "note"] as const;

/**
 * Why the sources differ, as far as it is established; the test checks each cause against the data.
 * fred-next-day: FRED's value dated D is the price at 00:00 UTC on D+2, a day later than Binance's and Yahoo's close.
 * fred-observation-time: FRED's value is taken at 5 PM PST (01:00 UTC on D+1), an hour after their close, and the price moved in that hour.
 * different-instruments: the sources quote different instruments (a future and a spot price).
 * not-established: what can be seen is recorded, the cause is not known.
 */
export const NOTE_CAUSES = ["fred-next-day", "fred-observation-time", "different-instruments", "not-established"] as const;

export interface AgreementNote {
  group: string;
  date: string;
  cause: (typeof NOTE_CAUSES)[number];
  note: string;
  /** 1-based line in agreement-notes.csv. */
  line: number;
}

const noteSchema = z.object({
  group: z.enum(AGREEMENT_GROUPS.map((group) => group.id) as [string, ...string[]], {
    error: (issue) => `group "${String(issue.input)}" is not a comparison group; use one of ${AGREEMENT_GROUPS.map((group) => group.id).join(", ")}`,
  }),
  date: z.string().refine((value) => isIsoDate(value), { error: (issue) => `date "${String(issue.input)}" is not a YYYY-MM-DD date` }),
  cause: z.enum(NOTE_CAUSES, { error: (issue) => `cause "${String(issue.input)}" is not a known cause; use one of ${NOTE_CAUSES.join(", ")}` }),
  note: z.string().refine((value) => value.trim() !== "", { error: "note is empty; say why the sources differ that day, or what can be seen when the cause is not established" }),
});

/** agreement-notes.csv, validated; problems come back as file:line:column issues. */
export function parseAgreementNotes(text: string, file: string): { notes: AgreementNote[]; issues: DataIssue[] } {
  const { records, issues } = parseCsv(text, file, NOTE_COLUMNS);
  const notes: AgreementNote[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, fields } of records) {
    const parsed = noteSchema.safeParse(fields);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = NOTE_COLUMNS.indexOf(issue.path[0] as (typeof NOTE_COLUMNS)[number]) + 1;
        issues.push({ file, line, column: Math.max(column, 1), message: issue.message });
      }
      continue;
    }
    const key = `${parsed.data.group} ${parsed.data.date}`;
    const previous = firstLine.get(key);
    if (previous !== undefined) {
      issues.push({ file, line, column: 1, message: `a second note for ${parsed.data.group} on ${parsed.data.date} (first on line ${previous}); keep one note per group and day` });
      continue;
    }
    firstLine.set(key, line);
    notes.push({ ...parsed.data, line });
  }
  return { notes, issues };
}
