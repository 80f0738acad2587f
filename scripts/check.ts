// Validate the claims ledger (and its quotes, when the articles are present), then the snapshot
// and public-data files. Run by `npm run check` and before every build: any issue stops the build.
import { checkDataFiles } from "../src/lib/dataFiles.ts";
import { checkLedger, LedgerError } from "../src/lib/ledger/load.ts";
import { DataError } from "../src/lib/public/extract.ts";
import { formatIssue } from "../src/lib/ledger/errors.ts";
import { DEFAULT_SEEDS_DIR } from "../src/lib/ledger/paths.ts";

function main(): number {
  let result;
  try {
    result = checkLedger();
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    console.error(error.message);
    return 1;
  }
  const { ledger, issues, quotesChecked } = result;
  if (issues.length > 0) {
    for (const issue of issues) console.error(formatIssue(issue));
    console.error(`ledger check failed: ${issues.length} issue(s)`);
    return 1;
  }
  const quotes = quotesChecked ? "quotes verified" : `quotes not verified: ${DEFAULT_SEEDS_DIR} is absent`;
  console.log(
    `ledger ok: ${ledger.claims.length} claims, ${ledger.sources.length} sources, ${ledger.conflicts.length} conflicts (${quotes})`,
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
