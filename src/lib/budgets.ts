// The size budget of every kind of file the build reads or ships to readers, in one place.
// A file over its budget stops the build with its name, its size and the budget: a snapshot
// or an extract that large is broken or from the wrong window, and a loader's output that
// large would be downloaded by every reader of the page that uses it.

import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { displayPath } from "./ledger/paths.ts";
import { DataError } from "./public/extract.ts";

const KB = 1024;
const MB = 1024 * KB;

/**
 * Budgets chosen from the sizes at the time of writing, with headroom:
 * - snapshot: none is committed yet. A capture of the fixture market (test/fixtures) writes
 *   4 KB per day for the hourly files (funding.json, price.json, dvol.json), so about 180 KB for
 *   the 45-day window in src/lib/window.ts, and under 15 KB for the others. 4 MB leaves room for
 *   a window of a year and more.
 * - extract: the largest, btc-yahoo-1h.csv (five months of hourly candles), is 282 KB.
 * - provenance: provenance.csv is 11 KB for 33 series.
 * - loaderOutput: the largest, market-price.json computed from the hourly extract, is 465 KB;
 *   public-volatility.json is 376 KB, every other output under 330 KB.
 */
export const BUDGETS = {
  snapshot: { bytes: 4 * MB, what: "a snapshot file" },
  extract: { bytes: 1 * MB, what: "a public-data extract" },
  provenance: { bytes: 64 * KB, what: "provenance.csv" },
  loaderOutput: { bytes: 2 * MB, what: "a data loader's output shipped to readers" },
} as const;

export type BudgetKind = keyof typeof BUDGETS;

export function formatBytes(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${(bytes / KB).toFixed(1)} KB`;
}

/** Throws a DataError naming the file, its size and the budget when `bytes` exceeds it. */
export function checkBytes(kind: BudgetKind, file: string, bytes: number, source = ""): void {
  const budget = BUDGETS[kind];
  if (bytes <= budget.bytes) return;
  throw new DataError([
    {
      file: displayPath(file),
      line: 1,
      column: 1,
      message: `${formatBytes(bytes)} is over the ${formatBytes(budget.bytes)} budget for ${budget.what}${source} (src/lib/budgets.ts): a broken file, or data from the wrong window`,
    },
  ]);
}

/** The file's size checked against its budget before anything reads it. */
export function checkFileSize(kind: BudgetKind, file: string): void {
  checkBytes(kind, file, statSync(file).size);
}

/**
 * Every data loader output in a built site (`<out>/_file/data/`), against the loader budget.
 * Run on the build's output before it replaces dist/.
 */
export function checkShippedData(outputDir: string): number {
  const dir = path.join(outputDir, "_file", "data");
  if (!existsSync(dir)) return 0;
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  for (const entry of files) {
    const file = path.join(entry.parentPath, entry.name);
    // Framework names the output <loader name>.<8-hex hash>.<ext>.
    const loader = entry.name.replace(/\.[0-9a-f]{8}(\.\w+)$/, "$1");
    checkBytes("loaderOutput", file, statSync(file).size, ` (from src/data/${loader}.ts)`);
  }
  return files.length;
}
