import * as Plot from "@observablehq/plot";
import { claimDate, formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import type { Rr25Row } from "../lib/metrics/rr25.js";
import { isSkewConvention, toConvention, type SkewConvention } from "../lib/skew.js";
import { chartFigure, type MarketDataset } from "./chartFigure.js";
import { groupSameFigure, sameFigureSources, type SameFigure } from "./sameFigure.js";

export interface SkewReadingsOptions {
  width: number;
  /** The sign convention every reading is drawn in. */
  convention: SkewConvention;
  /** Computed RR25 per day and tenor (dataset "options-skew"), drawn when it has rows. */
  market?: MarketDataset<Rr25Row>;
}

/** One mark on the chart: a reported reading, or a day of computed RR25. */
export interface SkewPoint {
  /** The chart row: which measure the reading is. */
  measure: string;
  /** The reading in the chart's convention (sign flipped when it was quoted in the other one). */
  value: number;
  /** UTC day, YYYY-MM-DD. */
  date: string;
  /** The value label drawn next to a reported reading, in the chart's convention. */
  label: string;
  /** The figure as quoted, before any sign flip. */
  asQuoted: string;
  source: string;
  /** The ledger rows behind a reported reading; null for a computed one. */
  reported: SameFigure | null;
}

export const SKEW_MEASURES: Record<SkewConvention, string> = {
  rr25: "25-delta risk reversal, short-dated",
  put_minus_call: "Put-minus-call options skew"
};

const SKEW_METRICS = new Set(["risk_reversal_25d", "options_skew"]);
const FEAR_LINE_METRIC = "options_skew_fear_threshold";

/** "−13" with a true minus sign, so labels read like the rest of the site. */
export function signedNumber(value: number): string {
  return value < 0 ? `−${(-value).toLocaleString("en-US")}` : value.toLocaleString("en-US");
}

/** "Feb 5", or "Nov 21 ’25" outside 2026; a week or an undated reading keeps its words ("2026-W06 (Feb 2 to Feb 8)"). */
export function shortUtcDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(date)) return date;
  const day = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  const monthDay = day.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
  return date.startsWith("2026") ? monthDay : `${monthDay} ’${date.slice(2, 4)}`;
}

function unitSuffix(unit: string): string {
  return unit === "vol_pts" ? " vol pts" : "%";
}

function quotedConvention(claim: CitedClaim): SkewConvention {
  if (claim.convention === null || !isSkewConvention(claim.convention)) {
    throw new Error(`claim "${claim.id}" has no skew convention`);
  }
  return claim.convention;
}

/** Every dated skew reading in the ledger, one point per figure, re-expressed in `convention`. */
export function reportedSkewPoints(claims: readonly CitedClaim[], convention: SkewConvention): SkewPoint[] {
  const readings = claims.filter((claim) => SKEW_METRICS.has(claim.metric) && claim.value !== null && claim.asOf !== null);
  return groupSameFigure(readings).map((group) => {
    const [claim] = group;
    const from = quotedConvention(claim);
    const value = toConvention(claim.value ?? 0, from, convention);
    return {
      measure: SKEW_MEASURES[from],
      value,
      date: claimDate(claim),
      label: `${signedNumber(value)}${unitSuffix(claim.unit)}`,
      asQuoted: formatClaimValue(claim),
      source: sameFigureSources(group),
      reported: group
    };
  });
}

/** The fear threshold of the put-minus-call measure ("above 6%"), in `convention`; null when the ledger has none. */
export function skewFearLine(claims: readonly CitedClaim[], convention: SkewConvention): SkewPoint | null {
  const [group] = groupSameFigure(claims.filter((claim) => claim.metric === FEAR_LINE_METRIC));
  if (!group) return null;
  const [claim] = group;
  const threshold = claim.low ?? claim.value ?? claim.high;
  if (threshold === null) return null;
  const from = quotedConvention(claim);
  const value = toConvention(threshold, from, convention);
  return {
    measure: SKEW_MEASURES[from],
    value,
    date: claimDate(claim),
    label: `fear line ${signedNumber(value)}%`,
    asQuoted: formatClaimValue(claim),
    source: sameFigureSources(group),
    reported: group
  };
}

/** Computed RR25 rows, one row of the chart per tenor, re-expressed in `convention`. */
export function marketSkewPoints(rows: readonly Rr25Row[], convention: SkewConvention, sourceName: string): SkewPoint[] {
  return rows.map((row) => {
    const value = toConvention(row.rr25, "rr25", convention);
    return {
      measure: `Computed 25-delta RR, ${row.tenor_days}-day`,
      value,
      date: row.date,
      label: signedNumber(Math.round(value * 10) / 10),
      asQuoted: `${signedNumber(Math.round(row.rr25 * 100) / 100)} vol pts (rr25)`,
      source: sourceName,
      reported: null
    };
  });
}

/** A symmetric domain around zero, so switching convention mirrors the chart. */
export function symmetricDomain(values: readonly number[]): [number, number] {
  const extent = Math.max(5, ...values.map(Math.abs));
  const edge = Math.ceil((extent * 1.2) / 5) * 5;
  return [-edge, edge];
}

const axisLabels: Record<SkewConvention, string> = {
  rr25: "← fear · skew, call minus put (vol pts / %)",
  put_minus_call: "skew, put minus call (% / vol pts) · fear →"
};

const tipChannels = {
  measure: (d: SkewPoint) => d.measure,
  reading: (d: SkewPoint) => d.label,
  date: (d: SkewPoint) => d.date,
  "as quoted": (d: SkewPoint) => d.asQuoted,
  source: (d: SkewPoint) => d.source
};

/**
 * Every reported options-skew reading on one sign convention: the Deribit / Block Scholes
 * 25-delta risk reversal and the put-minus-call skew on their own rows, with the fear line
 * of the put-minus-call measure. Computed RR25 per tenor is added when captured.
 */
export function skewReadings(claims: readonly CitedClaim[], { width, convention, market }: SkewReadingsOptions): HTMLElement {
  const reported = reportedSkewPoints(claims, convention);
  const fearLine = skewFearLine(claims, convention);
  const computed = market && market.rows.length > 0 ? marketSkewPoints(market.rows, convention, "Deribit option trades (computed)") : [];
  const measures = [...new Set([...reported.map((d) => d.measure), ...computed.map((d) => d.measure)])];
  const narrow = width < 480;
  const chart = Plot.plot({
    width,
    height: 60 + measures.length * 84,
    marginLeft: 12,
    marginRight: 12,
    marginTop: 8,
    x: {
      domain: symmetricDomain([...reported, ...computed, ...(fearLine ? [fearLine] : [])].map((d) => d.value)),
      ticks: narrow ? 5 : 10,
      grid: true,
      label: axisLabels[convention],
      labelAnchor: "center",
      labelArrow: "none",
      tickFormat: signedNumber
    },
    y: { type: "band", domain: measures, axis: null, paddingInner: 0, paddingOuter: 0 },
    marks: [
      Plot.ruleX([0], { stroke: "currentColor", strokeOpacity: 0.6 }),
      Plot.text(measures, { y: (d: string) => d, text: (d: string) => d, frameAnchor: "left", dy: -30, fontWeight: "bold" }),
      ...(fearLine
        ? [
            Plot.ruleX([fearLine], { x: "value", y1: "measure", y2: "measure", strokeDasharray: "4,3", stroke: "var(--theme-foreground-muted)" }),
            Plot.text([fearLine], {
              x: "value",
              y: "measure",
              text: "label",
              dy: 28,
              dx: fearLine.value > 0 ? -4 : 4,
              textAnchor: fearLine.value > 0 ? "end" : "start",
              fill: "var(--theme-foreground-muted)",
              className: "skew-fear-line"
            })
          ]
        : []),
      Plot.dot(computed, { x: "value", y: "measure", r: 2.5, fill: "var(--theme-foreground-muted)", fillOpacity: 0.7 }),
      Plot.dot(reported, { x: "value", y: "measure", r: 6, fill: "currentColor" }),
      Plot.text(reported, { x: "value", y: "measure", text: "label", dy: -14, className: "skew-value" }),
      Plot.text(reported, { x: "value", y: "measure", text: (d: SkewPoint) => shortUtcDate(d.date), dy: 15, fill: "var(--theme-foreground-muted)" }),
      Plot.tip(
        [...reported, ...computed],
        Plot.pointer({ x: "value", y: "measure", channels: tipChannels, format: { x: false, y: false } })
      )
    ]
  });
  const drawn = [...reported, ...(fearLine ? [fearLine] : [])].flatMap((d) => d.reported ?? []);
  const figure = chartFigure(chart, drawn, {
    title: "BTC options skew readings, one sign convention",
    filename: "btc-options-skew-readings",
    market: market && market.rows.length > 0 ? market : undefined
  });
  figure.classList.add("skew-readings");
  figure.dataset.convention = convention;
  return figure;
}
