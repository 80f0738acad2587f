// Market dataset "basis": read from the snapshot (data/snapshot/basis.json), or fetched live with REPORT_LIVE=1.
import { printDataset } from "../lib/snapshot/loader.ts";

await printDataset("basis");
