import * as Plot from "@observablehq/plot";
import { claimDate, formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { chartFigure, claimAttribution, claimTipChannels } from "./chartFigure.js";
import { shortUtcDate } from "./reportedBound.js";

export interface EtfFlowsOptions {
  width: number;
}

export interface EtfFlowClaims {
  /** One net flow per trading day. */
  daily: CitedClaim[];
  /** Net flow since the start of the month, as of a day. */
  monthToDate: CitedClaim[];
  /** A projected range for one day (the bearish case), drawn as a band, not a reading. */
  scenarios: CitedClaim[];
}

/** US spot BTC ETF net flows from the ledger, split by the window each figure covers. */
export function etfFlowClaims(claims: readonly CitedClaim[]): EtfFlowClaims {
  const flows = claims.filter((c) => c.metric === "etf_net_flow" && c.asset === "BTC");
  const byDate = (a: CitedClaim, b: CitedClaim) => (a.asOf ?? "").localeCompare(b.asOf ?? "");
  return {
    daily: flows.filter((c) => c.period === "1d" && c.kind === "reading" && c.value !== null).sort(byDate),
    monthToDate: flows.filter((c) => c.period === "month-to-date" && c.value !== null).sort(byDate),
    scenarios: flows.filter((c) => c.kind === "scenario" && c.low !== null && c.high !== null)
  };
}

const value = (c: CitedClaim) => c.value as number;
const dayLabel = (c: CitedClaim) => shortUtcDate(c.asOf ?? "");
const monthToDateLabel = (c: CitedClaim) => `Month to ${dayLabel(c)}`;
const scenarioTitle = (c: CitedClaim) => `Bear case, one day: ${formatClaimValue(c)}\n${claimDate(c)} (scenario)\n${claimAttribution(c)}`;

function panel(title: string, chart: Element): HTMLElement {
  const box = document.createElement("div");
  box.className = "etf-flows-panel";
  const heading = document.createElement("div");
  heading.textContent = title;
  heading.style.font = "600 13px/1.4 var(--sans-serif)";
  box.append(heading, chart);
  return box;
}

/**
 * Daily ETF net flows (bars by UTC day, with the bearish one-day scenario as a band) beside
 * the month-to-date figure in its own panel: the windows differ, so they never share an axis.
 */
export function etfFlows(claims: readonly CitedClaim[], { width }: EtfFlowsOptions): HTMLElement {
  const { daily, monthToDate, scenarios } = etfFlowClaims(claims);
  const sideBySide = width >= 560;
  const gap = 24;
  // A few pixels spare so the two panels never wrap from rounding.
  const dailyWidth = sideBySide ? Math.floor((width - gap - 4) * 0.64) : width;
  const monthWidth = sideBySide ? width - gap - 4 - dailyWidth : width;
  const lowest = Math.min(...daily.map(value), ...monthToDate.map(value), ...scenarios.map((c) => c.low as number));
  const y = { label: "Net flow (USD millions)", domain: [lowest * 1.1, 0], grid: true, tickFormat: (v: number) => `${v < 0 ? "−" : ""}$${Math.abs(v)}M` };
  const tip = { format: { x: false, y: false } };

  const scenarioLabel = (c: CitedClaim) => (scenarios.length > 1 ? `bear case ${dayLabel(c)}` : "bear case");
  const dailyChart = Plot.plot({
    width: dailyWidth,
    height: 300,
    marginLeft: 64,
    x: { label: "UTC trading day, then the scenario", domain: [...daily.map(dayLabel), ...scenarios.map(scenarioLabel)], padding: 0.25 },
    y,
    marks: [
      Plot.rect(scenarios, { y1: "low", y2: "high", fill: "var(--theme-foreground-faintest)", title: scenarioTitle }),
      Plot.barY(scenarios, {
        x: scenarioLabel,
        y1: "low",
        y2: "high",
        fill: "var(--theme-foreground-faint)",
        channels: { ...claimTipChannels, kind: () => "scenario, not a reading" },
        tip
      }),
      Plot.text(scenarios, { x: scenarioLabel, y: "low", text: formatClaimValue, dy: 10, lineAnchor: "top", fill: "currentColor", lineWidth: 6 }),
      Plot.barY(daily, { x: dayLabel, y: value, fill: "var(--theme-red)", channels: claimTipChannels, tip }),
      Plot.text(daily, { x: dayLabel, y: value, text: formatClaimValue, dy: 10, lineAnchor: "top", fill: "currentColor" }),
      Plot.ruleY([0])
    ]
  });
  const monthChart = Plot.plot({
    width: monthWidth,
    height: 300,
    marginLeft: 64,
    x: { label: "February, to the date shown (UTC)", domain: monthToDate.map(monthToDateLabel), padding: 0.35 },
    y,
    marks: [
      Plot.barY(monthToDate, {
        x: monthToDateLabel,
        y: value,
        fill: "none",
        stroke: "var(--theme-red)",
        strokeWidth: 2,
        strokeDasharray: "5,3",
        channels: claimTipChannels,
        tip
      }),
      Plot.text(monthToDate, { x: monthToDateLabel, y: value, text: formatClaimValue, dy: 10, lineAnchor: "top", fill: "currentColor" }),
      Plot.ruleY([0])
    ]
  });

  const panels = document.createElement("div");
  panels.style.display = "flex";
  panels.style.flexWrap = "wrap";
  panels.style.gap = `${gap}px`;
  panels.append(panel("Daily net flow", dailyChart), panel("Month to date: a different window", monthChart));
  const figure = chartFigure(panels, [...daily, ...monthToDate, ...scenarios], {
    title: "US spot Bitcoin ETF net flows",
    filename: "btc-etf-net-flows"
  });
  figure.dataset.chart = "etf-flows";
  return figure;
}
