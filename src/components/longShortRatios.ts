import * as Plot from "@observablehq/plot";
import { claimById, formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { chartFigure, claimTipChannels } from "./chartFigure.js";

export interface LongShortRatiosOptions {
  width: number;
}

/** The reported BTC long/short ratios and what each one counts. */
export const LONG_SHORT_SCOPES = [
  { scope: "All exchanges", id: "btc-long-short-ratio-all-ambcrypto" },
  { scope: "Binance and OKX, accounts (average)", id: "btc-long-short-ratio-binance-okx-ambcrypto" }
] as const;

export interface LongShortReading {
  scope: string;
  claim: CitedClaim;
  value: number;
}

export function longShortReadings(claims: readonly CitedClaim[]): LongShortReading[] {
  return LONG_SHORT_SCOPES.map(({ scope, id }) => {
    const claim = claimById(claims, id);
    if (claim.value === null || claim.unit !== "ratio") throw new Error(`claim "${id}" should be a ratio with a value`);
    return { scope, claim, value: claim.value };
  });
}

/** Which side a ratio says is larger: above 1 more longs, below 1 more shorts. */
export function ratioSide(ratio: number): "longs" | "shorts" | "even" {
  return ratio > 1 ? "longs" : ratio < 1 ? "shorts" : "even";
}

/** The reported long/short ratios against parity (1 = as many longs as shorts). */
export function longShortRatios(claims: readonly CitedClaim[], { width }: LongShortRatiosOptions): HTMLElement {
  const readings = longShortReadings(claims);
  const scopes = readings.map((d) => d.scope);
  const chart = Plot.plot({
    width,
    height: 40 + scopes.length * 76,
    marginLeft: 12,
    marginRight: 20,
    x: { domain: [0, Math.max(...readings.map((d) => d.value)) * 1.2], grid: true, ticks: width < 480 ? 5 : 10, label: "Long/short ratio (longs per short)" },
    y: { type: "band", domain: scopes, axis: null, paddingInner: 0, paddingOuter: 0 },
    marks: [
      Plot.ruleX([1], { stroke: "currentColor", strokeDasharray: "4,3" }),
      Plot.text(["1 = even"], { x: 1, frameAnchor: "bottom", dy: -4, dx: 4, textAnchor: "start", fill: "var(--theme-foreground-muted)" }),
      Plot.text(scopes, { y: (d: string) => d, text: (d: string) => d, frameAnchor: "left", dy: -26, fontWeight: "bold" }),
      Plot.barX(readings, { x1: 1, x2: "value", y: "scope", insetTop: 30, insetBottom: 30, fill: "var(--theme-foreground-focus)", fillOpacity: 0.5 }),
      Plot.dot(readings, { x: "value", y: "scope", r: 6, fill: "currentColor" }),
      Plot.text(readings, {
        x: "value",
        y: "scope",
        text: (d: LongShortReading) => `${formatClaimValue(d.claim)}: more ${ratioSide(d.value)}`,
        dy: 16
      }),
      Plot.tip(
        readings,
        Plot.pointer({
          x: "value",
          y: "scope",
          channels: {
            figure: (d: LongShortReading) => claimTipChannels.figure(d.claim),
            date: (d: LongShortReading) => claimTipChannels.date(d.claim),
            source: (d: LongShortReading) => claimTipChannels.source(d.claim)
          },
          format: { x: false, y: false }
        })
      )
    ]
  });
  return chartFigure(chart, readings.map((d) => d.claim), {
    title: "BTC long/short ratios, Feb 5",
    filename: "btc-long-short-ratios"
  });
}
