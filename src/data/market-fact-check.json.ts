// Market dataset "fact-check": ledger claims beside computed values, read from the snapshot
// (data/snapshot/fact-check.json), computed from the public extracts, or from live data with
// REPORT_LIVE=1; plus `skipped`, the readings left out because of how their source dates them.
import { loadLedger } from "../lib/ledger/load.ts";
import { factCheckSkipped, type FactCheckRow } from "../lib/metrics/factCheck.ts";
import { datasetOutput } from "../lib/snapshot/loader.ts";

const { claims } = loadLedger();
const output = await datasetOutput("fact-check", { claims: () => claims });
process.stdout.write(JSON.stringify({ ...output, skipped: factCheckSkipped(claims, output.rows as FactCheckRow[]) }));
