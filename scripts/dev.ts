// `npm run dev`: Framework's preview, plus a watcher that makes it pick up new notes, front-matter
// changes and ledger or snapshot edits without a restart, or says in the terminal what needs one
// (see src/lib/previewWatch.ts). Arguments go to `observable preview` (--port 4000, --no-open).
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, utimesSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadCommentary } from "../src/lib/commentary.ts";
import { CONFIG_FILE, localImportGraph, watchPlan, type CommentaryCheck, type WatchState } from "../src/lib/previewWatch.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const fromRoot = (file: string) => path.relative(root, file).split(path.sep).join("/");

function checkCommentary(): CommentaryCheck {
  try {
    return { fingerprint: JSON.stringify(loadCommentary()) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Loader scripts: files in src/ named like claims.json.ts, whose output Framework caches. */
const loaders = readdirSync(path.join(root, "src"), { recursive: true, encoding: "utf8" })
  .filter((file) => !file.includes(".observablehq") && /\.\w+\.(ts|js|py|sh)$/.test(file) && !file.endsWith(".d.ts"))
  .map((file) => `src/${file.split(path.sep).join("/")}`);
const configModules = localImportGraph(CONFIG_FILE, (file) => (existsSync(path.join(root, file)) ? readFileSync(path.join(root, file), "utf8") : null));

const initial = checkCommentary();
let state: WatchState = { shown: "fingerprint" in initial ? initial.fingerprint : null, configStale: false };

const preview = spawn(path.join(root, "node_modules/.bin/observable"), ["preview", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });

let pending = new Set<string>();
let timer: NodeJS.Timeout | undefined;
// The files the watcher itself just touched, whose events are its own.
let touched = new Set<string>();
function changed(file: string) {
  if (touched.has(file)) return;
  pending.add(file);
  clearTimeout(timer);
  // Editors save in several steps; act once they are done.
  timer = setTimeout(() => {
    const batch = [...pending];
    pending = new Set();
    const plan = watchPlan(batch, checkCommentary(), state, { loaders, configModules });
    state = plan.state;
    const now = new Date();
    for (const file of plan.touch) utimesSync(path.join(root, file), now, now);
    touched = new Set(plan.touch);
    setTimeout(() => (touched = new Set()), 1000);
    for (const message of plan.messages) console.log(`[dev] ${message}`);
  }, 200);
}

const watchers: FSWatcher[] = ["data", "src/commentary", "src/lib"]
  .filter((dir) => existsSync(path.join(root, dir)))
  .map((dir) => watch(path.join(root, dir), { recursive: true }, (_, name) => name && changed(fromRoot(path.join(root, dir, name.toString())))));

function stop() {
  for (const watcher of watchers) watcher.close();
  clearTimeout(timer);
}
preview.on("exit", (code) => {
  stop();
  process.exitCode = code ?? 1;
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => preview.kill(signal));
