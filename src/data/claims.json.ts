// Every ledger figure with its source attached: CitedClaim[] (see src/lib/ledger/types.ts).
import { loadLedger } from "../lib/ledger/load.ts";

process.stdout.write(JSON.stringify(loadLedger().claims));
