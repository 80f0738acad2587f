// The captured "mining" dataset as the miner charts read it, and the arithmetic of difficulty relief.
import type { DifficultyAdjustmentRow, MiningRow } from "../lib/snapshot/rows.js";
import { appendDataCredit, dataCredit, endpointCredits } from "../lib/public/credits.js";
import type { MarketDataset } from "./chartFigure.js";
import { utcNoon } from "./utcDays.js";

/** src/data/market-mining.json: daily rows, and the difficulty adjustments in meta.summary. */
export interface MiningDataset extends MarketDataset<MiningRow> {
  meta: (MarketDataset["meta"] & { summary?: { difficultyAdjustments?: DifficultyAdjustmentRow[] } }) | null;
}

export interface HashpricePoint {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** Midday of that UTC day, where the daily value is drawn. */
  date: Date;
  usdPerPhDay: number;
}

export interface AdjustmentPoint {
  time: Date;
  height: number | null;
  changePct: number;
}

/** The computed daily hashprice, days without every input left out. */
export function computedHashprice(mining: MiningDataset): HashpricePoint[] {
  return mining.rows.flatMap((row) =>
    row.hashprice_usd_per_ph_day === null
      ? []
      : [{ day: row.date, date: utcNoon(row.date), usdPerPhDay: row.hashprice_usd_per_ph_day }]
  );
}

export function difficultyAdjustments(mining: MiningDataset): AdjustmentPoint[] {
  if (mining.rows.length === 0) return [];
  return (mining.meta?.summary?.difficultyAdjustments ?? []).map((row) => ({
    time: new Date(row.time),
    height: row.height,
    changePct: row.change_pct
  }));
}

/** The first adjustment on or after the UTC day `day` (YYYY-MM-DD). */
export function firstAdjustmentFrom(adjustments: readonly AdjustmentPoint[], day: string): AdjustmentPoint | undefined {
  return adjustments.find((adjustment) => adjustment.time.toISOString().slice(0, 10) >= day);
}

/** The computed hashprice on the last full day before an adjustment and the first full day after it. */
export function hashpriceAround(points: readonly HashpricePoint[], adjustment: AdjustmentPoint): { before?: HashpricePoint; after?: HashpricePoint } {
  const adjustmentDay = adjustment.time.toISOString().slice(0, 10);
  return {
    before: points.filter((point) => point.day < adjustmentDay).at(-1),
    after: points.find((point) => point.day > adjustmentDay)
  };
}

/**
 * How much revenue per unit of hashrate rises when difficulty changes by `changePct` percent,
 * at unchanged price and fees: hashprice is proportional to 1 / difficulty, so the factor is
 * 1 / (1 + change). A -13.37% adjustment gives about 1.154.
 */
export function reliefFactor(changePct: number): number {
  if (!(changePct > -100)) throw new RangeError(`a difficulty change must be above -100% (got ${changePct}%)`);
  return 1 / (1 + changePct / 100);
}

/** The same, as a percentage rise in revenue per PH/s. */
export function reliefPct(changePct: number): number {
  return 100 * (reliefFactor(changePct) - 1);
}

/** Credits the mining series in a chart's caption: Coin Metrics and the difficulty series, or the API capture. */
export function creditMining(figure: HTMLElement, mining: MiningDataset): void {
  const captured = mining.mode === "public" ? undefined : `captured from the APIs${mining.asOf ? ` on ${mining.asOf.slice(0, 10)}` : ""}`;
  appendDataCredit(figure, dataCredit(endpointCredits(mining.meta?.sources ?? []), { use: "computed", ...(captured ? { captured } : {}) }));
}
