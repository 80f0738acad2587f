// What src/data/public-agreement.json prints: every comparison group computed from the public
// extracts, with the sources credited and the notes from data/public/agreement-notes.csv.

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { displayPath } from "../ledger/paths.ts";
import { AGREEMENT_GROUPS, compareSeries, dailyClosesFromHourly, DISAGREEMENT_THRESHOLD_PCT, NOTE_COLUMNS, parseAgreementNotes, widestDay, type AgreementGroup, type AgreementNote, type AgreementRow, type DatedValue } from "./agreement.ts";
import { DataError } from "./extract.ts";
import { publicRows, publicSource, type PublicSource } from "./load.ts";
import { seriesById } from "./series.ts";
import { publicDir } from "./store.ts";

export interface ComparedGroup extends Omit<AgreementGroup, "sources"> {
  sources: (AgreementGroup["sources"][number] & { credit: PublicSource })[];
  rows: AgreementRow[];
  /** The day of largest disagreement over the window; null when no day has two sources. */
  widest: AgreementRow | null;
  notes: AgreementNote[];
}

export interface AgreementDataset {
  thresholdPct: number;
  groups: ComparedGroup[];
}

/** A source's daily values; hourly series are rolled up to their 00:00 UTC close. */
function dailyValues(series: string, column: string, dir: string): DatedValue[] {
  const rows = publicRows(series, dir);
  if (seriesById(series).resolution === "1h") {
    if (column !== "close") throw new Error(`series ${series} is hourly; only its close can be rolled up to days`);
    return dailyClosesFromHourly(rows);
  }
  return rows.map((row) => {
    const value = row[column];
    if (value === undefined) throw new Error(`series ${series} has no column "${column}"`);
    return { date: row.date!, value: value as number | null };
  });
}

export function readAgreementNotes(dir: string = publicDir()): AgreementNote[] {
  const file = path.join(dir, "agreement-notes.csv");
  const shown = displayPath(file);
  if (!existsSync(file)) throw new DataError([{ file: shown, line: 1, column: 1, message: `file not found; create it with the header ${NOTE_COLUMNS.join(",")}` }]);
  const { notes, issues } = parseAgreementNotes(readFileSync(file, "utf8"), shown);
  if (issues.length > 0) throw new DataError(issues);
  return notes;
}

export function compareGroup(group: AgreementGroup, dir: string = publicDir()): AgreementRow[] {
  return compareSeries(Object.fromEntries(group.sources.map(({ label, series, column }) => [label, dailyValues(series, column, dir)])));
}

export function agreementDataset(dir: string = publicDir()): AgreementDataset {
  const notes = readAgreementNotes(dir);
  return {
    thresholdPct: DISAGREEMENT_THRESHOLD_PCT,
    groups: AGREEMENT_GROUPS.map((group) => {
      const rows = compareGroup(group, dir);
      return {
        ...group,
        sources: group.sources.map((source) => ({ ...source, credit: publicSource(source.series, dir) })),
        rows,
        widest: widestDay(rows),
        notes: notes.filter((note) => note.group === group.id),
      };
    }),
  };
}
