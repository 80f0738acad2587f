// npm run snapshot                      fetch every source and rewrite data/snapshot/ (or REPORT_SNAPSHOT_DIR)
// npm run snapshot -- --fact-check-only recompute fact-check.json from the snapshot on disk and the ledger; no network
import { loadLedger } from "../src/lib/ledger/load.ts";
import { captureSnapshot, recomputeFactCheck } from "../src/lib/snapshot/capture.ts";

const claims = () => loadLedger().claims;

if (process.argv.includes("--fact-check-only")) {
  console.log(`wrote ${recomputeFactCheck(claims())}`);
} else {
  const { dir, written, failures, sourceErrors } = await captureSnapshot({ claims });
  for (const dataset of written) console.log(`wrote ${dataset}.json`);
  for (const { dataset, error } of failures) console.error(`kept the previous ${dataset}.json (if any): ${error.message}`);
  for (const error of sourceErrors) console.error(`FAILED ${error.source} ${error.endpoint}: ${error.reason}`);
  console.log(`snapshot directory: ${dir}`);
  if (failures.length > 0) process.exitCode = 1;
}
