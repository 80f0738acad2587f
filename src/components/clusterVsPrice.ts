import * as Plot from "./plot/index.js";
import { claimDate, formatClaimValue, formatInUnit } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { chartFigure, claimAttribution, claimTipChannels, type MarketDataset } from "./chartFigure.js";
import { plottedValue, shortUtcDate, verticalBoundSymbol } from "./reportedBound.js";

/** Rows of the "price" dataset: hourly BTC-USD candles (Coinbase when captured, else the public extract). */
export interface PriceRow {
  time: string;
  close: number;
}

/** Rows of the captured "volume-profile" dataset; its band is in meta.summary. */
export interface VolumeProfileRow {
  price_low: number;
  price_high: number;
  volume: number;
  in_band: boolean;
}

export interface VolumeBand {
  price_low: number;
  price_high: number;
}

export type VolumeProfileDataset = MarketDataset<VolumeProfileRow> & {
  meta: (NonNullable<MarketDataset["meta"]> & { summary?: { band?: VolumeBand | null } }) | null;
};

export interface ClusterVsPriceOptions {
  width: number;
  /** The reported price readings to set against the band, each on its UTC day (dated readings only). */
  readings: readonly CitedClaim[];
  /** Hourly BTC-USD candles, drawn as a line over the same days when captured. */
  price?: MarketDataset<PriceRow>;
  /** Volume by price; its highest-volume band is drawn as a proxy for the cluster when captured. */
  volumeProfile?: VolumeProfileDataset;
}

/** Reading types, in the order the legend lists them, with colours that stay clear of the band's yellow. */
const READING_COLORS: Record<string, string> = { open: "#4269d0", low: "#ff725c", high: "#3ca951", price: "#6cc5b0", close: "#a463f2" };

/** The UTC calendar day of an as_of date or date-time with zone. */
export function utcDay(asOf: string): string {
  return asOf.length === 10 ? asOf : new Date(asOf).toISOString().slice(0, 10);
}

/** The UTC days the readings fall on, in order: the chart's columns. */
export function readingDays(readings: readonly CitedClaim[]): string[] {
  return [...new Set(readings.flatMap((c) => (c.asOf === null ? [] : [utcDay(c.asOf)])))].sort();
}

/** Whether the source printed a time of day for the reading, not just its day. */
export const hasTime = (claim: Pick<CitedClaim, "asOf">) => (claim.asOf?.length ?? 0) > 10;

/**
 * Where a reading sits on the day axis: at its time when one is printed, else across its whole
 * UTC day (x1 to x2), since the source does not say when in the day it was taken.
 */
export function readingSpan(claim: CitedClaim, days: readonly string[]): { x1: number; x2: number } {
  if (hasTime(claim)) {
    const x = marketPosition(new Date(claim.asOf as string).toISOString(), days);
    return { x1: x, x2: x };
  }
  const column = days.indexOf(utcDay(claim.asOf ?? ""));
  return { x1: column - 0.5, x2: column + 0.5 };
}

/** An hourly market row on the same axis: day index, shifted by the fraction of the UTC day elapsed. */
export function marketPosition(time: string, days: readonly string[]): number {
  const ms = Date.parse(time);
  const day = new Date(ms).toISOString().slice(0, 10);
  return days.indexOf(day) - 0.5 + (ms - Date.parse(`${day}T00:00:00Z`)) / 86_400_000;
}


/**
 * A reported price band (Glassnode's absorption cluster) as a level against the BTC price
 * readings given: points only, grouped by UTC day, never joined into a path. When available, the
 * hourly closes and the highest-volume price band (a stated proxy) are drawn too.
 */
export function clusterVsPrice(cluster: CitedClaim, { width, readings, price, volumeProfile }: ClusterVsPriceOptions): HTMLElement {
  if (cluster.low === null || cluster.high === null) throw new Error(`claim "${cluster.id}" should be a low–high band`);
  const days = readingDays(readings);
  const narrow = width < 560;
  const priceRows = (price?.rows ?? []).filter((row) => days.includes(row.time.slice(0, 10)));
  const band = volumeProfile && volumeProfile.rows.length > 0 ? (volumeProfile.meta?.summary?.band ?? null) : null;
  const low = cluster.low as number;
  const high = cluster.high as number;
  const undated = cluster.asOf === null;
  const bandTitle = `Absorption cluster: ${formatClaimValue(cluster)}\n${undated ? "no date printed" : claimDate(cluster)}\n${claimAttribution(cluster)}`;

  const timed = readings.filter(hasTime);
  const dayLong = readings.filter((c) => !hasTime(c));
  const span = (c: CitedClaim) => readingSpan(c, days);
  const types = Object.keys(READING_COLORS).filter((type) => readings.some((c) => c.metric === type));
  const tip = { format: { x: false, x1: false, x2: false, y: false, stroke: false, fill: false, rotate: false, symbol: false } };
  const chart = Plot.plot({
    width,
    height: narrow ? 380 : 420,
    marginLeft: 64,
    marginRight: narrow ? 60 : 72,
    x: {
      label: narrow ? "UTC day" : "UTC day (a reading with no time printed spans its day)",
      domain: [-0.5, days.length - 0.5],
      ticks: days.map((_, i) => i),
      tickFormat: (i: number) => shortUtcDate(days[i] ?? ""),
      tickSize: 0
    },
    y: { label: "BTC price (USD)", grid: true, nice: true, tickFormat: (v: number) => `$${(v / 1000).toLocaleString("en-US")}K` },
    color: { legend: true, domain: types, range: types.map((type) => READING_COLORS[type] as string) },
    marks: [
      Plot.rect([cluster], { y1: "low", y2: "high", fill: "var(--theme-yellow)", fillOpacity: 0.22, className: "absorption-cluster", title: () => bandTitle }),
      Plot.ruleY([low, high], { stroke: "var(--theme-yellow)", strokeWidth: 1.5, className: "absorption-cluster-bound" }),
      Plot.text([high], { y: (v: number) => v, frameAnchor: "right", textAnchor: "start", dx: 4, text: (v: number) => formatInUnit(v, cluster.unit), fill: "currentColor", className: "absorption-cluster-label" }),
      Plot.text([low], { y: (v: number) => v, frameAnchor: "right", textAnchor: "start", dx: 4, text: (v: number) => formatInUnit(v, cluster.unit), fill: "currentColor", className: "absorption-cluster-label" }),
      Plot.text([cluster], {
        y: (c: CitedClaim) => ((c.low as number) + (c.high as number)) / 2,
        frameAnchor: "left",
        textAnchor: "start",
        dx: 6,
        text: () => (narrow ? "absorption\ncluster" : `on-chain absorption cluster (${cluster.attributedTo ?? cluster.source.outlet}${undated ? ", no date printed" : ""})`),
        fill: "var(--theme-foreground-muted)",
        fontSize: 11
      }),
      ...(band
        ? [
            Plot.rect([band], { y1: "price_low", y2: "price_high", fill: "none", stroke: "currentColor", strokeDasharray: "4,3", className: "volume-band" }),
            Plot.text([band], { y: "price_low", frameAnchor: "left", textAnchor: "start", dx: 6, dy: 9, text: () => (narrow ? "volume band (proxy)" : "highest-volume band, exchange volume (proxy)"), fill: "currentColor", fontSize: 11 })
          ]
        : []),
      ...(priceRows.length > 0
        ? [Plot.line(priceRows, { x: (row: PriceRow) => marketPosition(row.time, days), y: "close", stroke: "currentColor", strokeOpacity: 0.45, strokeWidth: 1 })]
        : []),
      Plot.ruleX(days.slice(1).map((_, i) => i + 0.5), { stroke: "var(--theme-foreground-faintest)" }),
      Plot.ruleY(dayLong, {
        y: plottedValue,
        x1: (c: CitedClaim) => span(c).x1 + 0.04,
        x2: (c: CitedClaim) => span(c).x2 - 0.04,
        stroke: "metric",
        strokeWidth: 3,
        className: "price-reading-day",
        channels: { reading: "metric", ...claimTipChannels },
        tip
      }),
      Plot.text(dayLong, {
        y: plottedValue,
        x: (c: CitedClaim) => span(c).x2 - 0.04,
        text: (c: CitedClaim) => `${c.metric} ${formatClaimValue(c)}`,
        textAnchor: "end",
        dy: -8,
        fontSize: 10,
        fill: "currentColor"
      }),
      Plot.dot(timed, {
        x: (c: CitedClaim) => span(c).x1,
        y: plottedValue,
        fill: "metric",
        symbol: (c: CitedClaim) => verticalBoundSymbol(c).symbol,
        rotate: (c: CitedClaim) => verticalBoundSymbol(c).rotate,
        r: 5,
        stroke: "var(--theme-background)",
        className: "price-reading-timed",
        channels: { reading: "metric", ...claimTipChannels },
        tip
      }),
      Plot.text(timed, { x: (c: CitedClaim) => span(c).x1, y: plottedValue, text: (c: CitedClaim) => formatClaimValue(c), dy: -12, fontSize: 10, fill: "currentColor" })
    ]
  });

  const figure = chartFigure(chart, [cluster, ...readings], {
    title: `The absorption cluster against the reported BTC price, ${shortUtcDate(days[0] ?? "")}–${shortUtcDate(days.at(-1) ?? "")}`,
    filename: "btc-absorption-cluster-vs-price",
    market: [...(priceRows.length > 0 && price ? [price] : []), ...(band && volumeProfile ? [volumeProfile] : [])]
  });
  if (band) {
    figure.querySelector("figcaption")?.prepend("Dashed band: the highest-volume price band, an exchange-volume proxy for the on-chain cluster, not the same measure. ");
  }
  figure.dataset.chart = "cluster-vs-price";
  return figure;
}
