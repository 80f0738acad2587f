// `npm run snapshot`: fetch every source for the event window within the capture deadline,
// printing progress as pages arrive, and compute every dataset. The snapshot is replaced only
// when every dataset was built: one failed source leaves every file as it was, so a snapshot
// never mixes two captures.

import { CAPTURE_DEADLINE, deadlineFrom } from "../live/deadline.ts";
import { HttpClient, printProgress, SourceError, type EndpointUse } from "../live/http.ts";
import type { CheckableClaim } from "../metrics/factCheck.ts";
import { eventWindow, type EventWindow } from "../window.ts";
import { BUILDERS, buildFactCheck, FACT_CHECK_INPUTS, FACT_CHECK_METHOD, type BuiltDataset, type MarketDataset } from "./build.ts";
import { codeVersion } from "./codeVersion.ts";
import { MarketInputs } from "./inputs.ts";
import { validateSnapshot } from "./schema.ts";
import { readSnapshot, snapshotDir, snapshotPath, writeSnapshotAtomic, type DatasetName, type SnapshotFile } from "./store.ts";

export interface CaptureOptions {
  env?: NodeJS.ProcessEnv;
  /** Its policy, host limits and sleep are used; the run gets the capture's deadline and progress. */
  client?: HttpClient;
  now?: () => number;
  /** Progress lines as pages arrive; default: stderr. */
  progress?: (line: string) => void;
  /** The ledger's claims, read only when the fact-check can be built. */
  claims: () => readonly CheckableClaim[];
}

export interface DatasetFailure {
  dataset: DatasetName;
  error: Error;
}

export interface CaptureResult {
  dir: string;
  written: DatasetName[];
  failures: DatasetFailure[];
  /** Every failed fetch, once per source and endpoint. */
  sourceErrors: SourceError[];
}

export async function captureSnapshot({ env = process.env, client = new HttpClient(), now = Date.now, progress = printProgress, claims }: CaptureOptions): Promise<CaptureResult> {
  const window = eventWindow(env);
  const dir = snapshotDir(env);
  const startedAt = now();
  const fetchedAt = new Date(startedAt).toISOString();
  const deadline = deadlineFrom(CAPTURE_DEADLINE, env, startedAt);
  const inputs = new MarketInputs(client.forRun({ deadline, progress, now }), window, env, now);
  const names = Object.keys(BUILDERS) as MarketDataset[];
  const settled = await Promise.allSettled(names.map((name) => BUILDERS[name](inputs)));

  const files = new Map<DatasetName, SnapshotFile>();
  const failures: DatasetFailure[] = [];
  settled.forEach((outcome, i) => {
    const dataset = names[i]!;
    if (outcome.status === "rejected") {
      failures.push({ dataset, error: asError(outcome.reason) });
    } else if (outcome.value.rows.length === 0) {
      failures.push({ dataset, error: new Error(`${dataset}: the fetched data gave no rows`) });
    } else {
      try {
        files.set(dataset, snapshotFile(dataset, outcome.value, window, fetchedAt));
      } catch (error) {
        failures.push({ dataset, error: asError(error) });
      }
    }
  });

  if (FACT_CHECK_INPUTS.every((name) => files.has(name))) {
    try {
      const inputFiles = Object.fromEntries(FACT_CHECK_INPUTS.map((name) => [name, files.get(name) ?? null]));
      const built = buildFactCheck(claims(), inputFiles as Parameters<typeof buildFactCheck>[1]);
      files.set("fact-check", snapshotFile("fact-check", { ...built, method: FACT_CHECK_METHOD }, window, fetchedAt));
    } catch (error) {
      failures.push({ dataset: "fact-check", error: asError(error) });
    }
  } else {
    failures.push({ dataset: "fact-check", error: new Error("fact-check: not rebuilt because an input dataset failed") });
  }

  // A dataset fails on its first bad input; its other inputs are still in flight and are awaited,
  // so one run names every source that failed.
  await inputs.settled();
  const sourceErrors = uniqueSourceErrors(inputs.fetchErrors());
  // All or nothing: new prices beside an old fact-check would disagree.
  if (failures.length > 0) return { dir, written: [], failures, sourceErrors };
  writeSnapshotAtomic(dir, ...files.values());
  return { dir, written: [...files.keys()], failures, sourceErrors };
}

function uniqueSourceErrors(errors: readonly Error[]): SourceError[] {
  const byEndpoint = new Map<string, SourceError>();
  for (const error of errors) {
    if (error instanceof SourceError && !byEndpoint.has(`${error.source} ${error.endpoint}`)) byEndpoint.set(`${error.source} ${error.endpoint}`, error);
  }
  return [...byEndpoint.values()];
}

/** Rebuild only the fact-check from the snapshot already on disk and the current ledger; no network. */
export function recomputeFactCheck(claims: readonly CheckableClaim[], env: NodeJS.ProcessEnv = process.env): string {
  const dir = snapshotDir(env);
  const inputFiles = Object.fromEntries(FACT_CHECK_INPUTS.map((name) => [name, readSnapshot(dir, name)]));
  const present = Object.values(inputFiles).filter((file): file is SnapshotFile => file !== null);
  if (present.length === 0) throw new Error(`no market datasets in ${dir} to check claims against`);
  const built = buildFactCheck(claims, inputFiles as Parameters<typeof buildFactCheck>[1]);
  const fetchedAt = present.map((file) => file.meta.fetchedAt).sort()[0]!;
  writeSnapshotAtomic(dir, snapshotFile("fact-check", { ...built, method: FACT_CHECK_METHOD }, present[0]!.meta.window, fetchedAt));
  return snapshotPath(dir, "fact-check");
}

/** The dataset's file, validated against its schema (schema.ts): a bad one throws and is never written. */
export function snapshotFile(
  dataset: DatasetName,
  built: Pick<BuiltDataset, "rows" | "method" | "summary"> & { uses: EndpointUse[] },
  window: EventWindow,
  fetchedAt: string,
): SnapshotFile {
  const file: SnapshotFile = {
    meta: {
      dataset,
      fetchedAt,
      window,
      rowCount: built.rows.length,
      codeVersion: codeVersion(),
      sources: built.uses,
      method: built.method,
      ...(built.summary === undefined ? {} : { summary: built.summary }),
    },
    rows: built.rows,
  };
  return validateSnapshot(dataset, file, { file: `${dataset}.json`, window });
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
