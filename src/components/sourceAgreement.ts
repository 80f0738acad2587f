import * as Plot from "./plot/index.js";
import type { AgreementNote, AgreementRow } from "../lib/public/agreement.js";
import type { AgreementDataset, ComparedGroup } from "../lib/public/agreementDataset.js";
import { chartFigure } from "./chartFigure.js";
import { dayTicks, paddedDayDomain, utcDayStart, utcNoon } from "./utcDays.js";

export interface SourceAgreementOptions {
  width: number;
  /** The group of sources compared (default "btc", Bitcoin's daily close). */
  group?: string;
}

const MS_PER_DAY = 86_400_000;

export const formatPct = (value: number) => `${value.toFixed(2)}%`;

const monthDay = (date: string) => utcNoon(date).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

export function comparedGroup(dataset: AgreementDataset, id: string): ComparedGroup {
  const group = dataset.groups.find((candidate) => candidate.id === id);
  if (!group) throw new Error(`public-agreement has no group "${id}"`);
  return group;
}

/** Days of a group with two or more sources to compare. */
export function comparedDays(group: ComparedGroup): (AgreementRow & { spreadPct: number })[] {
  return group.rows.filter((row): row is AgreementRow & { spreadPct: number } => row.spreadPct !== null);
}

/** Notes that say the same thing, with the days they explain. */
export function notesByText(notes: readonly AgreementNote[]): { note: string; dates: string[] }[] {
  const grouped = new Map<string, string[]>();
  for (const note of notes) grouped.set(note.note, [...(grouped.get(note.note) ?? []), note.date]);
  return [...grouped].map(([note, dates]) => ({ note, dates }));
}

/**
 * One group (bitcoin by default): the largest disagreement between the sources' daily closes on each UTC
 * day, the threshold above which a day needs a note, and each source's close in the tip.
 */
export function sourceAgreement(dataset: AgreementDataset, { width, group: groupId = "btc" }: SourceAgreementOptions): HTMLElement {
  const group = comparedGroup(dataset, groupId);
  const days = comparedDays(group);
  const threshold = dataset.thresholdPct;
  const noted = new Set(group.notes.map((note) => note.date));
  const narrow = width < 520;
  const domain = paddedDayDomain(days.map((row) => utcDayStart(row.date)), 1);
  const sourceChannels = Object.fromEntries(
    group.sources.map(({ label }, i) => [`source${i}`, { label, value: (row: AgreementRow) => (row.values[label] === null ? "no value" : row.values[label]!.toLocaleString("en-US", { maximumFractionDigits: 2 })) }])
  );
  const chart = Plot.plot({
    width,
    height: narrow ? 260 : 320,
    marginLeft: 48,
    x: { type: "utc", domain, label: "UTC day", ticks: dayTicks(domain, narrow ? 4 : 10), tickFormat: "%b %-d" },
    y: { label: "↑ Largest disagreement between sources (%)", grid: true, nice: true, zero: true, tickFormat: (v: number) => `${v}%` },
    color: { domain: ["within", "above"], range: ["var(--theme-foreground-faint)", "var(--theme-foreground-focus)"] },
    marks: [
      Plot.rectY(days, {
        x1: (row: AgreementRow) => utcDayStart(row.date),
        x2: (row: AgreementRow) => new Date(utcDayStart(row.date).getTime() + MS_PER_DAY),
        y: "spreadPct",
        insetLeft: 0.5,
        insetRight: 0.5,
        fill: (row: AgreementRow) => (row.spreadPct! > threshold ? "above" : "within"),
        className: "agreement-day",
        ariaLabel: (row: AgreementRow) => `${row.date}: ${formatPct(row.spreadPct!)}, ${row.high} above ${row.low}`
      }),
      Plot.ruleY([threshold], { stroke: "currentColor", strokeDasharray: "4,3", className: "agreement-threshold" }),
      Plot.text([threshold], {
        x: domain[1],
        y: (v: number) => v,
        text: (v: number) => `${formatPct(v)}: days above need a note`,
        textAnchor: "end",
        dy: -7,
        fontSize: 11,
        stroke: "var(--theme-background)",
        strokeWidth: 4,
        fill: "currentColor"
      }),
      Plot.ruleY([0]),
      Plot.tip(
        days,
        Plot.pointerX({
          x: (row: AgreementRow) => utcNoon(row.date),
          // Anchored to the top of the frame so the tip hangs inside the chart whatever the bar's height.
          frameAnchor: "top",
          lineWidth: 40,
          channels: {
            day: { label: "day", value: "date" },
            spread: { label: "largest disagreement", value: (row: AgreementRow) => formatPct(row.spreadPct!) },
            between: { label: "between", value: (row: AgreementRow) => `${row.high} above ${row.low}` },
            ...sourceChannels,
            note: { label: "note", value: (row: AgreementRow) => (noted.has(row.date) ? "see the notes below the chart" : row.spreadPct! > threshold ? "MISSING" : "none needed") }
          },
          format: { x: false, y: false }
        })
      )
    ]
  });
  const figure = chartFigure(chart, [], {
    title: `${group.title}: how far apart the sources are each day`,
    filename: `${group.id}-source-agreement`,
    public: {
      dataset: "source-agreement",
      sources: group.sources.map((source) => source.credit),
      rows: group.rows.map((row) => ({ date: row.date, ...row.values, largest_disagreement_pct: row.spreadPct, highest: row.high, lowest: row.low }))
    }
  });
  figure.dataset.chart = "source-agreement";
  return figure;
}

/** The notes of a group, one row per distinct note, with the days (and their disagreement) it explains. */
export function agreementNotesTable(group: ComparedGroup): HTMLTableElement {
  const spreadOn = new Map(group.rows.map((row) => [row.date, row]));
  const table = document.createElement("table");
  table.className = "agreement-notes";
  table.createTHead().insertRow().append(...["Days (largest disagreement, highest and lowest source)", "Note"].map((text) => Object.assign(document.createElement("th"), { textContent: text })));
  const body = table.createTBody();
  for (const { note, dates } of notesByText(group.notes)) {
    const row = body.insertRow();
    row.insertCell().textContent = dates
      .map((date) => {
        const day = spreadOn.get(date)!;
        return `${monthDay(date)} (${formatPct(day.spreadPct!)}, ${day.high} above ${day.low})`;
      })
      .join("; ");
    row.insertCell().textContent = note;
  }
  return table;
}

/** One line per group other than bitcoin: its widest day over the window and the note for it. */
export function agreementSummaryTable(dataset: AgreementDataset): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "agreement-summary";
  table.createTHead().insertRow().append(...["Quantity and sources", "Days compared", "Largest disagreement", "Note, or what is compared"].map((text) => Object.assign(document.createElement("th"), { textContent: text })));
  const body = table.createTBody();
  for (const group of dataset.groups.filter((candidate) => candidate.id !== "btc")) {
    const days = comparedDays(group);
    const widest = group.widest;
    const row = body.insertRow();
    row.dataset.group = group.id;
    row.insertCell().textContent = `${group.title}: ${group.sources.map((source) => source.label).join(" vs ")}`;
    const alone = group.rows.length - days.length;
    row.insertCell().textContent = `${days.length}${alone > 0 ? ` (${alone} more with one source only)` : ""}`;
    row.insertCell().textContent =
      widest === null ? "nothing to compare" : widest.spreadPct === 0 ? "none: identical on every day compared" : `${formatPct(widest.spreadPct!)} on ${monthDay(widest.date)} (${widest.high} above ${widest.low})`;
    const note = widest === null ? undefined : group.notes.find((candidate) => candidate.date === widest.date);
    row.insertCell().textContent = note ? note.note : widest !== null && widest.spreadPct! > dataset.thresholdPct ? "no note" : group.about;
  }
  return table;
}
