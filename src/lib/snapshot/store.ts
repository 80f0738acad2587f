// Snapshot files: one JSON file per dataset, {"meta": {...}, "rows": [...]}, written atomically.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkFileSize } from "../budgets.ts";
import { replaceFiles } from "../files/replaceFolder.ts";
import { displayPath } from "../ledger/paths.ts";
import type { EndpointUse } from "../live/http.ts";
import { DataError } from "../public/extract.ts";
import type { EventWindow } from "../window.ts";
import { parseSnapshot } from "./schema.ts";

/** Found from this file, so loaders and scripts work from any working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export const DATASETS = [
  "price",
  "options-skew",
  "basis",
  "funding",
  "dvol",
  "mining",
  "macro",
  "volume-profile",
  "fact-check",
] as const;

export type DatasetName = (typeof DATASETS)[number];

export interface DatasetMeta {
  dataset: DatasetName;
  /** When the inputs were fetched (ISO 8601, UTC). */
  fetchedAt: string;
  window: EventWindow;
  rowCount: number;
  codeVersion: { version: string | null; commit: string | null };
  sources: EndpointUse[];
  /** How the rows were computed, in a sentence or two a reader can check. */
  method: string;
  /** Dataset-wide results (price path statistics, the volume band ...), if any. */
  summary?: unknown;
}

export interface SnapshotFile<Row = unknown> {
  meta: DatasetMeta;
  rows: Row[];
}

export function snapshotDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.REPORT_SNAPSHOT_DIR;
  return override ? path.resolve(PROJECT_ROOT, override) : path.join(PROJECT_ROOT, "data", "snapshot");
}

export function snapshotPath(dir: string, dataset: DatasetName): string {
  return path.join(dir, `${dataset}.json`);
}

/**
 * The dataset's snapshot, or null when there is none. The file is checked against its size
 * budget and its schema (src/lib/snapshot/schema.ts), with meta.window equal to `window` when
 * given; a bad file throws a DataError naming the file, line, row and field.
 */
export function readSnapshot(dir: string, dataset: DatasetName, window?: EventWindow): SnapshotFile | null {
  const file = snapshotPath(dir, dataset);
  if (!existsSync(file)) return null;
  checkFileSize("snapshot", file);
  return parseSnapshot(dataset, readFileSync(file, "utf8"), { file: displayPath(file), window });
}

/** Every snapshot in the folder, validated; a .json file that is no dataset's stops here, named. */
export function readSnapshotFolder(dir: string, window: EventWindow): SnapshotFile[] {
  if (!existsSync(dir)) return [];
  const known = DATASETS.map((dataset) => `${dataset}.json`);
  const stray = readdirSync(dir, { withFileTypes: true }).find((entry) => entry.isFile() && entry.name.endsWith(".json") && !known.includes(entry.name));
  if (stray) {
    throw new DataError([
      {
        file: displayPath(path.join(dir, stray.name)),
        line: 1,
        column: 1,
        message: `is not a snapshot dataset; this folder holds only ${known.join(", ")}: move the file out of it`,
      },
    ]);
  }
  return DATASETS.flatMap((dataset) => readSnapshot(dir, dataset, window) ?? []);
}

/**
 * Replace the snapshot folder whole by a copy of it with these datasets' files written in: the
 * other datasets' files (from a fetch that failed) and the README are carried over unchanged.
 */
export function writeSnapshotAtomic(dir: string, ...snapshots: SnapshotFile[]): void {
  if (snapshots.length === 0) return;
  replaceFiles(
    dir,
    snapshots.map((snapshot) => ({ name: path.basename(snapshotPath(dir, snapshot.meta.dataset)), content: `${JSON.stringify(snapshot, null, 1)}\n` })),
  );
}
