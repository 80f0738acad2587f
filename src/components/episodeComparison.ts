import * as Plot from "./plot/index.js";
import { claimAttribution, formatInUnit } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { formatChangePct } from "../lib/public/crossAssetRows.js";
import type { EpisodeMeasure, EpisodePathRow } from "../lib/public/episodes.js";
import type { PublicSource } from "../lib/public/load.js";
import { chartFigure } from "./chartFigure.js";
import { citedFigure } from "./citedFigure.js";
import { shortUtcDate } from "./reportedBound.js";

/** A table row measured from the daily series; reported figures may sit beside the measured value. */
export type MeasuredRow = "day" | "priorHigh" | "low" | "drawdown" | `rebound-${number}` | "dvol" | "funding";

/** A ledger figure shown in an episode's column. */
export interface ReportedFigure {
  /** A measured row to sit beside, or the label of a row of reported figures only. */
  row: MeasuredRow | string;
  claim: CitedClaim;
  /** For a range claim, the end this row shows: a fall's start is its high, its end its low. */
  bound?: "low" | "high";
  /** One line on why the printed number differs from the measured one. */
  why?: string;
}

/** The figures the articles print for one episode. */
export interface EpisodeReported {
  /** An episode id of the measured rows. */
  episode: string;
  figures: readonly ReportedFigure[];
}

export interface EpisodeTableOptions {
  reported: readonly EpisodeReported[];
  /** The days searched for the prior high. */
  lookbackDays: number;
  sources: readonly PublicSource[];
}

const usd = (value: number) => formatInUnit(Math.round(value), "usd");
const dayText = (day: string) => `${shortUtcDate(day)}, ${day.slice(0, 4)}`;
const hourText = (time: string) => `${time.slice(11, 16)} UTC`;

/** The low day in words: as printed, or chosen from the data by the episode's rule. */
export function lowDayText(episode: EpisodeMeasure): string {
  if (episode.printedDay === null) return `chosen from the data (${episode.dayRule}); the articles print only the month`;
  if (episode.printedDay === episode.day) return "the day the articles print";
  return `${episode.dayRule}; the articles print ${dayText(episode.printedDay)}`;
}

interface MeasuredRowSpec {
  key: MeasuredRow;
  label: string;
  value: (episode: EpisodeMeasure) => string;
  detail?: (episode: EpisodeMeasure) => string;
}

function measuredRows(lookbackDays: number, reboundDays: readonly number[]): MeasuredRowSpec[] {
  return [
    { key: "day", label: "Low day", value: (e) => dayText(e.day), detail: lowDayText },
    {
      key: "priorHigh",
      label: `Prior high (highest daily high in the ${lookbackDays} days before)`,
      value: (e) => usd(e.priorHigh.high),
      detail: (e) => `on ${dayText(e.priorHigh.date)}${e.lookbackCut ? `; searched from ${dayText(e.lookbackFrom)} only, where the extract starts` : ""}`,
    },
    { key: "low", label: "Low (the low day's lowest price)", value: (e) => usd(e.low) },
    { key: "drawdown", label: "Fall from the prior high to the low", value: (e) => formatChangePct(e.drawdownPct, 1) },
    ...reboundDays.map((days): MeasuredRowSpec => ({
      key: `rebound-${days}`,
      label: days === 0 ? "Rebound: the low day's close against the low" : `Rebound: the close ${days} day${days === 1 ? "" : "s"} later against the low`,
      value: (e) => {
        const rebound = e.rebounds.find((candidate) => candidate.afterDays === days);
        return rebound?.pct == null ? "no close in the extract" : formatChangePct(rebound.pct, 1);
      },
      detail: (e) => {
        const rebound = e.rebounds.find((candidate) => candidate.afterDays === days);
        return rebound?.close == null ? "" : `close ${usd(rebound.close)} on ${dayText(rebound.date)}`;
      },
    })),
    {
      key: "dvol",
      label: "DVOL (30-day implied volatility) in the hour of the low",
      value: (e) => (e.dvolAtLow === null ? "no reading" : e.dvolAtLow.dvol.toFixed(1)),
      detail: (e) => (e.dvolAtLow === null ? "" : `at ${hourText(e.dvolAtLow.time)}`),
    },
    {
      key: "funding",
      label: "Funding on the low day, annualized",
      value: (e) => (e.fundingAprPct === null ? "no reading" : formatChangePct(e.fundingAprPct, 1)),
    },
  ];
}

function small(text: string, className: string): HTMLElement {
  const element = document.createElement("div");
  element.className = className;
  element.style.font = "12px/1.35 var(--sans-serif)";
  element.style.color = "var(--theme-foreground-muted)";
  element.textContent = text;
  return element;
}

/** The row's label stays in view while a narrow screen scrolls the episodes sideways. */
function rowLabel(text: string): HTMLTableCellElement {
  const th = document.createElement("th");
  th.scope = "row";
  th.textContent = text;
  Object.assign(th.style, { position: "sticky", left: "0", background: "var(--theme-background)", width: "7.5rem", minWidth: "6.5rem", font: "13px/1.35 var(--sans-serif)", verticalAlign: "top" });
  return th;
}

function reportedLine(figure: ReportedFigure): HTMLElement {
  const line = document.createElement("div");
  line.className = "episode-reported";
  line.style.font = "12px/1.35 var(--sans-serif)";
  line.style.marginTop = "0.3rem";
  const bound = figure.bound === undefined ? null : figure.claim[figure.bound];
  line.append("Printed: ", bound == null ? citedFigure(figure.claim) : citedFigure(figure.claim, formatInUnit(bound, figure.claim.unit)));
  line.append(` (${claimAttribution(figure.claim)})`);
  if (figure.why) line.append(small(figure.why, "episode-why"));
  return line;
}

/** The measured rows of each episode as CSV columns. */
function episodeCsvRows(episodes: readonly EpisodeMeasure[]): object[] {
  return episodes.map((e) => ({
    episode: e.name,
    low_day: e.day,
    printed_day: e.printedDay ?? "",
    prior_high_day: e.priorHigh.date,
    prior_high: e.priorHigh.high,
    lookback_from: e.lookbackFrom,
    low: e.low,
    drawdown_pct: e.drawdownPct,
    ...Object.fromEntries(e.rebounds.flatMap((r) => [[`close_${r.afterDays}d_after`, r.close], [`rebound_${r.afterDays}d_pct`, r.pct]])),
    dvol_hour: e.dvolAtLow?.time ?? "",
    dvol_at_low: e.dvolAtLow?.dvol ?? "",
    funding_apr_pct: e.fundingAprPct ?? "",
  }));
}

/**
 * One column per episode, one row per measure; the articles' own figures for an episode sit
 * under the measured value of the same row, or in rows of their own below.
 */
export function episodeTable(episodes: readonly EpisodeMeasure[], { reported, lookbackDays, sources }: EpisodeTableOptions): HTMLElement {
  const known = new Set(episodes.map((episode) => episode.id));
  for (const { episode } of reported) if (!known.has(episode)) throw new Error(`no measured episode "${episode}" for the reported figures`);
  const figuresOf = (episode: string, row: string) => reported.filter((r) => r.episode === episode).flatMap((r) => r.figures.filter((f) => f.row === row));
  const reboundDays = [...new Set(episodes.flatMap((e) => e.rebounds.map((r) => r.afterDays)))];
  const measured = measuredRows(lookbackDays, reboundDays);
  const measuredKeys = new Set<string>(measured.map((row) => row.key));
  const reportedOnly = [...new Set(reported.flatMap((r) => r.figures.map((f) => f.row)).filter((row) => !measuredKeys.has(row)))];

  const table = document.createElement("table");
  table.className = "episode-comparison";
  table.style.minWidth = "34rem";
  const head = table.createTHead().insertRow();
  head.append(rowLabel("Measured on the daily series"));
  for (const episode of episodes) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = episode.name;
    head.append(th);
  }
  const body = table.createTBody();
  for (const spec of measured) {
    const tr = body.insertRow();
    tr.dataset.row = spec.key;
    tr.append(rowLabel(spec.label));
    for (const episode of episodes) {
      const td = tr.insertCell();
      td.dataset.episode = episode.id;
      td.style.verticalAlign = "top";
      const value = document.createElement("div");
      value.className = "episode-measured";
      value.textContent = spec.value(episode);
      td.append(value);
      const detail = spec.detail?.(episode);
      if (detail) td.append(small(detail, "episode-detail"));
      for (const figure of figuresOf(episode.id, spec.key)) td.append(reportedLine(figure));
    }
  }
  for (const label of reportedOnly) {
    const tr = body.insertRow();
    tr.dataset.row = "reported";
    tr.append(rowLabel(`${label} (printed only; no public series)`));
    for (const episode of episodes) {
      const td = tr.insertCell();
      td.dataset.episode = episode.id;
      td.style.verticalAlign = "top";
      const figures = figuresOf(episode.id, label);
      if (figures.length === 0) td.append(small("none printed", "episode-detail"));
      for (const figure of figures) td.append(reportedLine(figure));
    }
  }
  const scroller = document.createElement("div");
  scroller.style.overflowX = "auto";
  scroller.append(table);
  const claims = reported.flatMap((r) => r.figures.map((f) => f.claim));
  const figure = chartFigure(scroller, [...new Map(claims.map((claim) => [claim.id, claim])).values()], {
    title: "Three sell-offs measured from the daily series, beside the figures the articles print",
    filename: "btc-episodes",
    public: { dataset: "episodes", sources, rows: episodeCsvRows(episodes) },
  });
  figure.dataset.chart = "episode-table";
  return figure;
}

export interface EpisodePathsOptions {
  width: number;
  episodes: readonly EpisodeMeasure[];
  /** Days either side of the low day. */
  pathDays: number;
  sources: readonly PublicSource[];
}

/** The name an episode carries on the chart: its low day, and how that day was found when no article prints it. */
export function episodeLabel(episode: EpisodeMeasure): string {
  return `${dayText(episode.day)}${episode.printedDay === null ? " (day chosen from the data)" : ""}`;
}

/** Each episode's daily closes against its prior high, aligned on the low day; a dot marks the low. */
export function episodePaths(rows: readonly EpisodePathRow[], { width, episodes, pathDays, sources }: EpisodePathsOptions): HTMLElement {
  const labelOf = new Map(episodes.map((episode) => [episode.id, episodeLabel(episode)]));
  const points = rows.map((row) => ({ ...row, name: labelOf.get(row.episode) ?? row.episode }));
  const lows = points.filter((row) => row.offset === 0);
  const chart = Plot.plot({
    width,
    height: 340,
    marginLeft: 44,
    x: { domain: [-pathDays, pathDays], label: "days from the low day →", ticks: 2 * pathDays <= 10 || width > 560 ? 2 * pathDays + 1 : 5, tickFormat: (d: number) => (d > 0 ? `+${d}` : String(d)) },
    y: { label: "% from the prior high", grid: true, nice: true, tickFormat: (d: number) => `${d}%` },
    color: { domain: episodes.map(episodeLabel), legend: true },
    marks: [
      Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.5 }),
      Plot.ruleX([0], { stroke: "currentColor", strokeDasharray: "3,3", strokeOpacity: 0.6 }),
      Plot.line(points, { x: "offset", y: "closePct", z: "episode", stroke: "name", strokeWidth: 1.75, className: "episode-path" }),
      // The low day's range from its low up to its close, one beside the other so they do not hide each other.
      ...episodes.flatMap((episode, i) => {
        const own = lows.filter((row) => row.episode === episode.id);
        const dx = (i - (episodes.length - 1) / 2) * 5;
        return [
          Plot.ruleX(own, { x: "offset", y1: "lowPct", y2: "closePct", stroke: "name", strokeWidth: 1.5, strokeOpacity: 0.7, dx }),
          Plot.dot(own, { x: "offset", y: "lowPct", fill: "name", r: 4, dx, className: "episode-low" }),
        ];
      }),
      Plot.tip(
        points,
        Plot.pointer({
          x: "offset",
          y: "closePct",
          stroke: "name",
          channels: {
            day: { label: "day", value: "date" },
            close: { label: "close", value: (row: EpisodePathRow) => usd(row.close) },
            low: { label: "low", value: (row: EpisodePathRow) => usd(row.low) },
            against: { label: "close vs prior high", value: (row: EpisodePathRow) => formatChangePct(row.closePct, 1) },
          },
          format: { x: false, y: false, stroke: true },
        }),
      ),
    ],
  });
  const wrapper = document.createElement("div");
  const notes = episodes.flatMap((episode) => {
    const path = rows.filter((row) => row.episode === episode.id);
    const first = path.reduce((earliest, row) => (row.offset < earliest.offset ? row : earliest), path[0]!);
    const parts = [
      ...(episode.printedDay === null ? [`${dayText(episode.day)} is chosen from the data (${episode.dayRule}); the articles print only the month`] : []),
      ...(first.offset > -pathDays
        ? [`the line starts ${-first.offset} days before the low, on ${dayText(first.date)}${episode.lookbackCut && first.date === episode.lookbackFrom ? ", where the extract begins" : ": the extract lacks the days before"}`]
        : []),
    ];
    return parts.length === 0 ? [] : [`${episode.name}: ${parts.join("; ")}.`];
  });
  if (notes.length > 0) wrapper.append(small(notes.join(" "), "episode-chart-note"));
  wrapper.append(chart);
  const figure = chartFigure(wrapper, [], {
    title: "Daily closes around each low, against the high before it",
    filename: "btc-episode-paths",
    public: { dataset: "episode-paths", sources, rows },
  });
  figure.dataset.chart = "episode-paths";
  return figure;
}
