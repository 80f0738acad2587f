// One writer at a time: a lock file beside the folder it guards, holding the holder's process
// id. A lock whose process no longer runs (killed with SIGKILL, machine restarted) is stale
// and the next run takes it over.

import { linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { displayPath } from "../ledger/paths.ts";
import { pidAlive } from "./replaceFolder.ts";

interface Holder {
  pid: number;
  started: string;
  purpose: string;
}

export interface Lock {
  file: string;
  /** What the run said when it found a stale lock, if it did. */
  tookOver: string | null;
  release(): void;
}

/** The lock that guards `target`: `.<name>.lock` beside it. */
export function lockPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.lock`);
}

/**
 * Hold the lock that guards `target` for this process, or throw naming the lock file and the
 * process that holds it. `purpose` says what the holder is doing ("capture").
 */
export function acquireLock(target: string, purpose: string, isAlive: (pid: number) => boolean = pidAlive): Lock {
  const file = lockPath(target);
  mkdirSync(path.dirname(file), { recursive: true });
  removeDeadDrafts(file, isAlive);
  let tookOver: string | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (create(file, { pid: process.pid, started: new Date().toISOString(), purpose })) {
      const release = () => {
        if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
      };
      return { file, tookOver, release };
    }
    const text = readText(file);
    const holder = text === null ? null : parseHolder(text);
    if (holder && isAlive(holder.pid)) {
      throw new Error(
        `${displayPath(file)} is held by pid ${holder.pid}, a ${holder.purpose} started ${holder.started}: ` +
          `wait for it to end, or stop it (kill ${holder.pid}); only one ${purpose} can run at a time`,
      );
    }
    // Gone, or held by a process that has died: take it over, unless someone else just did.
    if (text !== null && readText(file) === text) {
      rmSync(file, { force: true });
      tookOver = `took over ${displayPath(file)}: ${holder ? `pid ${holder.pid} that held it no longer runs` : "it did not name its holder"}`;
    }
  }
  throw new Error(`could not take ${displayPath(file)}: another ${purpose} took it at the same moment`);
}

/** Writes the whole record under a draft name, then links it into place: a lock is never seen half-written. */
function create(file: string, holder: Holder): boolean {
  const draft = `${file}.${process.pid}.tmp`;
  writeFileSync(draft, `${JSON.stringify(holder)}\n`);
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new Error(`could not create the lock ${displayPath(file)}: ${(error as Error).message}`);
  } finally {
    rmSync(draft, { force: true });
  }
}

function removeDeadDrafts(file: string, isAlive: (pid: number) => boolean): void {
  const parent = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  for (const name of readdirSync(parent)) {
    const pid = name.startsWith(prefix) && name.endsWith(".tmp") ? Number(name.slice(prefix.length, -".tmp".length)) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) rmSync(path.join(parent, name), { force: true });
  }
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

function parseHolder(text: string): Holder | null {
  try {
    const holder = JSON.parse(text) as Partial<Holder>;
    return Number.isInteger(holder.pid) ? { pid: holder.pid!, started: String(holder.started), purpose: String(holder.purpose) } : null;
  } catch {
    return null;
  }
}

function readHolder(file: string): Holder | null {
  const text = readText(file);
  return text === null ? null : parseHolder(text);
}
