// Validate the claims ledger (and its quotes, when the articles are present).
// Run by `npm run check` and before every build: any issue stops the build.
import { checkLedger, LedgerError } from "../src/lib/ledger/load.ts";
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
  return 0;
}

process.exitCode = main();
