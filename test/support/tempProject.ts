import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

export const projectRoot = resolve(import.meta.dirname, "../..");

const copied = ["src", "data", "scripts", "observablehq.config.ts", "package.json", "tsconfig.json"];

export interface TempProject {
  dir: string;
  /** Runs `npm run build` in the copy; rejects with the build's output when it fails. */
  build(env?: Record<string, string>): Promise<{ stdout: string; stderr: string }>;
  remove(): void;
}

/** A throwaway copy of the project (sharing node_modules) for tests that change pages or data. */
export function makeTempProject(): TempProject {
  const dir = mkdtempSync(join(tmpdir(), "report-"));
  for (const entry of copied) {
    cpSync(join(projectRoot, entry), join(dir, entry), {
      recursive: true,
      filter: (source) => !source.includes(".observablehq/cache")
    });
  }
  symlinkSync(join(projectRoot, "node_modules"), join(dir, "node_modules"), "dir");
  return {
    dir,
    build: (env = {}) =>
      promisify(execFile)("npm", ["run", "build"], { cwd: dir, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }),
    remove: () => rmSync(dir, { recursive: true, force: true })
  };
}
