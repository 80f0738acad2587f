// Volume by price from OHLCV bars. A bar's volume is spread evenly over its low-high range,
// since bars do not say where inside the range the volume traded. This is an exchange-volume
// proxy for an on-chain cost-basis cluster, not the same measure.

import type { Candle } from "./candles.ts";

export interface VolumeBin {
  price_low: number;
  price_high: number;
  volume: number;
}

export interface VolumeBand {
  price_low: number;
  price_high: number;
  volume: number;
  /** Share of the volume traded inside the searched price range. */
  share: number;
}

export function volumeProfile(candles: readonly Candle[], binWidth: number): VolumeBin[] {
  if (!(binWidth > 0)) throw new RangeError(`bin width must be positive (got ${binWidth})`);
  const volumes = new Map<number, number>();
  for (const bar of candles) {
    if (!(bar.volume > 0)) continue;
    const firstBin = Math.floor(bar.low / binWidth);
    const lastBin = Math.floor(bar.high / binWidth);
    if (firstBin === lastBin || bar.high <= bar.low) {
      volumes.set(firstBin, (volumes.get(firstBin) ?? 0) + bar.volume);
      continue;
    }
    const perDollar = bar.volume / (bar.high - bar.low);
    for (let bin = firstBin; bin <= lastBin; bin++) {
      const overlap = Math.min(bar.high, (bin + 1) * binWidth) - Math.max(bar.low, bin * binWidth);
      if (overlap > 0) volumes.set(bin, (volumes.get(bin) ?? 0) + overlap * perDollar);
    }
  }
  return [...volumes.keys()]
    .sort((a, b) => a - b)
    .map((bin) => ({ price_low: bin * binWidth, price_high: (bin + 1) * binWidth, volume: volumes.get(bin)! }));
}

/**
 * The contiguous band of bins inside [rangeLow, rangeHigh] that holds `share` of the volume in
 * that range: start at the heaviest bin and widen one bin at a time towards the heavier
 * neighbour (the value-area construction).
 */
export function highestVolumeBand(
  bins: readonly VolumeBin[],
  rangeLow: number,
  rangeHigh: number,
  share: number,
): VolumeBand | null {
  const inRange = bins.filter((bin) => bin.price_high > rangeLow && bin.price_low < rangeHigh);
  const total = inRange.reduce((sum, bin) => sum + bin.volume, 0);
  if (inRange.length === 0 || !(total > 0)) return null;
  let lo = 0;
  inRange.forEach((bin, index) => {
    if (bin.volume > inRange[lo]!.volume) lo = index;
  });
  let hi = lo;
  let volume = inRange[lo]!.volume;
  while (volume < share * total) {
    const below = inRange[lo - 1]?.volume ?? -1;
    const above = inRange[hi + 1]?.volume ?? -1;
    if (below < 0 && above < 0) break;
    if (above >= below) volume += inRange[++hi]!.volume;
    else volume += inRange[--lo]!.volume;
  }
  return { price_low: inRange[lo]!.price_low, price_high: inRange[hi]!.price_high, volume, share: volume / total };
}
