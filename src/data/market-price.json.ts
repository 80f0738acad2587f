// Market dataset "price": read from the snapshot (data/snapshot/price.json), or fetched live with REPORT_LIVE=1.
import { printDataset } from "../lib/snapshot/loader.ts";

await printDataset("price");
