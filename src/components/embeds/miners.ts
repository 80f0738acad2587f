// What the Miners charts and page share: the days of the mining series and the day of the sell-off.
import type { MiningDataset } from "../miningSeries.js";
import { daysOf, type DayRange } from "./options.js";

export const miningDays = (data: { mining: MiningDataset }) => daysOf(data.mining.rows);

/** The sell-off's worst day: the first adjustment from it is the one the forecast was about. */
export const SELL_OFF_DAY = "2026-02-05";

/** The daily rows and the adjustments inside the range. */
export function miningWithin(mining: MiningDataset, { from, to }: DayRange): MiningDataset {
  const summary = mining.meta?.summary;
  const inRange = (day: string) => day >= from && day <= to;
  return {
    ...mining,
    rows: mining.rows.filter((row) => inRange(row.date)),
    meta: mining.meta && {
      ...mining.meta,
      summary: { ...summary, difficultyAdjustments: (summary?.difficultyAdjustments ?? []).filter((row) => inRange(row.time.slice(0, 10))) }
    }
  };
}
