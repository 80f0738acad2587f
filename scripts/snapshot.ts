// npm run snapshot                      fetch every source and rewrite data/snapshot/ (or REPORT_SNAPSHOT_DIR)
// npm run snapshot -- --fact-check-only recompute fact-check.json from the snapshot on disk and the ledger; no network
// One run at a time (data/.snapshot.lock); the folder is replaced whole, and a stopped run leaves it as it was.
import { rmSync } from "node:fs";
import { acquireLock } from "../src/lib/files/lock.ts";
import { onStop } from "../src/lib/files/onStop.ts";
import { removeLeftovers, stagingPath } from "../src/lib/files/replaceFolder.ts";
import { loadLedger } from "../src/lib/ledger/load.ts";
import { displayPath } from "../src/lib/ledger/paths.ts";
import { captureSnapshot, recomputeFactCheck } from "../src/lib/snapshot/capture.ts";
import { snapshotDir } from "../src/lib/snapshot/store.ts";

const claims = () => loadLedger().claims;
const factCheckOnly = process.argv.includes("--fact-check-only");
const dir = snapshotDir();

let lock;
try {
  lock = acquireLock(dir, factCheckOnly ? "npm run snapshot -- --fact-check-only" : "npm run snapshot");
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const { release } = lock;
process.on("exit", release);
onStop((signal) => {
  rmSync(stagingPath(dir), { recursive: true, force: true });
  release();
  console.error(`stopped by ${signal}: ${displayPath(dir)} has no partial write, and ${displayPath(lock.file)} is released`);
});
if (lock.tookOver) console.error(lock.tookOver);
for (const line of removeLeftovers(dir)) console.error(line);

if (factCheckOnly) {
  console.log(`wrote ${recomputeFactCheck(claims())}`);
} else {
  const { written, failures, sourceErrors } = await captureSnapshot({ claims });
  for (const dataset of written) console.log(`wrote ${dataset}.json`);
  for (const { dataset, error } of failures) console.error(`not built: ${dataset}.json: ${error.message}`);
  for (const error of sourceErrors) console.error(`FAILED ${error.source} ${error.endpoint}: ${error.reason}`);
  if (failures.length > 0) {
    console.error(`nothing was written: ${displayPath(dir)} is as it was`);
    process.exitCode = 1;
  } else {
    console.log(`snapshot directory: ${dir}`);
  }
}
