import * as Plot from "@observablehq/plot";
import { claimById, formatClaimValue, formatInUnit } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { chartFigure, claimTipChannels } from "./chartFigure.js";
import { shortUtcDate } from "./skewReadings.js";

export interface DerivativesVolumeOptions {
  width: number;
}

export const DERIVATIVES_VOLUME_IDS = { volume: "btc-derivatives-volume-ambcrypto", change: "btc-derivatives-volume-change-ambcrypto" } as const;

/** The level before a reported rise: volume / (1 + change / 100). Inherits the rounding of the printed change. */
export function levelBeforeChange(level: number, changePct: number): number {
  return level / (1 + changePct / 100);
}

export interface VolumeBar {
  label: string;
  value: number;
  /** The ledger row the bar is, or, for the computed bar, the rows it is computed from. */
  claims: CitedClaim[];
  computed: boolean;
}

export function derivativesVolumeBars(claims: readonly CitedClaim[]): VolumeBar[] {
  const volume = claimById(claims, DERIVATIVES_VOLUME_IDS.volume);
  const change = claimById(claims, DERIVATIVES_VOLUME_IDS.change);
  if (volume.value === null || change.value === null) throw new Error("derivatives volume and its change need values");
  return [
    { label: "earlier (computed)", value: levelBeforeChange(volume.value, change.value), claims: [volume, change], computed: true },
    { label: `${shortUtcDate(volume.asOf ?? "")} (reported)`, value: volume.value, claims: [volume], computed: false }
  ];
}

/** Reported BTC derivatives volume beside the level its printed rise implies. */
export function derivativesVolume(claims: readonly CitedClaim[], { width }: DerivativesVolumeOptions): HTMLElement {
  const bars = derivativesVolumeBars(claims);
  const [volume, change] = bars[0]?.claims ?? [];
  if (!volume || !change) throw new Error("derivatives volume claims missing");
  const barLabel = (d: VolumeBar) =>
    d.computed ? `≈ ${formatInUnit(Math.round(d.value), "usd_bn")} (${formatClaimValue(volume)} ÷ (1 + ${formatClaimValue(change)}))` : formatClaimValue(volume);
  const chart = Plot.plot({
    width,
    height: 260,
    marginLeft: 48,
    marginRight: 16,
    x: { domain: bars.map((d) => d.label), label: null, padding: 0.35 },
    y: { domain: [0, Math.max(...bars.map((d) => d.value)) * 1.25], grid: true, label: "Derivatives volume (USD bn)" },
    marks: [
      Plot.barY(bars.filter((d) => d.computed), { x: "label", y: "value", fill: "none", stroke: "currentColor", strokeDasharray: "4,3" }),
      Plot.barY(bars.filter((d) => !d.computed), { x: "label", y: "value", fill: "var(--theme-foreground-focus)", fillOpacity: 0.7 }),
      Plot.text(bars, { x: "label", y: "value", text: barLabel, dy: -10, lineWidth: width < 480 ? 9 : 20 }),
      Plot.ruleY([0]),
      Plot.tip(
        bars,
        Plot.pointer({
          x: "label",
          y: "value",
          channels: {
            figure: (d: VolumeBar) => (d.computed ? `computed from ${formatClaimValue(volume)} and ${formatClaimValue(change)}` : claimTipChannels.figure(volume)),
            date: () => claimTipChannels.date(volume),
            source: () => claimTipChannels.source(volume)
          },
          format: { x: false, y: false }
        })
      )
    ]
  });
  return chartFigure(chart, [volume, change], { title: "BTC derivatives volume and its printed rise", filename: "btc-derivatives-volume" });
}
