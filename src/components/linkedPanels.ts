import * as Plot from "./plot/index.js";
import { asOfInterval, claimDate, formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { MS_PER_DAY, MS_PER_HOUR, utcDay } from "../lib/metrics/time.js";
import type { FundingDay, PublicVolatility, VolatilityHour } from "../lib/public/volatility.js";
import { chartFigure, claimTipChannels } from "./chartFigure.js";
import { waypointTime } from "./pricePath.js";
import { groupSameFigure, type SameFigure } from "./sameFigure.js";
import { utcDayStart } from "./utcDays.js";

export interface LinkedPanelsOptions {
  width: number;
  /** First and last UTC day shown, YYYY-MM-DD. */
  from: string;
  to: string;
  title: string;
  filename: string;
  /** Reported BTC prices the page chooses to mark on the price panel. */
  prices?: readonly CitedClaim[];
}

const IMPLIED = "DVOL (implied, 30-day)";
const REALIZED = "Realized, trailing 7 days";
const IMPLIED_COLOR = "#a463f2";
const REALIZED_COLOR = "#3ca951";
const POSITIVE = "#4269d0";
const NEGATIVE = "#ff725c";

/** Ledger rows that state a level of volatility (not a skew) on a day or at an hour, for the volatility panel. */
export function volatilityClaims(claims: readonly CitedClaim[]): CitedClaim[] {
  return claims.filter((claim) => {
    const interval = asOfInterval(claim.asOf);
    const placed = interval !== null && interval.to.getTime() - interval.from.getTime() <= MS_PER_DAY;
    return claim.unit === "vol_pts" && /volatility|dvol/.test(claim.metric) && claim.value !== null && placed;
  });
}

/** A reported funding regime: the span its source dates it to and the side of zero it sat on. */
export interface FundingBound {
  group: SameFigure;
  /** Start of the span the source gives (a day or a week), UTC. */
  dayStart: Date;
  dayEnd: Date;
  /** The span as the source dates it: "2026-02-05", "2026-W06 (Feb 2 to Feb 8)". */
  when: string;
  /** The bound the source printed: below `upper` and/or above `lower`, in % (same sign as an APR). */
  upper: number | null;
  lower: number | null;
}

/** Reported funding-rate figures as one-sided bounds over the day or week they describe; undated ones are left out. */
export function fundingBounds(claims: readonly CitedClaim[]): FundingBound[] {
  return groupSameFigure(claims.filter((claim) => claim.metric === "funding_rate")).flatMap((group) => {
    const [claim] = group;
    const interval = asOfInterval(claim.asOf);
    if (interval === null) return [];
    const dayStart = utcDayStart(interval.from.toISOString());
    // An instant shades its whole UTC day; a day, week or month shades itself.
    const dayEnd = interval.to > interval.from ? interval.to : new Date(dayStart.getTime() + MS_PER_DAY);
    return [{ group, dayStart, dayEnd, when: claimDate(claim), upper: claim.high ?? claim.value, lower: claim.low ?? claim.value }];
  });
}

/** "below 0%", "above 0%" or "at 0.01%": what a bound says, in words. */
export function boundLabel(bound: Pick<FundingBound, "upper" | "lower">): string {
  if (bound.upper !== null && bound.lower !== null && bound.upper === bound.lower) return `at ${bound.upper}%`;
  if (bound.upper !== null && bound.lower !== null) return `between ${bound.lower}% and ${bound.upper}%`;
  if (bound.upper !== null) return `below ${bound.upper}%`;
  if (bound.lower !== null) return `above ${bound.lower}%`;
  throw new Error("a funding bound needs a value or a side");
}

const hourTime = (row: VolatilityHour) => new Date(row.time);
const dayStart = (row: FundingDay) => utcDayStart(row.date);
const dayEnd = (row: FundingDay) => new Date(utcDayStart(row.date).getTime() + MS_PER_DAY);
const signed = (value: number, digits: number) => `${value > 0 ? "+" : value < 0 ? "−" : ""}${Math.abs(value).toFixed(digits)}`;
const usd = (value: number) => `$${Math.round(value).toLocaleString("en-US")}`;
const hourLabel = (ms: number) => {
  const date = new Date(ms);
  return `${date.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" })}, ${date.toISOString().slice(11, 16)} UTC`;
};

interface Panel {
  svg: SVGSVGElement;
  x: Plot.Scale;
  rule: SVGLineElement;
  label: SVGTextElement;
  idle: string;
  /** What the panel says about the hour under the pointer. */
  readout: (ms: number) => string;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** A vertical rule and a one-line readout in the top margin, both moved by the shared pointer. */
function addHoverLayer(svg: SVGSVGElement, idle: string, margin: { top: number; bottom: number }, height: number): Pick<Panel, "rule" | "label"> {
  const layer = document.createElementNS(SVG_NS, "g");
  layer.setAttribute("class", "linked-hover");
  const rule = document.createElementNS(SVG_NS, "line");
  rule.setAttribute("class", "linked-rule");
  rule.setAttribute("y1", String(margin.top));
  rule.setAttribute("y2", String(height - margin.bottom));
  rule.setAttribute("stroke", "currentColor");
  rule.setAttribute("stroke-opacity", "0.6");
  rule.setAttribute("visibility", "hidden");
  const label = document.createElementNS(SVG_NS, "text");
  label.setAttribute("class", "linked-readout");
  label.setAttribute("x", "0");
  label.setAttribute("y", String(margin.top - 8));
  label.setAttribute("text-anchor", "start");
  label.setAttribute("fill", "currentColor");
  label.textContent = idle;
  layer.append(rule, label);
  svg.append(layer);
  return { rule, label };
}

/**
 * BTC price, implied against realized volatility, and funding APR on one UTC time axis.
 * Moving the pointer over any panel moves a rule to the same hour in all three and reads
 * each panel's values there. Missing hours and days stay gaps.
 */
export function linkedPanels(volatility: PublicVolatility, claims: readonly CitedClaim[], options: LinkedPanelsOptions): HTMLElement {
  const { width, from, to } = options;
  const domain: [Date, Date] = [utcDayStart(from), new Date(utcDayStart(to).getTime() + MS_PER_DAY)];
  const inDomain = (time: Date) => time >= domain[0] && time < domain[1];
  const hourly = volatility.hourly.filter((row) => inDomain(hourTime(row)));
  const funding = volatility.funding.filter((row) => inDomain(dayStart(row)));
  const priceClaims = (options.prices ?? []).filter((claim) => claim.value !== null && asOfInterval(claim.asOf) !== null && inDomain(waypointTime(claim)));
  const volClaims = volatilityClaims(claims).filter((claim) => inDomain(waypointTime(claim)));
  const bounds = fundingBounds(claims).filter((bound) => inDomain(bound.dayStart));
  const narrow = width < 600;
  const margin = { top: 26, bottom: 28, left: 64, right: narrow ? 12 : 24 };
  const x = { type: "utc" as const, domain, label: null, ticks: narrow ? 4 : 8 };
  const fundingEnd = volatility.funding.at(-1)?.date;
  const plotWidth = width - margin.left - margin.right;
  /** Whether a label of about 150 px fits between this time and the right edge. */
  const hasRoomRight = (time: Date) => ((domain[1].getTime() - time.getTime()) / (domain[1].getTime() - domain[0].getTime())) * plotWidth > 150;

  // Every panel shares the width, margins and time axis, so one x means the same instant in all three.
  const frame = { width, marginTop: margin.top, marginBottom: margin.bottom, marginLeft: margin.left, marginRight: margin.right };

  const price = Plot.plot({
    ...frame,
    height: narrow ? 190 : 220,
    x,
    y: { label: null, grid: true, tickFormat: "$,.0f", ticks: 5 },
    marks: [
      Plot.lineY(hourly, { x: hourTime, y: "close", stroke: "currentColor", strokeWidth: 1.2, className: "price-line" }),
      Plot.dot(priceClaims, { x: waypointTime, y: "value", r: 4.5, fill: "currentColor", stroke: "var(--theme-background)", className: "reported-price" }),
      ...[true, false].map((roomRight) =>
        Plot.text(
          priceClaims.filter((claim) => hasRoomRight(waypointTime(claim)) === roomRight),
          {
            x: waypointTime,
            y: "value",
            text: (claim: CitedClaim) => `${narrow ? "" : "reported "}${claim.metric} ${formatClaimValue(claim)}`,
            dx: roomRight ? 8 : -8,
            textAnchor: roomRight ? "start" : "end",
            fill: "var(--theme-foreground-muted)",
            stroke: "var(--theme-background)",
            paintOrder: "stroke"
          }
        )
      ),
      Plot.tip(priceClaims, Plot.pointer({ x: waypointTime, y: "value", channels: { reading: "metric", ...claimTipChannels }, format: { x: false, y: false } }))
    ]
  });

  const vol = Plot.plot({
    ...frame,
    height: narrow ? 170 : 200,
    x,
    y: { label: null, grid: true, ticks: 5, tickFormat: (v: number) => `${v}` },
    marks: [
      Plot.lineY(hourly, { x: hourTime, y: "dvol", stroke: IMPLIED_COLOR, strokeWidth: 1.5, className: "dvol-line" }),
      Plot.lineY(hourly, { x: hourTime, y: "realized_7d", stroke: REALIZED_COLOR, strokeWidth: 1.5, className: "realized-line" }),
      Plot.dot(volClaims, { x: waypointTime, y: "value", r: 4.5, fill: "currentColor", stroke: "var(--theme-background)", className: "reported-volatility" }),
      Plot.tip(volClaims, Plot.pointer({ x: waypointTime, y: "value", channels: { reading: "metric", ...claimTipChannels }, format: { x: false, y: false } }))
    ]
  });

  const aprs = funding.map((row) => row.apr_pct);
  const fundingDomain: [number, number] = aprs.length > 0 ? [Math.min(0, ...aprs), Math.max(0, ...aprs)] : [-1, 1];
  const bandMiddle = (bound: FundingBound) => new Date((bound.dayStart.getTime() + bound.dayEnd.getTime()) / 2);
  const boundY = (bound: FundingBound) => (bound.upper !== null && bound.lower === null ? fundingDomain[0] * 0.75 : fundingDomain[1] * 0.75);
  const fundingPanel = Plot.plot({
    ...frame,
    height: narrow ? 150 : 170,
    x: { ...x, label: "Date (UTC)", labelAnchor: "right", labelOffset: 26 },
    y: { label: null, domain: fundingDomain, nice: true, grid: true, ticks: 4, tickFormat: (v: number) => `${v}%` },
    marks: [
      // The ledger's funding reading is a sign, not a level: shade the side of zero it gives, over the day or week its source gives.
      Plot.rect(bounds, {
        x1: "dayStart",
        x2: "dayEnd",
        y1: (bound: FundingBound) => bound.upper ?? fundingDomain[1],
        y2: (bound: FundingBound) => bound.lower ?? fundingDomain[0],
        fill: NEGATIVE,
        fillOpacity: 0.15,
        stroke: NEGATIVE,
        strokeDasharray: "3,2",
        className: "reported-funding-sign"
      }),
      Plot.rectY(funding, {
        x1: dayStart,
        x2: dayEnd,
        y: "apr_pct",
        // At phone width a day is under 2 px: no gap between bars, or they fade to hairlines.
        inset: narrow ? 0 : 0.5,
        fill: (row: FundingDay) => (row.apr_pct < 0 ? NEGATIVE : POSITIVE),
        className: "funding-bars"
      }),
      Plot.ruleY([0], { stroke: "currentColor" }),
      Plot.text(bounds, {
        x: "dayStart",
        y: boundY,
        text: (bound: FundingBound) => `reported ${boundLabel(bound)}${narrow ? "" : `, ${bound.when}`}`,
        textAnchor: "end",
        dx: -4,
        fill: "currentColor",
        stroke: "var(--theme-background)",
        paintOrder: "stroke"
      }),
      Plot.tip(
        bounds,
        Plot.pointer({
          x: bandMiddle,
          y: boundY,
          channels: {
            figure: (bound: FundingBound) => formatClaimValue(bound.group[0]!),
            date: (bound: FundingBound) => claimTipChannels.date(bound.group[0]!),
            source: (bound: FundingBound) => claimTipChannels.source(bound.group[0]!)
          },
          format: { x: false, y: false }
        })
      )
    ]
  });

  const fundingEndsEarly = fundingEnd !== undefined && utcDayStart(fundingEnd).getTime() + MS_PER_DAY < domain[1].getTime();
  const byHour = new Map(hourly.map((row) => [Date.parse(row.time), row]));
  const byDay = new Map(funding.map((row) => [row.date, row]));
  const valueOr = (value: number | null | undefined, format: (value: number) => string) => (value == null ? "no data" : format(value));
  const specs: [ReturnType<typeof Plot.plot>, string, (ms: number) => string][] = [
    [price, narrow ? "BTC-USD, hourly close" : "BTC-USD, hourly close (USD)", (ms) => `${hourLabel(ms)} · ${valueOr(byHour.get(ms)?.close, usd)}`],
    [
      vol,
      narrow ? "Volatility, vol points" : "Volatility, annualized vol points: implied (DVOL) and realized (trailing 7 days)",
      (ms) => {
        const row = byHour.get(ms);
        const [dvol, realized] = [row?.dvol, row?.realized_7d].map((value) => valueOr(value, (v) => v.toFixed(1)));
        return `DVOL ${dvol} · realized ${realized} · spread ${valueOr(row?.spread, (v) => signed(v, 1))}`;
      }
    ],
    [
      fundingPanel,
      `${narrow ? "Funding, APR %" : "Perpetual funding, APR % (daily mean of 8-hour rates × 3 × 365)"}${fundingEndsEarly ? `; rows end ${fundingEnd}` : ""}`,
      (ms) => {
        const date = utcDay(ms);
        const row = byDay.get(date);
        return `${date} · funding ${valueOr(row?.apr_pct, (v) => `${signed(v, 1)}% APR`)}`;
      }
    ]
  ];
  // Without legend, title or caption options, Plot.plot returns the SVG itself.
  const panels: Panel[] = specs.map(([plot, idle, readout]) => ({
    svg: plot as unknown as SVGSVGElement,
    x: plot.scale("x")!,
    idle,
    readout,
    ...addHoverLayer(plot as unknown as SVGSVGElement, idle, margin, Number(plot.getAttribute("height")))
  }));

  const show = (ms: number) => {
    for (const panel of panels) {
      const position = String(panel.x.apply(new Date(ms)));
      panel.rule.setAttribute("x1", position);
      panel.rule.setAttribute("x2", position);
      panel.rule.setAttribute("visibility", "visible");
      panel.label.textContent = panel.readout(ms);
    }
  };
  const hide = () => {
    for (const panel of panels) {
      panel.rule.setAttribute("visibility", "hidden");
      panel.label.textContent = panel.idle;
    }
  };
  for (const panel of panels) {
    panel.svg.addEventListener("pointermove", (event) => {
      const box = panel.svg.getBoundingClientRect();
      const px = ((event.clientX - box.left) * width) / box.width;
      if (px < margin.left || px > width - margin.right) return hide();
      const time = (panel.x.invert!(px) as Date).getTime();
      const hour = Math.min(Math.max(Math.round(time / MS_PER_HOUR) * MS_PER_HOUR, domain[0].getTime()), domain[1].getTime() - MS_PER_HOUR);
      show(hour);
    });
    panel.svg.addEventListener("pointerleave", hide);
  }

  const legend = Plot.legend({ color: { domain: [IMPLIED, REALIZED, "Funding ≥ 0", "Funding < 0 (shorts pay longs)"], range: [IMPLIED_COLOR, REALIZED_COLOR, POSITIVE, NEGATIVE] } });
  const stack = document.createElement("div");
  stack.className = "linked-panels";
  stack.append(legend, price, vol, fundingPanel);
  const figure = chartFigure(stack, [...priceClaims, ...volClaims, ...bounds.flatMap((bound) => bound.group)], {
    title: options.title,
    filename: options.filename,
    public: [
      { dataset: "hourly", rows: hourly, sources: [volatility.sources.price, volatility.sources.dvol] },
      { dataset: "funding", rows: funding, sources: [volatility.sources.funding] }
    ]
  });
  figure.dataset.chart = "linked-panels";
  return figure;
}
