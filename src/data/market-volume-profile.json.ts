// Market dataset "volume-profile": read from the snapshot (data/snapshot/volume-profile.json), or fetched live with REPORT_LIVE=1.
import { printDataset } from "../lib/snapshot/loader.ts";

await printDataset("volume-profile");
