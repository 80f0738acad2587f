// Market dataset "mining": read from the snapshot (data/snapshot/mining.json), or fetched live with REPORT_LIVE=1.
import { printDataset } from "../lib/snapshot/loader.ts";

await printDataset("mining");
