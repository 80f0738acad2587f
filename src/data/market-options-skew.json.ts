// Market dataset "options-skew": read from the snapshot (data/snapshot/options-skew.json), or fetched live with REPORT_LIVE=1.
import { printDataset } from "../lib/snapshot/loader.ts";

await printDataset("options-skew");
