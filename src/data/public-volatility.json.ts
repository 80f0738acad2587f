// Hourly BTC price, Deribit DVOL and 7-day realized volatility, with daily funding APR (see src/lib/public/volatility.ts).
import { publicVolatility } from "../lib/public/volatility.ts";

process.stdout.write(JSON.stringify(publicVolatility()));
