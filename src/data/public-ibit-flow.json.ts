// IBIT daily net flow ESTIMATED from shares outstanding, per trading day (PublicDataset, rows {date, flow_usd_estimate}).
import { publicDataset } from "../lib/public/dataset.ts";

process.stdout.write(JSON.stringify(publicDataset("ibit-flow-estimate-1d")));
