import { escapeHtml } from "./escapeHtml.ts";
import { publicDir, readProvenance } from "./public/store.ts";
import { readSnapshotFolder, snapshotDir } from "./snapshot/store.ts";
import { eventWindow, type EventWindow } from "./window.ts";

/** The site's name: its title in every page's <title>, and the credit on its chart images. */
export const SITE_TITLE = "Bitcoin, February 2026";

/**
 * Newest fetch time among the snapshot files, or null when no market series is captured. The
 * files are validated as they are read: a broken or stray file stops the build here, named.
 */
export function latestSnapshotFetch(dir: string = snapshotDir(), window: EventWindow = eventWindow()): string | null {
  const times = readSnapshotFolder(dir, window)
    .map((file) => file.meta.fetchedAt)
    .sort();
  return times.at(-1) ?? null;
}

/**
 * What the market series in this build come from: an API snapshot, public extracts, or nothing.
 * Returned as HTML-escaped text: Framework puts the footer into every page as raw HTML.
 */
export function snapshotFooterNote(dir?: string, extracts: string = publicDir(), window?: EventWindow): string {
  const fetched = latestSnapshotFetch(dir, window);
  if (fetched) return escapeHtml(`Market data snapshot taken ${fetched.slice(0, 10)} (UTC).`);
  const series = readProvenance(extracts).length;
  return series > 0
    ? `Market series are computed from ${series} public dataset extracts, each pinned to a commit of its source repository.`
    : "No market series are captured in this snapshot; figures are as reported by the cited articles.";
}
