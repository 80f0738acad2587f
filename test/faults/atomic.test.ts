// Nothing half-done (issue 11, part 4). A build that fails or is stopped leaves dist/ as it was;
// a capture replaces the snapshot folder whole, one capture at a time; a stopped command leaves
// no process, no staging folder and no lock behind; a killed one's leftovers go on the next run.
// Captures run the real `npm run snapshot` against the local fixture servers, into temporary
// folders (REPORT_SNAPSHOT_DIR); builds run in a throwaway copy of the project.

import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { lockPath } from "../../src/lib/files/lock.ts";
import { asidePath, removeLeftovers, replaceFiles, stagingPath, swapIn } from "../../src/lib/files/replaceFolder.ts";
import { captureSnapshot } from "../../src/lib/snapshot/capture.ts";
import { DATASETS } from "../../src/lib/snapshot/store.ts";
import { SOURCES, startFixtureServers, type FixtureServers } from "../fixtures/server.ts";
import { tempDir, TEST_CLAIMS, TEST_WINDOW } from "../live/helpers.ts";
import { makeTempProject, projectRoot, type TempProject } from "../support/tempProject.ts";
import { treeDigest } from "../support/treeDigest.ts";

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

interface Run {
  child: ChildProcess;
  output(): string;
  done: Promise<Outcome>;
}

/** `npm run <args>` in its own process group, so the test can see every process it started. */
function npmRun(args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const child = spawn("npm", ["run", ...args], { cwd, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const done = new Promise<Outcome>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, output: () => stdout + stderr, done };
}

async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function processTable(): { pid: number; ppid: number; pgid: number; state: string; args: string }[] {
  return execFileSync("ps", ["-eo", "pid=,ppid=,pgid=,stat=,args="], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => {
      const [pid, ppid, pgid, state, ...args] = line.trim().split(/\s+/);
      return { pid: Number(pid), ppid: Number(ppid), pgid: Number(pgid), state: state!, args: args.join(" ") };
    });
}

/** Every process `pid` started, and theirs, as they are now. */
function descendants(pid: number): number[] {
  const table = processTable();
  const found: number[] = [];
  for (let frontier = [pid]; frontier.length > 0; ) {
    frontier = table.filter((p) => frontier.includes(p.ppid)).map((p) => p.pid);
    found.push(...frontier);
  }
  return found;
}

/** Processes of a run still running: its process group, and what it had started before it was stopped. */
function survivors(run: Run, startedBeforeStop: readonly number[]): string[] {
  return processTable()
    .filter((p) => !p.state.startsWith("Z") && (p.pgid === run.child.pid || startedBeforeStop.includes(p.pid)))
    .map((p) => `${p.pid} ${p.args}`);
}

/** Lock, staging and set-aside folders beside `target`. */
function besides(target: string): string[] {
  return readdirSync(path.dirname(target)).filter((name) => name.startsWith(`.${path.basename(target)}.`));
}

/** A folder digest without the files a run was meant to replace. */
function without(digest: Record<string, string>, ...replaced: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(digest).filter(([name]) => !replaced.includes(name)));
}

const killed: number[] = [];
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  for (const pgid of killed) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // Already gone, as it should be.
    }
  }
});
/** Runs that are stopped by the tests; any process of theirs still there at the end is killed. */
function track(run: Run): Run {
  killed.push(run.child.pid!);
  return run;
}
/** A temporary folder, removed after the tests. */
function scratch(prefix: string): string {
  const dir = tempDir(prefix);
  folders.push(dir);
  return dir;
}

describe("the snapshot capture", () => {
  let servers: FixtureServers;
  let previous: string;

  beforeAll(async () => {
    servers = await startFixtureServers();
    // A complete previous capture, and the README that lives in the committed folder.
    previous = path.join(scratch("previous"), "snapshot");
    // The default client: the fast one's quarter-second timeout can fire on a busy machine.
    const result = await captureSnapshot({ env: { ...servers.env(), ...TEST_WINDOW, REPORT_SNAPSHOT_DIR: previous }, claims: () => TEST_CLAIMS });
    expect(result.failures).toEqual([]);
    writeFileSync(path.join(previous, "README.md"), "# Market snapshot\n");
  }, 120_000);
  afterAll(() => servers?.close());
  afterEach(() => {
    for (const source of SOURCES) servers.setFault(source, null);
  });

  /** A copy of the previous capture, in a folder of its own. */
  function snapshotCopy(): string {
    const dir = path.join(scratch("capture"), "snapshot");
    cpSync(previous, dir, { recursive: true });
    return dir;
  }
  const captureEnv = (dir: string) => ({ ...servers.env(), ...TEST_WINDOW, REPORT_SNAPSHOT_DIR: dir });
  const hangEverySource = () => {
    for (const source of SOURCES) servers.setFault(source, { fault: "timeout" });
  };
  /** Starts `npm run snapshot` with every source hanging; resolves once it holds the lock and waits on a fetch. */
  async function hangingCapture(dir: string): Promise<{ run: Run; holder: number }> {
    hangEverySource();
    const asked = servers.requests.length;
    const run = track(npmRun(["snapshot"], projectRoot, captureEnv(dir)));
    await until(() => servers.requests.length > asked && existsSync(lockPath(dir)), `the capture to start fetching (${run.output()})`);
    return { run, holder: (JSON.parse(readFileSync(lockPath(dir), "utf8")) as { pid: number }).pid };
  }

  test("a failed fetch writes nothing: the folder stays byte for byte as it was", async () => {
    const dir = snapshotCopy();
    const before = treeDigest(dir);
    servers.setFault("fred", { fault: "server-error" });
    const result = await npmRun(["snapshot"], projectRoot, captureEnv(dir)).done;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not built: macro\.json: /);
    expect(result.stderr).toContain(`nothing was written: ${dir} is as it was`);
    expect(treeDigest(dir)).toEqual(before);
    expect(besides(dir)).toEqual([]);
  }, 120_000);

  test("a second capture while one runs exits 1 at once, naming the lock and the holder's pid", async () => {
    const dir = snapshotCopy();
    const before = treeDigest(dir);
    const { run, holder } = await hangingCapture(dir);
    for (const args of [["snapshot"], ["snapshot", "--", "--fact-check-only"]]) {
      const second = await npmRun(args, projectRoot, captureEnv(dir)).done;
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`${lockPath(dir)} is held by pid ${holder}, a npm run snapshot started `);
      expect(second.stderr).toContain(`stop it (kill ${holder})`);
    }
    run.child.kill("SIGTERM");
    await run.done;
    expect(treeDigest(dir)).toEqual(before);
    expect(besides(dir)).toEqual([]);
  }, 120_000);

  // SIGTERM and SIGINT reach the worker through npm; npm killed outright (SIGKILL) leaves it
  // with a new parent, which it notices.
  test.each(["SIGTERM", "SIGINT", "SIGKILL"] as const)("npm run snapshot stopped with %s: no process of it survives, the folder is unchanged, no lock or staging left", async (signal) => {
    const dir = snapshotCopy();
    const before = treeDigest(dir);
    const { run } = await hangingCapture(dir);
    const started = descendants(run.child.pid!);
    process.kill(run.child.pid!, signal);
    const result = await run.done;
    expect(result.signal).toBe(signal);
    await until(() => survivors(run, started).length === 0 && !existsSync(lockPath(dir)), "every process of the capture to end", 15_000).catch(() => {});
    expect(survivors(run, started)).toEqual([]);
    // Killing npm outright is noticed as a lost parent, and handled as a hang-up.
    expect(run.output()).toContain(`stopped by ${signal === "SIGKILL" ? "SIGHUP" : signal}: ${dir} has no partial write, and ${lockPath(dir)} is released`);
    expect(treeDigest(dir)).toEqual(before);
    expect(besides(dir)).toEqual([]);
  }, 120_000);

  test("the worker killed with SIGKILL: its stale lock is taken over and what it left mid-swap is undone by the next run", async () => {
    const dir = snapshotCopy();
    const before = treeDigest(dir)!;
    const { run, holder } = await hangingCapture(dir);
    process.kill(holder, "SIGKILL");
    const result = await run.done;
    expect(result.signal).toBe("SIGKILL"); // npm ends the way its script did
    expect(treeDigest(dir)).toEqual(before);
    expect(besides(dir)).toEqual([path.basename(lockPath(dir))]);
    // What a kill between the two renames of a swap leaves: the previous folder set aside, the new one staged.
    renameSync(dir, asidePath(dir, holder));
    mkdirSync(stagingPath(dir, holder));
    writeFileSync(path.join(stagingPath(dir, holder), "price.json"), '{"meta": {"dataset": "pri');

    const rerun = await npmRun(["snapshot", "--", "--fact-check-only"], projectRoot, captureEnv(dir)).done;
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toContain(`took over ${lockPath(dir)}: pid ${holder} that held it no longer runs`);
    expect(rerun.stderr).toContain(`put back ${dir} from ${asidePath(dir, holder)}, set aside by a run that was killed mid-swap (pid ${holder})`);
    expect(rerun.stderr).toContain(`removed ${stagingPath(dir, holder)}, left by a run that was killed (pid ${holder})`);
    expect(rerun.stdout).toContain(`wrote ${path.join(dir, "fact-check.json")}`);
    // The fact-check is recomputed from the previous capture, which is otherwise unchanged.
    expect(without(treeDigest(dir)!, "fact-check.json")).toEqual(without(before, "fact-check.json"));
    expect(besides(dir)).toEqual([]);
  }, 120_000);

  test("the first capture into a folder that does not exist yet creates it whole", async () => {
    const dir = path.join(scratch("first"), "snapshot");
    const result = await npmRun(["snapshot"], projectRoot, captureEnv(dir)).done;
    expect(result.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(DATASETS.map((name) => `${name}.json`).sort());
    expect(besides(dir)).toEqual([]);
  }, 120_000);
});

describe("the public extracts' import", () => {
  const COMMIT = "0123456789abcdef0123456789abcdef01234567";
  const NO_SUCH_PID = 999_999_999; // above Linux's pid_max: never a running process

  function publicCopy(): string {
    const dir = path.join(scratch("import"), "public");
    cpSync(path.join(projectRoot, "data", "public"), dir, { recursive: true });
    return dir;
  }
  const runImport = (dir: string) =>
    npmRun(["import", "--", "btc-dvol-1h", "test/fixtures/public/btc-dvol-1h.csv", "--commit", COMMIT], projectRoot, { REPORT_PUBLIC_DIR: dir }).done;

  test("an import while another holds the lock exits 1 naming the lock and its holder; nothing is written", async () => {
    const dir = publicCopy();
    const before = treeDigest(dir);
    writeFileSync(lockPath(dir), `${JSON.stringify({ pid: process.pid, started: "2026-03-02T10:00:00.000Z", purpose: "npm run import" })}\n`);
    const result = await runImport(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${lockPath(dir)} is held by pid ${process.pid}, a npm run import started 2026-03-02T10:00:00.000Z`);
    expect(result.stderr).toContain("nothing was written");
    expect(treeDigest(dir)).toEqual(before);
    rmSync(lockPath(dir));
  }, 120_000);

  test("what a killed import left is cleared by the next: stale lock, staging folder, half-written *.tmp", async () => {
    const dir = publicCopy();
    const before = treeDigest(dir)!;
    writeFileSync(lockPath(dir), `${JSON.stringify({ pid: NO_SUCH_PID, started: "2026-03-02T10:00:00.000Z", purpose: "npm run import" })}\n`);
    mkdirSync(stagingPath(dir, NO_SUCH_PID));
    writeFileSync(path.join(stagingPath(dir, NO_SUCH_PID), "provenance.csv"), "series,fi");
    writeFileSync(path.join(dir, "btc-dvol-1h.csv.4242.9f3a1c2e.tmp"), "time,dvol\n2025-10-01T00:00:00Z,36.");
    const result = await runImport(dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`took over ${lockPath(dir)}: pid ${NO_SUCH_PID} that held it no longer runs`);
    expect(result.stderr).toContain(`removed ${stagingPath(dir, NO_SUCH_PID)}, left by a run that was killed (pid ${NO_SUCH_PID})`);
    // The extract and its provenance row are replaced; every other file is carried over byte
    // for byte, and the half-written file is gone.
    const after = treeDigest(dir)!;
    expect(without(after, "btc-dvol-1h.csv", "provenance.csv")).toEqual(without(before, "btc-dvol-1h.csv", "provenance.csv"));
    expect(after["btc-dvol-1h.csv"]).not.toBe(before["btc-dvol-1h.csv"]);
    expect(besides(dir)).toEqual([]);
  }, 120_000);
});

describe("git", () => {
  test("ignores the lock, the staging and set-aside folders and *.tmp files, so `git add data/snapshot` stages none of them", () => {
    const snapshot = path.join(projectRoot, "data", "snapshot");
    const temporary = [lockPath(snapshot), stagingPath(snapshot), path.join(asidePath(snapshot), "price.json"), path.join(snapshot, "price.json.4242.9f3a1c2e.tmp"), stagingPath(path.join(projectRoot, "dist"))];
    const ignored = execFileSync("git", ["check-ignore", ...temporary], { cwd: projectRoot, encoding: "utf8" });
    expect(ignored.trim().split("\n")).toEqual(temporary);
    expect(() => execFileSync("git", ["check-ignore", path.join(snapshot, "price.json")], { cwd: projectRoot })).toThrow();
  });
});

describe("the folder swap", () => {
  function folder(): { target: string; before: Record<string, string> } {
    const target = path.join(scratch("swap"), "dist");
    mkdirSync(path.join(target, "_file"), { recursive: true });
    writeFileSync(path.join(target, "index.html"), "<p>the previous build</p>\n");
    writeFileSync(path.join(target, "_file", "data.json"), "[1]\n");
    return { target, before: treeDigest(target)! };
  }
  function staged(target: string): string {
    const dir = stagingPath(target);
    mkdirSync(dir);
    writeFileSync(path.join(dir, "index.html"), "<p>the new build</p>\n");
    return dir;
  }
  /** Renames that fail on the given calls (1-based), as a full disk or a busy folder would. */
  const failingRenames = (...failing: number[]) => {
    let call = 0;
    return {
      rename(from: string, to: string) {
        if (failing.includes(++call)) throw new Error(`EBUSY: resource busy or locked, rename '${from}' -> '${to}'`);
        renameSync(from, to);
      },
    };
  };

  test("setting the old folder aside fails: the error names the folder, which is unchanged; the staging folder is removed", () => {
    const { target, before } = folder();
    expect(() => swapIn(staged(target), target, failingRenames(1))).toThrow(`could not replace ${target}: EBUSY: resource busy or locked, rename '${target}'`);
    expect(treeDigest(target)).toEqual(before);
    expect(besides(target)).toEqual([]);
  });

  test("moving the new folder in fails: the old one is put back", () => {
    const { target, before } = folder();
    expect(() => swapIn(staged(target), target, failingRenames(2))).toThrow(new RegExp(`^could not replace ${target}: EBUSY.*; ${target} is unchanged$`));
    expect(treeDigest(target)).toEqual(before);
    expect(besides(target)).toEqual([]);
  });

  test("putting the old one back fails too: the error says where it is, and the next run puts it back", () => {
    const { target, before } = folder();
    expect(() => swapIn(staged(target), target, failingRenames(2, 3))).toThrow(
      `It is intact in ${asidePath(target)}: rename that folder to ${target}`,
    );
    expect(existsSync(target)).toBe(false);
    expect(treeDigest(asidePath(target))).toEqual(before);
    // The next run is another process, to which this one is a process that has ended.
    const left = asidePath(target, 999_999_999);
    renameSync(asidePath(target), left);
    expect(removeLeftovers(target, () => false)).toEqual([`put back ${target} from ${left}, set aside by a run that was killed mid-swap (pid 999999999)`]);
    expect(treeDigest(target)).toEqual(before);
    expect(besides(target)).toEqual([]);
  });

  test("a file that cannot be written leaves the folder unchanged and names it", () => {
    const { target, before } = folder();
    expect(() => replaceFiles(target, [{ name: "missing-folder/x.json", content: "{}" }])).toThrow(
      new RegExp(`^could not write the new ${target} in ${stagingPath(target)}: ENOENT.*; ${target} is unchanged$`),
    );
    expect(treeDigest(target)).toEqual(before);
    expect(besides(target)).toEqual([]);
  });
});

describe("the build", () => {
  let project: TempProject;
  let dist: string;
  let before: Record<string, string>;

  beforeAll(() => {
    project = makeTempProject();
    // A stand-in for the previous build: the test only has to show it is left alone.
    dist = path.join(project.dir, "dist");
    mkdirSync(path.join(dist, "_file"), { recursive: true });
    writeFileSync(path.join(dist, "index.html"), "<p>the previous build</p>\n");
    writeFileSync(path.join(dist, "_file", "data.json"), "[1]\n");
    before = treeDigest(dist)!;
  });
  afterAll(() => project?.remove());

  test("a data loader that fails after Framework has started: exit 1, the loader named, dist/ unchanged, no staging left", async () => {
    const page = path.join(project.dir, "src", "broken.md");
    const loader = path.join(project.dir, "src", "data", "broken.json.ts");
    writeFileSync(loader, 'process.stderr.write("broken.json: the upstream file is cut off\\n");\nprocess.exit(1);\n');
    writeFileSync(page, '# Broken\n\n```js\nconst rows = FileAttachment("data/broken.json").json();\n```\n');
    try {
      const result = await npmRun(["build"], project.dir).done;
      // Framework colours its output where it thinks a terminal reads it, as under CI=true.
      const [stdout, stderr] = [result.stdout, result.stderr].map((text) => text.replace(/\x1b\[[0-9;]*m/g, ""));
      const output = `stdout:\n${stdout}\nstderr:\n${stderr}`;
      expect(result.code, output).toBe(1);
      expect(stdout, output).toContain("load /data/broken.json");
      expect(stderr).toContain("broken.json: the upstream file is cut off");
      expect(stderr).toContain("Unexpected error: loader exited with code 1");
      expect(stderr).toContain("build failed (Framework exited with code 1): dist/ is unchanged");
      expect(treeDigest(dist)).toEqual(before);
      expect(besides(dist)).toEqual([]);
    } finally {
      rmSync(page);
      rmSync(loader);
    }
  }, 240_000);

  test("a build stopped with SIGTERM while Framework writes: no process of it survives, dist/ unchanged, no staging left", async () => {
    const run = track(npmRun(["build"], project.dir));
    await until(() => besides(dist).some((name) => name.endsWith(".new.tmp")), `Framework to start writing (${run.output()})`, 180_000);
    const started = descendants(run.child.pid!);
    process.kill(run.child.pid!, "SIGTERM");
    const result = await run.done;
    expect(result.signal).toBe("SIGTERM");
    expect(result.stderr).toContain("build failed (Framework stopped by SIGTERM): dist/ is unchanged");
    await until(() => survivors(run, started).length === 0, "every process of the build to end", 15_000).catch(() => {});
    expect(survivors(run, started)).toEqual([]);
    expect(treeDigest(dist)).toEqual(before);
    expect(besides(dist)).toEqual([]);
  }, 240_000);
});
