// Cross-checks between independent public sources of one quantity: AgreementDataset (see src/lib/public/agreementDataset.ts).
import { agreementDataset } from "../lib/public/agreementDataset.ts";

process.stdout.write(JSON.stringify(agreementDataset()));
