// Groups of claims that describe one quantity differently, with the reconciliation:
// Conflict[] (see src/lib/ledger/types.ts); join claimIds with claims.json by id.
import { loadLedger } from "../lib/ledger/load.ts";

process.stdout.write(JSON.stringify(loadLedger().conflicts));
