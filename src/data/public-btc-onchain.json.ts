// Bitcoin price, MVRV, realized price and exchange flows per UTC day from Coin Metrics (OnchainDataset).
import { onchainDataset } from "../lib/public/onchain.ts";

process.stdout.write(JSON.stringify(onchainDataset()));
