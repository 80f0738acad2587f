// Market dataset "dvol": read from the snapshot (data/snapshot/dvol.json), or fetched live with REPORT_LIVE=1.
import { printDataset } from "../lib/snapshot/loader.ts";

await printDataset("dvol");
