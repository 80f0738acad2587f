import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { snapshotDir } from "./snapshot/store.ts";
import { publicDir, readProvenance } from "./public/store.ts";

/** Newest fetch time among the snapshot files, or null when no market series is captured. */
export function latestSnapshotFetch(dir: string = snapshotDir()): string | null {
  if (!existsSync(dir)) return null;
  const times = readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .map((name) => JSON.parse(readFileSync(join(dir, name), "utf8"))?.meta?.fetchedAt)
    .filter((time): time is string => typeof time === "string")
    .sort();
  return times.at(-1) ?? null;
}

/** What the market series in this build come from: an API snapshot, public extracts, or nothing. */
export function snapshotFooterNote(dir?: string, extracts: string = publicDir()): string {
  const fetched = latestSnapshotFetch(dir);
  if (fetched) return `Market data snapshot taken ${fetched.slice(0, 10)} (UTC).`;
  const series = readProvenance(extracts).length;
  return series > 0
    ? `Market series are computed from ${series} public dataset extracts, each pinned to a commit of its source repository.`
    : "No market series are captured in this snapshot; figures are as reported by the cited articles.";
}
