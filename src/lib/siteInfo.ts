import { existsSync, readdirSync, readFileSync } from "node:fs";

const snapshotDir = new URL("../../data/snapshot/", import.meta.url);

/** Newest fetch time among the committed snapshot files, or null when no market series is captured. */
export function latestSnapshotFetch(dir: URL = snapshotDir): string | null {
  if (!existsSync(dir)) return null;
  const times = readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .map((name) => JSON.parse(readFileSync(new URL(name, dir), "utf8"))?.meta?.fetchedAt)
    .filter((time): time is string => typeof time === "string")
    .sort();
  return times.at(-1) ?? null;
}

export function snapshotFooterNote(dir?: URL): string {
  const fetched = latestSnapshotFetch(dir);
  return fetched
    ? `Market data snapshot taken ${fetched.slice(0, 10)} (UTC).`
    : "No market series are captured in this snapshot; figures are as reported by the cited articles.";
}
