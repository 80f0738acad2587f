import * as Plot from "@observablehq/plot";
import { formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import type { PriceRow } from "../lib/snapshot/rows.js";
import { chartFigure, claimTipChannels, type MarketDataset } from "./chartFigure.js";

export interface PriceLevels {
  /** Price bands with low and high: the absorption cluster, the put open-interest strikes. */
  bands: CitedClaim[];
  /** Single price levels drawn as lines: $70K, resistance, targets, the SMA. */
  lines: CitedClaim[];
  /** Reported moves with a start and end price but one date, drawn as a vertical span at that date. */
  spans?: CitedClaim[];
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

/** A run number per row that changes after every missing hour, so the line breaks at gaps instead of bridging them. */
export function hourlyRuns(rows: readonly PriceRow[]): number[] {
  let run = 0;
  return rows.map((row, i) => (i > 0 && Date.parse(row.time) - Date.parse(rows[i - 1]!.time) > hourMs ? ++run : run));
}

/**
 * Where a reported price sits on the time axis. A figure with a time of day sits at
 * that time; an open at the start and a close at the end of its UTC day; any other
 * date-only figure at midday, since the articles do not say when in the day it was.
 */
export function waypointTime(claim: CitedClaim): Date {
  if (!claim.asOf) throw new Error(`claim "${claim.id}" has no date to place on the price path`);
  if (claim.asOf.length > 10) return new Date(claim.asOf);
  const dayStart = Date.parse(`${claim.asOf}T00:00:00Z`);
  const offset = claim.metric === "open" ? 0 : claim.metric === "close" ? dayMs : dayMs / 2;
  return new Date(dayStart + offset);
}

const waypointMetrics = new Set(["open", "close", "low", "high", "price"]);

/** Reported BTC prices with a value (not a bound) dated within [from, to]. */
export function priceWaypointClaims(claims: readonly CitedClaim[], from: string, to: string): CitedClaim[] {
  return claims.filter(
    (claim) =>
      claim.asset === "BTC" &&
      claim.topic === "price" &&
      waypointMetrics.has(claim.metric) &&
      claim.value !== null &&
      claim.asOf !== null &&
      claim.asOf.slice(0, 10) >= from &&
      claim.asOf.slice(0, 10) <= to
  );
}

const bandLabel = (claim: CitedClaim) =>
  claim.metric === "absorption_cluster" ? "On-chain absorption cluster" : claim.expiry ? `Put open interest, ${claim.expiry} expiry` : claim.metric;

const lineLabel = (claim: CitedClaim) => `${claim.metric.replaceAll("_", " ")} ${formatClaimValue(claim)}`;

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
  // A span the source gives no date for cannot sit on a time axis.
  const inDomain = (claim: CitedClaim) => {
    if (claim.asOf === null) return false;
    const time = waypointTime(claim).getTime();
    return time >= domain[0]!.getTime() && time <= domain[1]!.getTime();
  };
  const spans = (levels.spans ?? []).filter(inDomain);
  const narrow = width < 600;
  // Up to two weeks: one tick per day; longer: let Plot choose.
  const shortRange = domain[1]!.getTime() - domain[0]!.getTime() <= 14 * dayMs;
  const chart = Plot.plot({
    width,
    height: narrow ? 360 : 420,
    marginLeft: 64,
    marginRight: narrow ? 8 : 150,
    x: shortRange
      ? { type: "utc", domain, label: "Date (UTC)", ticks: "day", tickFormat: "%b %-d" }
      : { type: "utc", domain, label: "Date (UTC)", ticks: narrow ? 4 : 8 },
    y: { label: "BTC price (USD)", grid: true, tickFormat: "$,.0f" },
    color: { legend: true, domain: ["absorption cluster", "put open-interest strikes"], range: ["#4269d0", "#ff725c"] },
    marks: [
      Plot.rectY(levels.bands, {
        x1: domain[0],
        x2: domain[1],
        y1: "low",
        y2: "high",
        fill: (claim: CitedClaim) => (claim.metric === "absorption_cluster" ? "absorption cluster" : "put open-interest strikes"),
        fillOpacity: 0.15,
        tip: { channels: { band: bandLabel, ...claimTipChannels }, format: { fill: false, y1: false, y2: false, x1: false, x2: false } }
      }),
      Plot.ruleY(levels.lines, { y: "value", stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3" }),
      narrow
        ? Plot.text(levels.lines, { x: domain[0], y: "value", text: lineLabel, textAnchor: "start", dx: 2, dy: -6, fill: "var(--theme-foreground-muted)" })
        : Plot.text(levels.lines, { x: domain[1], y: "value", text: lineLabel, textAnchor: "start", dx: 4, fill: "var(--theme-foreground-muted)" }),
      Plot.ruleX(spans, {
        x: waypointTime,
        y1: "low",
        y2: "high",
        stroke: "currentColor",
        strokeWidth: 2,
        tip: { channels: { move: (claim: CitedClaim) => claim.metric.replaceAll("_", " "), ...claimTipChannels }, format: { x: false, y1: false, y2: false } }
      }),
      Plot.lineY(marketRows, { x: (row: PriceRow) => new Date(row.time), y: "close", z: hourlyRuns(marketRows), stroke: "var(--theme-foreground-muted)", strokeWidth: 1.2, className: "market-line" }),
      Plot.dot(waypoints, { x: waypointTime, y: "value", r: 4.5, fill: "currentColor", stroke: "var(--theme-background)" }),
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
  const drawn = [...waypoints, ...levels.bands, ...levels.lines, ...spans];
  return chartFigure(chart, drawn, { title: options.title, filename: options.filename, market: market && { ...market, rows: marketRows } });
}
