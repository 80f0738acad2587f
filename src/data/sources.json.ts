// The source articles: Source[] (see src/lib/ledger/types.ts).
import { loadLedger } from "../lib/ledger/load.ts";

process.stdout.write(JSON.stringify(loadLedger().sources));
