// Validate the claims ledger (its figures, and its quotes when the articles are present), the
// committed files that cite its claims, then the snapshot and public-data files. Run by
// `npm run check` and before every build: any issue stops the build.
import { existsSync } from "node:fs";
import path from "node:path";
import { checkDataFiles } from "../src/lib/dataFiles.ts";
import { citingFiles, findCitationIssues } from "../src/lib/ledger/citations.ts";
import { DataError } from "../src/lib/public/extract.ts";
import { formatIssue } from "../src/lib/ledger/errors.ts";
import { checkLedger, LedgerError } from "../src/lib/ledger/load.ts";
import { DEFAULT_DATA_DIR, DEFAULT_SEEDS_DIR, displayPath } from "../src/lib/ledger/paths.ts";
import { snapshotDir } from "../src/lib/snapshot/store.ts";

function main(): number {
  let result;
  try {
    result = checkLedger();
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    console.error(error.message);
    return 1;
  }
  const { ledger, quotesChecked } = result;
  const citing = citingFiles(DEFAULT_DATA_DIR, snapshotDir());
  const issues = [...result.issues, ...findCitationIssues(ledger, { ...citing, claimsFile: displayPath(path.join(DEFAULT_DATA_DIR, "claims.csv")) })];
  if (issues.length > 0) {
    for (const issue of issues) console.error(formatIssue(issue));
    console.error(`ledger check failed: ${issues.length} issue(s)`);
    return 1;
  }
  const quotes = quotesChecked ? "quotes verified" : `quotes not verified: ${DEFAULT_SEEDS_DIR} is absent`;
  const cited = Object.values(citing).map((file) => `${displayPath(file)}${existsSync(file) ? "" : " (absent)"}`);
  console.log(
    `ledger ok: ${ledger.claims.length} claims, ${ledger.sources.length} sources, ${ledger.conflicts.length} conflicts (${quotes}; claim ids cited in ${cited.join(" and ")} checked)`,
  );
  try {
    const { snapshots, extracts } = checkDataFiles();
    console.log(`data ok: ${snapshots} snapshot file(s), ${extracts} public extracts`);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    console.error(`${error.message}\ndata check failed: nothing was built`);
    return 1;
  }
  return 0;
}

process.exitCode = main();
