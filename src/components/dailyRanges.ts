import * as Plot from "./plot/index.js";
import { formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { appendDataCredit, dataCredit, publicSeriesCredits } from "../lib/public/credits.js";
import type { PublicDataset } from "../lib/public/dataset.js";
import { chartFigure, claimAttribution } from "./chartFigure.js";
import { shortUtcDate } from "./reportedBound.js";
import { utcNoon } from "./utcDays.js";

export interface DailyRangeRow {
  date: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
}

/** A reported price level, drawn across the whole chart because the article gives it no day. */
export interface ReportedLevel {
  claim: CitedClaim;
  /** What the line says on the chart, e.g. the quote it comes from. */
  label: string;
}

export interface DailyRangesOptions {
  width: number;
  /** First and last session shown, YYYY-MM-DD. */
  from: string;
  to: string;
  title: string;
  /** The value axis, with its unit: "USD per troy ounce". */
  yLabel: string;
  levels: readonly ReportedLevel[];
}

/** A tick at the close spans 0.6 of a day, centred on the session's noon. */
const shifted = (time: Date, days: number) => new Date(time.getTime() + days * 86_400_000);
const price = (value: number) => `$${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The sessions between `from` and `to` with a full range. */
export function sessionsBetween(rows: readonly DailyRangeRow[], from: string, to: string): (DailyRangeRow & { time: Date })[] {
  return rows
    .filter((row) => row.date >= from && row.date <= to && row.high !== null && row.low !== null && row.close !== null)
    .map((row) => ({ ...row, time: utcNoon(row.date) }));
}

/**
 * One market's sessions as they were traded: a bar from each day's low to its high and a tick at
 * its close, with reported price levels as labelled lines across the chart (undated, so on no day).
 */
export function dailyRanges(dataset: PublicDataset<DailyRangeRow>, options: DailyRangesOptions): HTMLElement {
  const { width, from, to, title, yLabel, levels } = options;
  const sessions = sessionsBetween(dataset.rows, from, to);
  const narrow = width < 520;
  const levelRows = levels.map(({ claim, label }) => {
    if (claim.value === null) throw new Error(`claim "${claim.id}" is not a single price level`);
    return { claim, label, value: claim.value };
  });
  const chart = Plot.plot({
    width,
    height: narrow ? 300 : 340,
    marginLeft: 48,
    marginRight: 12,
    // Room under the lowest low for a level's label, which wraps on a phone.
    insetBottom: narrow ? 44 : 20,
    x: { type: "utc", label: null, ticks: narrow ? 4 : 8, tickFormat: "%b %-d" },
    y: { label: `↑ ${yLabel}`, grid: true, tickFormat: (v: number) => `$${v}` },
    marks: [
      Plot.ruleX(sessions, { x: "time", y1: "low", y2: "high", strokeWidth: narrow ? 3 : 5, stroke: "var(--theme-foreground-muted)", className: "session-range" }),
      Plot.ruleY(sessions, { y: "close", x1: (row: { time: Date }) => shifted(row.time, -0.3), x2: (row: { time: Date }) => shifted(row.time, 0.3), stroke: "var(--theme-foreground)", strokeWidth: 2, className: "session-close" }),
      Plot.ruleY(levelRows, { y: "value", stroke: "var(--theme-red)", strokeWidth: 1.5, strokeDasharray: "6,4", title: (row: { claim: CitedClaim }) => `${formatClaimValue(row.claim)}, ${claimAttribution(row.claim)}: “${row.claim.quote}”`, className: "reported-level" }),
      Plot.text(levelRows, {
        y: "value",
        frameAnchor: "left",
        text: "label",
        dx: 4,
        dy: 6,
        lineAnchor: "top",
        textAnchor: "start",
        fill: "var(--theme-red)",
        fontSize: 11,
        lineWidth: narrow ? 13 : 60
      }),
      Plot.tip(
        sessions,
        Plot.pointerX({
          x: "time",
          y: "close",
          channels: {
            session: { label: "session", value: "date" },
            high: { label: "high", value: (row: DailyRangeRow) => price(row.high!) },
            low: { label: "low", value: (row: DailyRangeRow) => price(row.low!) },
            close: { label: "close", value: (row: DailyRangeRow) => price(row.close!) }
          },
          format: { x: false, y: false }
        })
      )
    ]
  });
  const credits = publicSeriesCredits([dataset.source]);
  const key = document.createElement("p");
  key.className = "chart-key";
  key.textContent = `Grey bar: each session's low to high; dark tick: its close (${credits[0]!.provider} daily prices as traded, dated by trading session). Dashed red line: the level the article reported, drawn across the chart because it prints no day.`;
  const box = document.createElement("div");
  box.append(key, chart);
  const figure = chartFigure(
    box,
    levels.map((level) => level.claim),
    // The series is credited in words below, its repository and commit folded away.
    { title: `${title}, ${shortUtcDate(from)} to ${shortUtcDate(to)}`, filename: `${dataset.source.series}-sessions`, public: { dataset: "sessions", sources: [], rows: sessions.map(({ time: _time, ...row }) => row) } }
  );
  appendDataCredit(figure, dataCredit(credits, { use: "drawn" }));
  figure.dataset.chart = "daily-ranges";
  return figure;
}
