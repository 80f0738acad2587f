// Market dataset "fact-check": ledger claims beside computed values, read from the snapshot
// (data/snapshot/fact-check.json), or computed from live data with REPORT_LIVE=1.
import { loadLedger } from "../lib/ledger/load.ts";
import { printDataset } from "../lib/snapshot/loader.ts";

await printDataset("fact-check", { claims: () => loadLedger().claims });
