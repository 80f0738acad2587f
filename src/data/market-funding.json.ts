// Market dataset "funding": read from the snapshot (data/snapshot/funding.json), or fetched live with REPORT_LIVE=1.
import { printDataset } from "../lib/snapshot/loader.ts";

await printDataset("funding");
