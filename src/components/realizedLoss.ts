import * as Plot from "./plot/index.js";
import { formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { chartFigure, claimTipChannels } from "./chartFigure.js";
import { boundKind, horizontalBoundSymbol, plottedValue, toUsdBn } from "./reportedBound.js";

export interface RealizedLossOptions {
  width: number;
}

/** A realized-loss figure and the words that say which moment and which holders it covers. */
export interface RealizedLossReading {
  label: string;
  claim: CitedClaim;
}

const usdBn = (d: RealizedLossReading) => toUsdBn(plottedValue(d.claim), d.claim.unit);

/**
 * Realized losses per day as reported, one bar per reading in the order given, on one USD axis:
 * each is a level of the same measure, taken at a different moment. A "more than" figure ends
 * in an arrowhead.
 */
export function realizedLoss(readings: readonly RealizedLossReading[], { width }: RealizedLossOptions): HTMLElement {
  const narrow = width < 560;
  const chart = Plot.plot({
    width,
    height: 70 * readings.length + 50,
    marginLeft: narrow ? 150 : 170,
    marginRight: 64,
    x: { label: "Realized loss (USD billions a day)", grid: true, ticks: narrow ? 3 : 6, tickFormat: (v: number) => `$${v}B` },
    y: { label: null, domain: readings.map((d) => d.label), tickSize: 0 },
    marks: [
      Plot.barX(readings, {
        x: usdBn,
        y: "label",
        fill: "var(--theme-red)",
        fillOpacity: 0.75,
        insetTop: 10,
        insetBottom: 10,
        className: "realized-loss",
        channels: {
          figure: { label: "figure", value: (d: RealizedLossReading) => claimTipChannels.figure(d.claim) },
          date: { label: "date", value: (d: RealizedLossReading) => claimTipChannels.date(d.claim) },
          source: { label: "source", value: (d: RealizedLossReading) => claimTipChannels.source(d.claim) }
        },
        tip: { format: { x: false, y: false } }
      }),
      Plot.dot(
        readings.filter((d) => boundKind(d.claim) !== "value"),
        {
          x: usdBn,
          y: "label",
          symbol: (d: RealizedLossReading) => horizontalBoundSymbol(d.claim).symbol,
          rotate: (d: RealizedLossReading) => horizontalBoundSymbol(d.claim).rotate,
          r: 6,
          fill: "currentColor"
        }
      ),
      Plot.text(readings, { x: usdBn, y: "label", text: (d: RealizedLossReading) => formatClaimValue(d.claim), textAnchor: "start", dx: 12, fill: "currentColor" }),
      Plot.ruleX([0])
    ]
  });
  const figure = chartFigure(
    chart,
    readings.map((d) => d.claim),
    { title: "Realized losses per day, as reported at two moments", filename: "btc-realized-loss" }
  );
  figure.dataset.chart = "realized-loss";
  return figure;
}
