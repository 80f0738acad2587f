import * as Plot from "./plot/index.js";
import { formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { chartFigure, claimTipChannels } from "./chartFigure.js";

export interface LongShortRatiosOptions {
  width: number;
}

/** A reported long/short ratio and, in words, what it counts ("All exchanges"). */
export interface LongShortRow {
  label: string;
  claim: CitedClaim;
}

export interface LongShortReading extends LongShortRow {
  value: number;
}

export function longShortReadings(rows: readonly LongShortRow[]): LongShortReading[] {
  return rows.map(({ label, claim }) => {
    if (claim.value === null || claim.unit !== "ratio") throw new Error(`claim "${claim.id}" should be a ratio with a value`);
    return { label, claim, value: claim.value };
  });
}

/** Which side a ratio says is larger: above 1 more longs, below 1 more shorts. */
export function ratioSide(ratio: number): "longs" | "shorts" | "even" {
  return ratio > 1 ? "longs" : ratio < 1 ? "shorts" : "even";
}

/** A log axis centred on parity: as far below 1 as above it, in whole powers of two. */
export function parityDomain(values: readonly number[]): [number, number] {
  const reach = Math.ceil(Math.max(0, ...values.map((v) => Math.abs(Math.log2(v)))) + 0.5);
  return [2 ** -reach, 2 ** reach];
}

/** The reported long/short ratios against parity (1 = as many longs as shorts), on a log scale. */
export function longShortRatios(rows: readonly LongShortRow[], { width }: LongShortRatiosOptions): HTMLElement {
  const readings = longShortReadings(rows);
  const labels = readings.map((d) => d.label);
  const domain = parityDomain(readings.map((d) => d.value));
  const ticks = Array.from({ length: Math.log2(domain[1] / domain[0]) + 1 }, (_, i) => domain[0] * 2 ** i);
  const chart = Plot.plot({
    width,
    height: 56 + labels.length * 76,
    marginLeft: 12,
    marginRight: 20,
    x: {
      type: "log",
      domain,
      ticks,
      tickFormat: (v: number) => v.toLocaleString("en-US"),
      grid: true,
      label: "← more shorts · long/short ratio, log scale · more longs →",
      labelAnchor: "center",
      labelArrow: "none"
    },
    y: { type: "band", domain: labels, axis: null, paddingInner: 0, paddingOuter: 0 },
    marks: [
      Plot.ruleX([1], { stroke: "currentColor", strokeDasharray: "4,3" }),
      Plot.text(["1 = even"], { x: 1, frameAnchor: "top", dy: 2, dx: 4, textAnchor: "start", fill: "var(--theme-foreground-muted)" }),
      Plot.text(labels, { y: (d: string) => d, text: (d: string) => d, frameAnchor: "left", dy: -26, fontWeight: "bold" }),
      Plot.barX(readings, { x1: 1, x2: "value", y: "label", insetTop: 30, insetBottom: 30, fill: "var(--theme-foreground-focus)", fillOpacity: 0.5 }),
      Plot.dot(readings, { x: "value", y: "label", r: 6, fill: "currentColor" }),
      // Set each label away from the parity line: leftward below 1, rightward above it.
      ...(["end", "start"] as const).map((textAnchor) =>
        Plot.text(
          readings.filter((d) => (d.value < 1) === (textAnchor === "end")),
          { x: "value", y: "label", text: (d: LongShortReading) => `${formatClaimValue(d.claim)}: more ${ratioSide(d.value)}`, dy: 18, textAnchor, className: "long-short-value" }
        )
      ),
      Plot.tip(
        readings,
        Plot.pointer({
          x: "value",
          y: "label",
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
  const publishers = [...new Set(readings.map((d) => d.claim.source.outlet))];
  return chartFigure(chart, readings.map((d) => d.claim), {
    title: `BTC long/short ratios as ${publishers.join(" and ")} reported them`,
    filename: "btc-long-short-ratios"
  });
}
