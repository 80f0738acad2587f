// Alternative.me Crypto Fear & Greed Index, one reading per UTC day (PublicDataset, rows {date, fear_greed}).
import { publicDataset } from "../lib/public/dataset.ts";

process.stdout.write(JSON.stringify(publicDataset("fear-greed-1d")));
