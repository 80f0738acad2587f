// A folder (dist/, the snapshot, the public extracts) is replaced whole or not at all: the new
// contents go into a staging folder beside it, on the same filesystem, and two renames swap it
// in. Staging and set-aside folders carry their process id in their names, so a later run can
// tell the leftovers of a killed run from those of a run still going.

import { closeSync, cpSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { displayPath } from "../ledger/paths.ts";

const LEFTOVER = /^\.(.+)\.(\d+)\.(new|old)\.tmp$/;

/** Where this process stages the next version of `target`. */
export function stagingPath(target: string, pid: number = process.pid): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${pid}.new.tmp`);
}

/** Where this process sets the previous version of `target` aside during a swap. */
export function asidePath(target: string, pid: number = process.pid): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${pid}.old.tmp`);
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The renames a swap makes; tests replace them to make a swap fail halfway. */
export interface SwapFs {
  rename(from: string, to: string): void;
}

/**
 * Put `staged` in the place of `target` (which need not exist). On failure `target` is as it
 * was, `staged` is removed, and the error says so.
 */
export function swapIn(staged: string, target: string, fs: SwapFs = { rename: renameSync }): void {
  const aside = asidePath(target);
  const hadTarget = existsSync(target);
  try {
    if (hadTarget) fs.rename(target, aside);
    try {
      fs.rename(staged, target);
    } catch (error) {
      if (hadTarget) restore(aside, target, error as Error, fs);
      throw error;
    }
  } catch (error) {
    rmSync(staged, { recursive: true, force: true });
    if (error instanceof SwapRestoreError) throw error;
    throw new Error(`could not replace ${displayPath(target)}: ${(error as Error).message}; ${displayPath(target)} is unchanged`);
  }
  rmSync(aside, { recursive: true, force: true });
  syncFolder(path.dirname(target));
}

class SwapRestoreError extends Error {}

function restore(aside: string, target: string, cause: Error, fs: SwapFs): void {
  try {
    fs.rename(aside, target);
  } catch (error) {
    throw new SwapRestoreError(
      `could not replace ${displayPath(target)}: ${cause.message}; then could not put the previous version back: ` +
        `${(error as Error).message}. It is intact in ${displayPath(aside)}: rename that folder to ${displayPath(target)}`,
    );
  }
}

export interface FileContent {
  name: string;
  content: string;
}

/**
 * Replace `target` by a copy of itself with `files` written in. Everything else in it is
 * carried over, except `*.tmp` leftovers of older writers.
 */
export function replaceFiles(target: string, files: readonly FileContent[]): void {
  const staged = stagingPath(target);
  const replaced = new Set(files.map((file) => file.name));
  rmSync(staged, { recursive: true, force: true });
  try {
    mkdirSync(staged, { recursive: true });
    if (existsSync(target)) {
      for (const name of readdirSync(target)) {
        if (!replaced.has(name) && !name.endsWith(".tmp")) cpSync(path.join(target, name), path.join(staged, name), { recursive: true });
      }
    }
    for (const file of files) writeDurably(path.join(staged, file.name), file.content);
    syncFolder(staged);
  } catch (error) {
    rmSync(staged, { recursive: true, force: true });
    throw new Error(`could not write the new ${displayPath(target)} in ${displayPath(staged)}: ${(error as Error).message}; ${displayPath(target)} is unchanged`);
  }
  swapIn(staged, target);
}

/**
 * Clear what runs killed part-way left beside `target`: staging folders are removed, and a
 * set-aside previous version is put back if the kill came between the two renames of a swap.
 * Returns one line per thing done.
 */
export function removeLeftovers(target: string, isAlive: (pid: number) => boolean = pidAlive): string[] {
  const parent = path.dirname(target);
  if (!existsSync(parent)) return [];
  const leftovers = readdirSync(parent).flatMap((name) => {
    const [, of, pid, kind] = LEFTOVER.exec(name) ?? [];
    return of === path.basename(target) && Number(pid) !== process.pid && !isAlive(Number(pid)) ? [{ file: path.join(parent, name), pid, kind }] : [];
  });
  const done: string[] = [];
  // Set-aside versions first: one may have to become `target` again.
  for (const { file, pid, kind } of [...leftovers.filter((l) => l.kind === "old"), ...leftovers.filter((l) => l.kind === "new")]) {
    if (kind === "old" && !existsSync(target)) {
      renameSync(file, target);
      done.push(`put back ${displayPath(target)} from ${displayPath(file)}, set aside by a run that was killed mid-swap (pid ${pid})`);
    } else {
      rmSync(file, { recursive: true, force: true });
      done.push(`removed ${displayPath(file)}, left by a run that was killed (pid ${pid})`);
    }
  }
  return done;
}

function writeDurably(file: string, content: string): void {
  const fd = openSync(file, "w");
  try {
    writeFileSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncFolder(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
