import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./store.ts";

/** package.json version and the git commit of the working tree, each null when unknown. */
export function codeVersion(): { version: string | null; commit: string | null } {
  let version: string | null = null;
  try {
    const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { version?: unknown };
    version = typeof pkg.version === "string" ? pkg.version : null;
  } catch {
    version = null;
  }
  let commit: string | null = null;
  try {
    commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "ignore"] }).toString().trim() || null;
  } catch {
    commit = null;
  }
  return { version, commit };
}
