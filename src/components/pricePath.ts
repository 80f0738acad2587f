import * as Plot from "./plot/index.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import type { PriceRow } from "../lib/snapshot/rows.js";
import { chartFigure, claimTipChannels, type MarketDataset } from "./chartFigure.js";

/** A reported price level and the words that name it on the chart. */
export interface LabelledLevel {
  claim: CitedClaim;
  label: string;
}

export interface PriceLevels {
  /** Price bands with low and high: the absorption cluster, the put open-interest strikes. */
  bands: CitedClaim[];
  /** Single price levels the articles name, drawn as lines: $70K, a target, a moving average. */
  lines: LabelledLevel[];
  /**
   * Levels from a report that prints no date (the follow-up after the rebound): drawn across
   * the whole axis in their own colour, never at a time.
   */
  undated?: LabelledLevel[];
}

export interface PricePathOptions {
  width: number;
  /** First and last UTC day shown, as ISO dates. */
  from: string;
  to: string;
  title: string;
  filename: string;
  market?: MarketDataset<PriceRow>;
}

const dayMs = 24 * 60 * 60 * 1000;
const hourMs = 60 * 60 * 1000;
const dayPattern = /^\d{4}-\d{2}-\d{2}(T|$)/;

/** A run number per row that changes after every missing hour, so the line breaks at gaps instead of bridging them. */
export function hourlyRuns(rows: readonly PriceRow[]): number[] {
  let run = 0;
  return rows.map((row, i) => (i > 0 && Date.parse(row.time) - Date.parse(rows[i - 1]!.time) > hourMs ? ++run : run));
}

/**
 * Where a reported price sits on the time axis. A figure with a time of day sits at
 * that time; an open at the start and a close at the end of its UTC day; any other
 * date-only figure at midday, since the articles do not say when in the day it was.
 * A figure with no day (undated, or dated only to a month or a week) has no place on it.
 */
export function waypointTime(claim: CitedClaim): Date {
  if (!claim.asOf || !dayPattern.test(claim.asOf)) throw new Error(`claim "${claim.id}" has no date to place on the price path`);
  if (claim.asOf.length > 10) return new Date(claim.asOf);
  const dayStart = Date.parse(`${claim.asOf}T00:00:00Z`);
  const offset = claim.metric === "open" ? 0 : claim.metric === "close" ? dayMs : dayMs / 2;
  return new Date(dayStart + offset);
}

const waypointMetrics = new Set(["open", "close", "low", "high", "price"]);

/** Reported BTC prices with a value (not a bound) dated to a day within [from, to]. */
export function priceWaypointClaims(claims: readonly CitedClaim[], from: string, to: string): CitedClaim[] {
  return claims.filter(
    (claim) =>
      claim.asset === "BTC" &&
      claim.topic === "price" &&
      waypointMetrics.has(claim.metric) &&
      claim.value !== null &&
      claim.asOf !== null &&
      dayPattern.test(claim.asOf) &&
      claim.asOf.slice(0, 10) >= from &&
      claim.asOf.slice(0, 10) <= to
  );
}

const bandLabel = (claim: CitedClaim) =>
  claim.metric === "absorption_cluster" ? "On-chain absorption cluster" : claim.expiry ? `Put open interest, ${claim.expiry} expiry` : claim.metric;

/**
 * Which side of its line each label goes: above, unless the next level up is so close
 * (within 2.5%) that the two labels would overlap, in which case below.
 */
export function labelsBelow(levels: readonly LabelledLevel[]): boolean[] {
  const values = levels.map((level) => level.claim.value ?? Number.NaN);
  return values.map((value) => values.some((other) => other > value && other / value - 1 < 0.025));
}

const bandKey = (claim: CitedClaim) => (claim.metric === "absorption_cluster" ? "absorption cluster" : "put open-interest strikes");
const undatedKey = "undated follow-up level";
const undatedColour = "#9c6b4e";

/**
 * Reported BTC price waypoints as points on a UTC time axis, with bands and levels, over the
 * market's hourly closes when a price series is present (gaps in it stay gaps).
 */
export function pricePath(waypoints: readonly CitedClaim[], levels: PriceLevels, options: PricePathOptions): HTMLElement {
  const { width, from, to, market } = options;
  const domain = [new Date(`${from}T00:00:00Z`), new Date(Date.parse(`${to}T00:00:00Z`) + dayMs)];
  const marketRows = (market?.rows ?? []).filter((row) => {
    const time = Date.parse(row.time);
    return time >= domain[0]!.getTime() && time <= domain[1]!.getTime();
  });
  const undated = levels.undated ?? [];
  const narrow = width < 600;
  // Up to two weeks: one tick per day; longer: let Plot choose.
  const shortRange = domain[1]!.getTime() - domain[0]!.getTime() <= 14 * dayMs;
  const levelMarks = (group: readonly LabelledLevel[], stroke: string, className: string) => {
    const below = labelsBelow(group);
    const labelled = group.map((level, i) => ({ ...level.claim, label: level.label, below: below[i] }));
    const text = (anchor: "top" | "bottom") =>
      Plot.text(
        labelled.filter((level) => level.below === (anchor === "top")),
        // On a phone the labels sit inside the plot, haloed so the price line does not hide them.
        narrow
          ? { x: domain[0], y: "value", text: "label", textAnchor: "start", lineAnchor: anchor, dx: 2, dy: anchor === "top" ? 3 : -3, fill: stroke, stroke: "var(--theme-background)", strokeWidth: 3, paintOrder: "stroke", className: `${className}-label` }
          : { x: domain[1], y: "value", text: "label", textAnchor: "start", lineAnchor: anchor, dx: 4, dy: anchor === "top" ? 1 : -1, fill: stroke, className: `${className}-label` }
      );
    return {
      rules: Plot.ruleY(labelled, {
        y: "value",
        stroke,
        strokeDasharray: "4,3",
        className,
        tip: { channels: { level: "label", ...claimTipChannels }, format: { y: false } }
      }),
      labels: [text("bottom"), text("top")]
    };
  };
  const namedLevels = levelMarks(levels.lines, "var(--theme-foreground-muted)", "price-level");
  const undatedLevels = levelMarks(undated, undatedColour, "undated-level");
  // The legend names only what is drawn.
  const legend = (
    [
      ["absorption cluster", "#4269d0", levels.bands.some((claim) => bandKey(claim) === "absorption cluster")],
      ["put open-interest strikes", "#ff725c", levels.bands.some((claim) => bandKey(claim) === "put open-interest strikes")],
      [undatedKey, undatedColour, undated.length > 0]
    ] as const
  ).filter(([, , drawn]) => drawn);
  const chart = Plot.plot({
    width,
    height: narrow ? 380 : 440,
    marginLeft: 64,
    marginRight: narrow ? 20 : 150,
    // On a phone the axis label would sit on the last tick; the page says dates are UTC.
    x: shortRange
      ? { type: "utc", domain, label: narrow ? null : "Date (UTC)", ticks: "day", tickFormat: "%b %-d" }
      : { type: "utc", domain, label: narrow ? null : "Date (UTC)", ticks: narrow ? 4 : 8 },
    y: { label: "BTC price (USD)", grid: true, tickFormat: "$,.0f" },
    color: { legend: true, domain: legend.map(([key]) => key), range: legend.map(([, colour]) => colour) },
    marks: [
      Plot.rectY(levels.bands, {
        x1: domain[0],
        x2: domain[1],
        y1: "low",
        y2: "high",
        fill: bandKey,
        fillOpacity: 0.15,
        tip: { channels: { band: bandLabel, ...claimTipChannels }, format: { fill: false, y1: false, y2: false, x1: false, x2: false } }
      }),
      namedLevels.rules,
      undatedLevels.rules,
      Plot.lineY(marketRows, { x: (row: PriceRow) => new Date(row.time), y: "close", z: hourlyRuns(marketRows), stroke: "var(--theme-foreground-muted)", strokeWidth: 1.2, className: "market-line" }),
      Plot.dot(waypoints, { x: waypointTime, y: "value", r: 4.5, fill: "currentColor", stroke: "var(--theme-background)", className: "reported-price" }),
      ...namedLevels.labels,
      ...undatedLevels.labels,
      Plot.tip(
        waypoints,
        Plot.pointer({
          x: waypointTime,
          y: "value",
          channels: { reading: (claim: CitedClaim) => claim.metric, ...claimTipChannels },
          format: { x: false, y: false }
        })
      )
    ]
  });
  const drawn = [...waypoints, ...levels.bands, ...levels.lines.map((level) => level.claim), ...undated.map((level) => level.claim)];
  const figure = chartFigure(chart, drawn, { title: options.title, filename: options.filename, market: market && { ...market, rows: marketRows } });
  figure.dataset.chart = "price-path";
  return figure;
}
