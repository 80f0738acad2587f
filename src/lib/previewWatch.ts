// What `npm run dev` (scripts/dev.ts) does when files change, so that Framework's preview shows
// them without a restart. Framework 1.13.4's preview:
// - re-renders a page when the page's own file, a module it imports or a file it attaches
//   changes; a file from a data loader counts as the loader script, whose modification time
//   alone says whether its cached output is stale: an edit to data/claims.csv, which the
//   loaders read, is not seen;
// - re-imports observablehq.config.ts only when that file's modification time changes (and then
//   reloads every open page), but not the modules it imports, which stay as first loaded.
// So a ledger or snapshot edit touches the loaders, and a new or changed note's front matter
// touches the config (which re-reads src/commentary/) and the commentary loader. An edit to a
// module the config imports needs a restart, and the watcher says so. Pure: no file access.

export interface WatchContext {
  /** Data loader scripts, relative to the project root (src/data/claims.json.ts …). */
  loaders: readonly string[];
  /** Local modules observablehq.config.ts imports, directly or not: read once, when the preview starts. */
  configModules: ReadonlySet<string>;
}

/** The notes as the config reads them: a fingerprint of the entries, or the error to fix. */
export type CommentaryCheck = { fingerprint: string } | { error: string };

export interface WatchState {
  /** The fingerprint of the notes the preview's config last read without error. */
  shown: string | null;
  /** A data edit reached the config while a note was broken: re-read it once the note is fixed. */
  configStale: boolean;
}

export interface WatchPlan {
  /** Files whose modification time to bump, relative to the project root. */
  touch: string[];
  /** Lines for the terminal. */
  messages: string[];
  state: WatchState;
}

export const CONFIG_FILE = "observablehq.config.ts";
export const COMMENTARY_LOADER = "src/data/commentary.json.ts";

const isData = (file: string) => file.startsWith("data/");
const isNote = (file: string) => /^src\/commentary\/[^/]+\.md$/.test(file);
const isLibrary = (file: string) => /^src\/lib\/.+\.ts$/.test(file);

/**
 * The files to touch and what to say after a batch of changes (project-relative paths), given the
 * notes as they read now. A broken note is reported and the config left alone, so the preview keeps
 * the last good sidebar instead of failing on every page.
 */
export function watchPlan(changed: readonly string[], commentary: CommentaryCheck, state: WatchState, context: WatchContext): WatchPlan {
  const files = [...new Set(changed)].sort();
  const data = files.filter(isData);
  const notes = files.filter(isNote);
  const library = files.filter(isLibrary);
  const touch = new Set<string>();
  const messages: string[] = [];
  if (data.length > 0 || library.length > 0) context.loaders.forEach((loader) => touch.add(loader));
  if (data.length > 0) messages.push(`${data.join(", ")} changed: the data loaders run again for the pages that use them`);
  for (const file of library.filter((module) => context.configModules.has(module))) {
    messages.push(`restart npm run dev to see ${file} in the sidebar, the footer or the commentary checks: observablehq.config.ts loaded it when the preview started`);
  }
  if (data.length === 0 && notes.length === 0 && !state.configStale) return { touch: [...touch], messages, state };
  if ("error" in commentary) {
    messages.push(`${commentary.error}\nthe sidebar and the overview's list keep the last good notes until this is fixed`);
    return { touch: [...touch], messages, state: { shown: state.shown, configStale: state.configStale || data.length > 0 } };
  }
  const notesChanged = commentary.fingerprint !== state.shown;
  if (notesChanged || data.length > 0 || state.configStale) {
    touch.add(CONFIG_FILE);
    touch.add(COMMENTARY_LOADER);
    if (notesChanged) messages.push("commentary changed: the sidebar and the overview's list are updated");
  }
  return { touch: [...touch], messages, state: { shown: commentary.fingerprint, configStale: false } };
}

/**
 * The local modules a TypeScript entry file imports, directly or through others, relative to the
 * project root. `read` returns a file's text, or null when it does not exist.
 */
export function localImportGraph(entry: string, read: (file: string) => string | null): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const text = read(file);
    if (text === null) return;
    for (const match of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      const target = joinRelative(file, match[1]!);
      const module = [target, target.replace(/\.js$/, ".ts")].find((candidate) => read(candidate) !== null);
      if (module && !seen.has(module)) {
        seen.add(module);
        visit(module);
      }
    }
  };
  visit(entry);
  return seen;
}

/** "src/lib/a.ts" + "../b.ts" -> "src/b.ts" (posix, relative to the project root). */
function joinRelative(from: string, specifier: string): string {
  const parts = from.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  return parts.join("/");
}
