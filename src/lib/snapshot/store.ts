// Snapshot files: one JSON file per dataset, {"meta": {...}, "rows": [...]}, written atomically.

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { replaceFiles } from "../files/replaceFolder.ts";
import type { EndpointUse } from "../live/http.ts";
import type { EventWindow } from "../window.ts";

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

/** The dataset's snapshot, or null when there is none. A file that is not a snapshot throws. */
export function readSnapshot(dir: string, dataset: DatasetName): SnapshotFile | null {
  const file = snapshotPath(dir, dataset);
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`snapshot ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const candidate = parsed as Partial<SnapshotFile> | null;
  if (!candidate || typeof candidate.meta !== "object" || candidate.meta === null || !Array.isArray(candidate.rows)) {
    throw new Error(`snapshot ${file} is not {"meta": {...}, "rows": [...]}`);
  }
  return candidate as SnapshotFile;
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
