// Every data file the build reads, validated before Framework writes anything: the snapshot
// folder (no stray files; each dataset's schema, for the window in use) and the public extracts
// with provenance.csv. `npm run check` calls this; the loaders run the same checks as they read.

import { publicDir, readExtract, readProvenance } from "./public/store.ts";
import { readSnapshotFolder, snapshotDir } from "./snapshot/store.ts";
import { eventWindow } from "./window.ts";

/** Throws a DataError for the first bad file; returns how many files of each kind were checked. */
export function checkDataFiles(env: NodeJS.ProcessEnv = process.env): { snapshots: number; extracts: number } {
  const snapshots = readSnapshotFolder(snapshotDir(env), eventWindow(env));
  const dir = publicDir(env);
  const provenance = readProvenance(dir);
  for (const row of provenance) readExtract(row.series, dir);
  return { snapshots: snapshots.length, extracts: provenance.length };
}
