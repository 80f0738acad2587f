import * as Plot from "./plot/index.js";
import { asOfInterval, claimDate, formatClaimValue, formatInUnit } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import type { Rr25Row } from "../lib/metrics/rr25.js";
import { FEAR_SIGN, isSkewConvention, type SkewConvention } from "../lib/skew.js";
import { chartFigure, type MarketDataset } from "./chartFigure.js";
import { groupSameFigure, sameFigureSources, type SameFigure } from "./sameFigure.js";

export interface SkewReadingsOptions {
  width: number;
  /** Computed RR25 per day and tenor (dataset "options-skew"), drawn on rows of its own when it has rows. */
  market?: MarketDataset<Rr25Row>;
}

/** One mark: a reading as its source printed it, or one day of computed RR25. */
export interface SkewPoint {
  convention: SkewConvention;
  /** The value as printed (or as computed), never re-signed. */
  value: number;
  /** The figure as printed: "−13 vol pts", "20%". */
  label: string;
  /** When it was true, as its source dates it: "Feb 6, 2026", "low of 2026-W06 (Feb 2 to Feb 8)", "date not printed". */
  when: string;
  source: string;
  /** The ledger rows behind a reported reading; null for a computed one. */
  reported: SameFigure | null;
}

/** One row of the chart: the readings of one measure, on an axis of their own. */
export interface SkewRow {
  title: string;
  convention: SkewConvention;
  points: SkewPoint[];
  /** The measure's own fear threshold, drawn as the bound it is ("above 6%"). */
  fearLine: SkewPoint | null;
  computed: boolean;
}

const CONVENTION_TITLES: Record<SkewConvention, string> = {
  rr25: "25-delta risk reversal: call IV minus put IV, vol points",
  put_minus_call: "25-delta options skew: put IV minus call IV, as printed in %"
};

/** How fear reads on each axis, said on the chart. */
const FEAR_DIRECTION: Record<SkewConvention, string> = {
  rr25: "more negative = puts dearer (fear) →",
  put_minus_call: "more positive = puts dearer (fear) →"
};

const CONVENTION_WORDS: Record<SkewConvention, string> = {
  rr25: "call minus put: negative means fear",
  put_minus_call: "put minus call: positive means fear"
};

/** "−13" with a true minus sign, so labels read like the rest of the site. */
export function signedNumber(value: number): string {
  return value < 0 ? `−${(-value).toLocaleString("en-US")}` : value.toLocaleString("en-US");
}

function conventionOf(claim: CitedClaim): SkewConvention {
  if (claim.convention === null || !isSkewConvention(claim.convention)) {
    throw new Error(`claim "${claim.id}" has no skew convention`);
  }
  return claim.convention;
}

const isThreshold = (claim: CitedClaim) => claim.kind === "reference";
const DAY_MS = 86_400_000;

/** "Feb 6, 2026" for a day or an instant; the ledger's own wording for a week or month; the week's low or high said as such. */
export function readingWhen(claim: CitedClaim): string {
  const interval = asOfInterval(claim.asOf);
  if (interval === null) return "date not printed";
  const short = interval.to.getTime() - interval.from.getTime() <= DAY_MS;
  const date = short
    ? interval.from.toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" })
    : claimDate(claim);
  return claim.kind === "low" || claim.kind === "high" ? `${claim.kind} of ${date}` : date;
}

function reportedPoint(group: SameFigure, value: number): SkewPoint {
  const [claim] = group;
  return {
    convention: conventionOf(claim),
    value,
    label: formatClaimValue(claim),
    when: readingWhen(claim),
    source: sameFigureSources(group),
    reported: group
  };
}

/** Every skew reading among `claims` with a value, one point per figure, exactly as printed. */
export function reportedSkewPoints(claims: readonly CitedClaim[]): SkewPoint[] {
  const readings = claims.filter((claim) => claim.convention !== null && claim.value !== null && !isThreshold(claim));
  return groupSameFigure(readings).map((group) => reportedPoint(group, group[0].value ?? 0));
}

/** The fear threshold of a convention ("above 6%" for put minus call), as printed; null when `claims` hold none. */
export function skewFearLine(claims: readonly CitedClaim[], convention: SkewConvention): SkewPoint | null {
  const [group] = groupSameFigure(claims.filter((claim) => claim.convention === convention && isThreshold(claim)));
  if (!group) return null;
  const threshold = group[0].low ?? group[0].value ?? group[0].high;
  return threshold === null ? null : reportedPoint(group, threshold);
}

/** Computed RR25, one point per day, in the risk-reversal convention it is computed in. */
export function marketSkewPoints(rows: readonly Rr25Row[], sourceName: string): SkewPoint[] {
  return rows.map((row) => ({
    convention: "rr25",
    value: row.rr25,
    label: formatInUnit(Math.round(row.rr25 * 100) / 100, "vol_pts"),
    when: `${row.date}, ${row.tenor_days}-day`,
    source: sourceName,
    reported: null
  }));
}

/** The chart's rows: reported readings per convention, then computed RR25 per tenor. */
export function skewRows(claims: readonly CitedClaim[], market?: MarketDataset<Rr25Row>): SkewRow[] {
  const reported = reportedSkewPoints(claims);
  const conventions = [...new Set(reported.map((point) => point.convention))];
  const rows: SkewRow[] = conventions.map((convention) => ({
    title: CONVENTION_TITLES[convention],
    convention,
    points: reported.filter((point) => point.convention === convention),
    fearLine: skewFearLine(claims, convention),
    computed: false
  }));
  const tenors = [...new Set((market?.rows ?? []).map((row) => row.tenor_days))].sort((a, b) => a - b);
  for (const tenor of tenors) {
    const points = marketSkewPoints(market!.rows.filter((row) => row.tenor_days === tenor), "Deribit option trades (computed)");
    rows.push({
      title: `Computed from Deribit option trades: 25-delta risk reversal, ${tenor}-day, one dot per UTC day (vol points)`,
      convention: "rr25",
      points,
      fearLine: null,
      computed: true
    });
  }
  return rows;
}

/**
 * A row's axis in its own values, from a little past zero on the calm side to past the most
 * fearful value; `reverse` turns it so that fear points right whatever the sign convention.
 */
export function fearwardDomain(values: readonly number[], convention: SkewConvention): { domain: [number, number]; reverse: boolean } {
  const sign = FEAR_SIGN[convention];
  const fearEdge = Math.ceil((Math.max(5, ...values.map((v) => v * sign)) * 1.15) / 5) * 5;
  const calmEdge = Math.ceil(Math.max(fearEdge * 0.2, ...values.map((v) => -v * sign)) / 5) * 5;
  const ends = [-calmEdge * sign, fearEdge * sign].sort((a, b) => a - b) as [number, number];
  return { domain: ends, reverse: sign < 0 };
}

const tipChannels = {
  reading: (d: SkewPoint) => d.label,
  when: (d: SkewPoint) => d.when,
  convention: (d: SkewPoint) => CONVENTION_WORDS[d.convention],
  source: (d: SkewPoint) => d.source
};

function rowPlot(row: SkewRow, width: number): HTMLElement {
  const { domain, reverse } = fearwardDomain([...row.points, ...(row.fearLine ? [row.fearLine] : [])].map((d) => d.value), row.convention);
  const narrow = width < 480;
  // Share of the axis from its left end, so labels near the right edge are set to end there.
  const position = (value: number) => {
    const share = (value - domain[0]) / (domain[1] - domain[0]);
    return reverse ? 1 - share : share;
  };
  // Labels run away from the nearer edge, so neighbouring readings' labels do not meet.
  const anchor = (d: SkewPoint): "start" | "end" => (position(d.value) < 0.3 ? "start" : "end");
  const fearSide = (value: number): [number, number] => (FEAR_SIGN[row.convention] > 0 ? [value, domain[1]] : [domain[0], value]);
  const labelled = row.computed ? [] : row.points;
  const plot = Plot.plot({
    width,
    height: row.computed ? 80 : row.fearLine ? 116 : 98,
    marginLeft: 16,
    marginRight: 16,
    marginTop: row.fearLine ? 30 : 12,
    marginBottom: 38,
    x: {
      domain,
      reverse,
      ticks: narrow ? 4 : 8,
      grid: true,
      tickFormat: signedNumber,
      label: FEAR_DIRECTION[row.convention],
      labelAnchor: "right",
      labelArrow: "none"
    },
    marks: [
      ...(row.fearLine
        ? [
            Plot.rectX([row.fearLine], {
              x1: (d: SkewPoint) => fearSide(d.value)[0],
              x2: (d: SkewPoint) => fearSide(d.value)[1],
              fill: "var(--theme-foreground-focus)",
              fillOpacity: 0.1
            }),
            Plot.ruleX([row.fearLine], { x: "value", strokeDasharray: "4,3", stroke: "var(--theme-foreground-muted)" }),
            Plot.text([row.fearLine], {
              x: "value",
              text: (d: SkewPoint) => `fear line: ${d.label.replace(/^> /, "above ")}`,
              frameAnchor: "top",
              dy: -22,
              textAnchor: FEAR_SIGN[row.convention] > 0 ? "start" : "end",
              dx: FEAR_SIGN[row.convention] > 0 ? 4 : -4,
              fill: "var(--theme-foreground-muted)",
              className: "skew-fear-line"
            })
          ]
        : []),
      Plot.ruleX([0], { stroke: "currentColor", strokeOpacity: 0.6, className: "skew-zero" }),
      Plot.dot(row.points, {
        x: "value",
        frameAnchor: "middle",
        r: row.computed ? 2.5 : 6,
        fill: row.computed ? "var(--theme-foreground-muted)" : "currentColor",
        fillOpacity: row.computed ? 0.7 : 1,
        className: "skew-dot"
      }),
      ...(["start", "end"] as const).flatMap((textAnchor) => {
        const placed = labelled.filter((d) => anchor(d) === textAnchor);
        const dx = textAnchor === "end" ? 6 : -6;
        return [
          Plot.text(placed, { x: "value", frameAnchor: "middle", text: "label", dy: -15, dx, textAnchor, fontWeight: "bold", className: "skew-value" }),
          Plot.text(placed, { x: "value", frameAnchor: "middle", text: "when", dy: 15, dx, textAnchor, fill: "var(--theme-foreground-muted)", className: "skew-when" })
        ];
      }),
      Plot.tip(row.points, Plot.pointerX({ x: "value", frameAnchor: "middle", channels: tipChannels, format: { x: false } }))
    ]
  });
  const block = document.createElement("div");
  block.className = "skew-row";
  block.dataset.convention = row.convention;
  const title = document.createElement("p");
  title.className = "skew-row-title";
  title.textContent = row.title;
  block.append(title, plot);
  return block;
}

/**
 * The reported options-skew readings, each in the sign convention its source printed, one row
 * per convention with an axis of its own. The risk reversal's axis runs right to left so that
 * fear points right on every row. Computed RR25 per tenor gets rows of its own when captured.
 */
export function skewReadings(claims: readonly CitedClaim[], { width, market }: SkewReadingsOptions): HTMLElement {
  const withRows = market && market.rows.length > 0 ? market : undefined;
  const rows = skewRows(claims, withRows);
  const stack = document.createElement("div");
  stack.className = "skew-rows";
  stack.append(...rows.map((row) => rowPlot(row, width)));
  const drawn = rows.flatMap((row) => [...row.points, ...(row.fearLine ? [row.fearLine] : [])]).flatMap((d) => d.reported ?? []);
  const figure = chartFigure(stack, drawn, {
    title: "BTC options skew, each reading as printed",
    filename: "btc-options-skew-readings",
    market: withRows
  });
  const note = document.createElement("p");
  note.className = "skew-note";
  note.textContent =
    "Each reading keeps the sign its source printed, on an axis of its own; the risk reversal's axis runs right to left so that fear points right on every row. The readings differ in sign convention, tenor and date, so their sizes are not compared." +
    (withRows ? " The computed rows are RR25 from option trades, not a reported figure." : "");
  figure.querySelector("h3")?.after(note);
  figure.classList.add("skew-readings");
  return figure;
}
