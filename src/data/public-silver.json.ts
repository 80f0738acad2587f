// Silver futures (Yahoo Finance SI=F), one row per trading session: open, high, low, close in USD (PublicDataset).
import { publicDataset } from "../lib/public/dataset.ts";

process.stdout.write(JSON.stringify(publicDataset("silver-yahoo-1d")));
