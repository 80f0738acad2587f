// What every src/data/market-*.json.ts loader prints. A normal build reads the snapshot and
// never touches the network; without a snapshot file it computes the dataset from the committed
// public extracts (data/public/) where those hold its inputs. REPORT_LIVE=1 fetches live and
// falls back, with a warning on stderr, for each dataset whose fetch fails.

import { HttpClient } from "../live/http.ts";
import { eventWindow, PUBLIC_WINDOW } from "../window.ts";
import { PUBLIC_BUILDERS, type PublicDataset, type PublicDatasetName } from "../public/datasets.ts";
import { publicDir, readProvenance } from "../public/store.ts";
import { publicFactCheck } from "../public/factCheck.ts";
import { BUILDERS, buildFactCheck, FACT_CHECK_INPUTS, FACT_CHECK_METHOD } from "./build.ts";
import { snapshotFile } from "./capture.ts";
import { MarketInputs } from "./inputs.ts";
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
  /** Needed for the fact-check in live mode. */
  claims?: () => readonly CheckableClaim[];
}

export async function datasetOutput(dataset: DatasetName, { env = process.env, warn = console.warn, claims }: LoaderOptions = {}): Promise<DatasetOutput> {
  if (env.REPORT_LIVE === "1") {
    try {
      return fromFile(await liveFile(dataset, env, claims), "live");
    } catch (error) {
      warn(`[${dataset}] live fetch failed, using the snapshot instead: ${(error as Error).message}`);
    }
  }
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

function fromFile(file: SnapshotFile, mode: "snapshot" | "live"): DatasetOutput {
  return { dataset: file.meta.dataset, mode, asOf: file.meta.fetchedAt, meta: file.meta, rows: file.rows };
}

async function liveFile(dataset: DatasetName, env: NodeJS.ProcessEnv, claims?: () => readonly CheckableClaim[]): Promise<SnapshotFile> {
  const window = eventWindow(env);
  const fetchedAt = new Date().toISOString();
  const inputs = new MarketInputs(new HttpClient(), window, env);
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
