// What every src/data/market-*.json.ts loader prints. A normal build reads the snapshot and
// never touches the network; without a snapshot file it computes the dataset from the committed
// public extracts (data/public/) where those hold its inputs. REPORT_LIVE=1 fetches live, each
// input once for the whole build (liveBuild.ts) within the live-build deadline, and falls back,
// with a warning on stderr, for each dataset whose fetch fails.

import { HttpClient, LIVE_BUILD_POLICY, printProgress } from "../live/http.ts";
import { eventWindow, PUBLIC_WINDOW } from "../window.ts";
import { PUBLIC_BUILDERS, type PublicDataset, type PublicDatasetName } from "../public/datasets.ts";
import { publicDir, readProvenance } from "../public/store.ts";
import { publicFactCheck } from "../public/factCheck.ts";
import { BUILDERS, buildFactCheck, FACT_CHECK_INPUTS, FACT_CHECK_METHOD } from "./build.ts";
import { snapshotFile } from "./capture.ts";
import { MarketInputs } from "./inputs.ts";
import { LiveBuild } from "./liveBuild.ts";
import { readSnapshot, snapshotDir, type DatasetMeta, type DatasetName, type SnapshotFile } from "./store.ts";
import type { CheckableClaim } from "../metrics/factCheck.ts";

export interface DatasetOutput {
  dataset: DatasetName;
  /** "public": computed at build time from the committed public extracts. */
  mode: "snapshot" | "live" | "public" | "absent";
  /** When the data was fetched (ISO 8601), null when absent or public. */
  asOf: string | null;
  meta: DatasetMeta | null;
  rows: unknown[];
}

export interface LoaderOptions {
  env?: NodeJS.ProcessEnv;
  warn?: (message: string) => void;
  /** Progress lines of the live fetch, as pages arrive. */
  progress?: (line: string) => void;
  /** Needed for the fact-check in live mode. */
  claims?: () => readonly CheckableClaim[];
}

type OfflineOutput = DatasetOutput & { mode: Exclude<DatasetOutput["mode"], "live"> };

const FALLBACK: Record<OfflineOutput["mode"], string> = {
  snapshot: "the snapshot",
  public: "the public extracts",
  absent: "nothing (no snapshot or public extract holds it)",
};

export async function datasetOutput(dataset: DatasetName, options: LoaderOptions = {}): Promise<DatasetOutput> {
  const { env = process.env, warn = console.warn } = options;
  if (env.REPORT_LIVE !== "1") return offlineOutput(dataset, env, options.claims);
  let failure: string;
  try {
    return fromFile(await liveFile(dataset, options), "live");
  } catch (error) {
    failure = (error as Error).message;
  }
  const output = offlineOutput(dataset, env, options.claims);
  warn(`[${dataset}] live fetch failed, using ${FALLBACK[output.mode]} instead: ${failure}`);
  return output;
}

function offlineOutput(dataset: DatasetName, env: NodeJS.ProcessEnv, claims?: () => readonly CheckableClaim[]): OfflineOutput {
  const file = readSnapshot(snapshotDir(env), dataset, eventWindow(env));
  if (file !== null) return fromFile(file, "snapshot");
  const built = publicDataset(dataset, publicDir(env), claims);
  if (built === null) return { dataset, mode: "absent", asOf: null, meta: null, rows: [] };
  const meta: DatasetMeta = {
    dataset,
    fetchedAt: "",
    window: PUBLIC_WINDOW,
    rowCount: built.rows.length,
    codeVersion: { version: null, commit: null },
    sources: built.uses,
    method: built.method,
    ...(built.summary === undefined ? {} : { summary: built.summary }),
  };
  return { dataset, mode: "public", asOf: null, meta, rows: built.rows };
}

/** The dataset computed from the public extracts, or null when they do not hold its inputs. */
function publicDataset(dataset: DatasetName, dir: string, claims?: () => readonly CheckableClaim[]): PublicDataset | null {
  if (readProvenance(dir).length === 0) return null;
  if (dataset === "fact-check") return claims ? publicFactCheck(claims(), dir) : null;
  return dataset in PUBLIC_BUILDERS ? PUBLIC_BUILDERS[dataset as PublicDatasetName](dir) : null;
}

export async function printDataset(dataset: DatasetName, options?: LoaderOptions): Promise<void> {
  process.stdout.write(JSON.stringify(await datasetOutput(dataset, options)));
}

function fromFile<M extends "snapshot" | "live">(file: SnapshotFile, mode: M): DatasetOutput & { mode: M } {
  return { dataset: file.meta.dataset, mode, asOf: file.meta.fetchedAt, meta: file.meta, rows: file.rows };
}

/** The dataset from this build's live inputs; the build's first live loader fetches them all and waits until they are written. */
async function liveFile(dataset: DatasetName, { env = process.env, claims, progress = printProgress }: LoaderOptions): Promise<SnapshotFile> {
  const window = eventWindow(env);
  const live = LiveBuild.open(env);
  const client = new HttpClient(LIVE_BUILD_POLICY, undefined, undefined, { deadline: live.deadline, progress });
  const inputs = new MarketInputs(client, window, env, Date.now, live);
  if (live.fetches) inputs.fetchAll();
  try {
    return await buildLive(dataset, inputs, live.fetchedAt, claims);
  } finally {
    await live.settled();
  }
}

async function buildLive(dataset: DatasetName, inputs: MarketInputs, fetchedAt: string, claims?: () => readonly CheckableClaim[]): Promise<SnapshotFile> {
  const window = inputs.window;
  if (dataset === "fact-check") {
    if (!claims) throw new Error("the claims ledger was not provided");
    const built = await Promise.all(FACT_CHECK_INPUTS.map((name) => BUILDERS[name](inputs)));
    const files = Object.fromEntries(FACT_CHECK_INPUTS.map((name, i) => [name, snapshotFile(name, built[i]!, window, fetchedAt)]));
    const factCheck = buildFactCheck(claims(), files as Parameters<typeof buildFactCheck>[1]);
    return snapshotFile(dataset, { ...factCheck, method: FACT_CHECK_METHOD }, window, fetchedAt);
  }
  const built = await BUILDERS[dataset](inputs);
  if (built.rows.length === 0) throw new Error("the fetched data gave no rows");
  return snapshotFile(dataset, built, window, fetchedAt);
}
