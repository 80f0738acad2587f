// One live build's market inputs (REPORT_LIVE=1), fetched once and shared by its loaders.
// Each src/data/market-*.json.ts loader is its own process. The first to start claims the
// build's run file and fetches every input, writing each answer (or its error) to a file as
// it settles, and exits only when all are written; every later loader reads those files. So
// a source is asked once per build, and one that cannot be reached fails every loader at once.
//
// The files live in Framework's cache (git-ignored), which `npm run clean` empties at the start
// of every build; REPORT_LIVE_CACHE_DIR moves them. A build without REPORT_LIVE=1 never reads them.

import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deadlineFrom, LIVE_BUILD_DEADLINE, type Deadline } from "../live/deadline.ts";
import { SourceError } from "../live/http.ts";
import type { Fetched, InputShare } from "./inputs.ts";
import { PROJECT_ROOT } from "./store.ts";

export function liveCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.REPORT_LIVE_CACHE_DIR;
  return override ? path.resolve(PROJECT_ROOT, override) : path.join(PROJECT_ROOT, "src", ".observablehq", "cache", "live-inputs");
}

export function removeLiveCache(env: NodeJS.ProcessEnv = process.env): void {
  rmSync(liveCacheDir(env), { recursive: true, force: true });
}

interface RunRecord {
  /** The loader process that fetches for the whole build. */
  pid: number;
  startedAt: number;
  deadline: Deadline;
}

type ErrorRecord = { source: string; endpoint: string; reason: string } | { message: string };
type Entry<T> = ({ ok: true } & Fetched<T>) | { ok: false; error: ErrorRecord };

const POLL_MS = 100;
/** How long past the deadline a loader waits for the fetching loader to write its last answers. */
const GRACE_MS = 5_000;

export class LiveBuild implements InputShare {
  private readonly writes: Promise<void>[] = [];

  private constructor(
    private readonly dir: string,
    private readonly run: RunRecord,
    /** True in the loader that fetches; the others read what it writes. */
    readonly fetches: boolean,
  ) {}

  /** Joins the build's run, or starts it when this is the build's first live loader. */
  static open(env: NodeJS.ProcessEnv = process.env, now = Date.now()): LiveBuild {
    const dir = liveCacheDir(env);
    mkdirSync(dir, { recursive: true });
    const runFile = path.join(dir, "run.json");
    const mine: RunRecord = { pid: process.pid, startedAt: now, deadline: deadlineFrom(LIVE_BUILD_DEADLINE, env, now) };
    const temporary = `${runFile}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(mine));
    try {
      linkSync(temporary, runFile); // atomic and exclusive: exactly one loader of the build gets here
      return new LiveBuild(dir, mine, true);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      return new LiveBuild(dir, JSON.parse(readFileSync(runFile, "utf8")) as RunRecord, false);
    } finally {
      rmSync(temporary, { force: true });
    }
  }

  get deadline(): Deadline {
    return this.run.deadline;
  }

  /** When the build's fetching started (ISO 8601): the fetch time of every live dataset of the build. */
  get fetchedAt(): string {
    return new Date(this.run.startedAt).toISOString();
  }

  get<T>(key: string, fetchHere: () => Promise<Fetched<T>>): Promise<Fetched<T>> {
    if (!this.fetches) return this.read<T>(key);
    const pending = fetchHere();
    this.writes.push(
      pending.then(
        (fetched) => this.write<T>(key, { ok: true, ...fetched }),
        (error: unknown) => this.write<T>(key, { ok: false, error: errorRecord(error) }),
      ),
    );
    return pending;
  }

  /** Resolves once every input this loader fetched is on disk for the build's other loaders. */
  async settled(): Promise<void> {
    await Promise.all(this.writes);
  }

  private write<T>(key: string, entry: Entry<T>): void {
    const file = this.entryPath(key);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(entry));
    renameSync(temporary, file);
  }

  private async read<T>(key: string): Promise<Fetched<T>> {
    const file = this.entryPath(key);
    const giveUpAt = this.run.deadline.at + GRACE_MS;
    for (;;) {
      // Checked once more after the fetcher is seen gone: it may have written the file just before exiting.
      const fetcherGone = !alive(this.run.pid);
      if (existsSync(file)) {
        const entry = JSON.parse(readFileSync(file, "utf8")) as Entry<T>;
        if (entry.ok) return { data: entry.data, uses: entry.uses };
        throw revive(entry.error);
      }
      if (fetcherGone) throw new Error(`live input ${key}: the loader fetching for this build (process ${this.run.pid}) stopped before it arrived`);
      if (Date.now() > giveUpAt) throw new Error(`live input ${key}: not fetched before ${this.run.deadline.describe} passed`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private entryPath(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function errorRecord(error: unknown): ErrorRecord {
  if (error instanceof SourceError) return { source: error.source, endpoint: error.endpoint, reason: error.reason };
  return { message: error instanceof Error ? error.message : String(error) };
}

function revive(record: ErrorRecord): Error {
  return "reason" in record ? new SourceError(record.source, record.endpoint, record.reason) : new Error(record.message);
}
