// Market dataset "macro": read from the snapshot (data/snapshot/macro.json), or fetched live with REPORT_LIVE=1.
import { printDataset } from "../lib/snapshot/loader.ts";

await printDataset("macro");
