import * as Plot from "./plot/index.js";
import { asOfInterval } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import type { BasisRow } from "../lib/snapshot/rows.js";
import { chartFigure, type MarketDataset } from "./chartFigure.js";
import { groupSameFigure, groupWithMetric, sameFigureTipChannels, type SameFigure } from "./sameFigure.js";
import { dayTicks, paddedDayDomain, utcNoon } from "./utcDays.js";

export interface BasisVsNeutralOptions {
  width: number;
  /** Computed daily annualized basis (dataset "basis"), drawn when it has rows. */
  market?: MarketDataset<BasisRow>;
}

export interface BasisReadings {
  /** Reported annualized basis readings, one per figure. */
  readings: SameFigure[];
  /** The reported neutral range (low to high, % a year). */
  neutral: SameFigure;
}

const isOneDay = (asOf: string | null) => {
  const interval = asOfInterval(asOf);
  return interval !== null && interval.to.getTime() - interval.from.getTime() === 86_400_000;
};

/** The reported annualized basis figures dated to a day, and the neutral range they are judged against. */
export function basisReadings(claims: readonly CitedClaim[]): BasisReadings {
  const groups = groupSameFigure(claims.filter((claim) => claim.metric.startsWith("annualized_basis")));
  return {
    readings: groups.filter(([claim]) => claim.metric === "annualized_basis" && claim.value !== null && isOneDay(claim.asOf)),
    neutral: groupWithMetric(groups, "annualized_basis_neutral")
  };
}

const readingDate = (group: SameFigure) => utcNoon(group[0].asOf ?? "");
const readingValue = (group: SameFigure) => group[0].value;
const marketDate = (row: BasisRow) => utcNoon(row.date);

/** Reported annualized BTC futures basis against the reported 5%–10% neutral band, with computed daily basis when captured. */
export function basisVsNeutral(claims: readonly CitedClaim[], { width, market }: BasisVsNeutralOptions): HTMLElement {
  const { readings, neutral } = basisReadings(claims);
  const rows = market?.rows ?? [];
  const { low, high } = neutral[0];
  if (low === null || high === null) throw new Error(`neutral basis "${neutral[0].id}" needs a low and a high`);
  const values = [...readings.map(readingValue), ...rows.map((row) => row.basis_pct)].filter((v): v is number => v !== null);
  const narrow = width < 480;
  const xDomain = paddedDayDomain([...readings.map(readingDate), ...rows.map(marketDate)], 3);
  const chart = Plot.plot({
    width,
    height: 300,
    marginLeft: 44,
    marginRight: 28,
    x: { type: "utc", domain: xDomain, ticks: dayTicks(xDomain, narrow ? 4 : 8), tickFormat: "%b %-d", label: null },
    y: { domain: [Math.min(0, ...values), Math.max(high + 2, ...values)], nice: true, grid: true, label: "Annualized basis (% a year)" },
    marks: [
      Plot.rect([neutral], { y1: () => low, y2: () => high, fill: "var(--theme-foreground-focus)", fillOpacity: 0.15, className: "basis-neutral-band" }),
      Plot.text([neutral], {
        y: () => high,
        text: () => `neutral range ${low}–${high}% a year`,
        frameAnchor: "left",
        dx: 6,
        dy: 9,
        fill: "var(--theme-foreground-focus)"
      }),
      Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.5 }),
      ...(rows.length > 0
        ? [
            Plot.line(rows, { x: marketDate, y: "basis_pct", stroke: "var(--theme-foreground-muted)" }),
            Plot.tip(rows, Plot.pointerX({ x: marketDate, y: "basis_pct", channels: { instrument: "instrument", "days to expiry": "days_to_expiry" }, format: { y: ".2f" } }))
          ]
        : []),
      Plot.dot(readings, { x: readingDate, y: readingValue, r: 6, fill: "currentColor" }),
      Plot.text(readings, { x: readingDate, y: readingValue, text: (g: SameFigure) => `${g[0].value}% a year`, dy: -14, className: "basis-value" }),
      Plot.tip(readings, Plot.pointer({ x: readingDate, y: readingValue, channels: sameFigureTipChannels, format: { x: false, y: false } }))
    ]
  });
  return chartFigure(chart, [...readings.flat(), ...neutral], {
    title: "BTC futures basis against its neutral range",
    filename: "btc-annualized-basis",
    market: rows.length > 0 ? market : undefined
  });
}
