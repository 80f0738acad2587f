// Bitcoin's realized price and exchange flows from the Coin Metrics daily extract.
import * as aq from "arquero";
import type { ExtractRow } from "./extract.ts";
import { publicRows, publicSource, type PublicSource } from "./load.ts";

export interface OnchainRow {
  date: string;
  price_usd: number | null;
  mvrv: number | null;
  /** Market value over realized value is price over realized price, so realized price = price / MVRV. */
  realized_price_usd: number | null;
  /** Coins sent to exchanges minus coins withdrawn, BTC that day: positive = net deposits. */
  exchange_net_flow_btc: number | null;
  exchange_supply_btc: number | null;
}

export interface OnchainDataset {
  source: PublicSource;
  rows: OnchainRow[];
}

/** A derived value is null wherever one of its inputs is (a gap stays a gap). */
export function onchainRows(rows: readonly ExtractRow[]): OnchainRow[] {
  return aq
    .from(rows.map(({ date, price_usd, mvrv, exchange_inflow_btc, exchange_outflow_btc, exchange_supply_btc }) => ({ date, price_usd, mvrv, exchange_inflow_btc, exchange_outflow_btc, exchange_supply_btc })))
    // Expressions as strings: Arquero parses them itself, and a transpiler must not rewrite them.
    .derive({
      realized_price_usd: "d => d.price_usd != null && d.mvrv != null ? d.price_usd / d.mvrv : null",
      exchange_net_flow_btc: "d => d.exchange_inflow_btc != null && d.exchange_outflow_btc != null ? d.exchange_inflow_btc - d.exchange_outflow_btc : null"
    })
    .select("date", "price_usd", "mvrv", "realized_price_usd", "exchange_net_flow_btc", "exchange_supply_btc")
    .objects() as OnchainRow[];
}

/** What src/data/public-btc-onchain.json.ts emits. */
export function onchainDataset(): OnchainDataset {
  const id = "btc-coinmetrics-1d";
  return { source: publicSource(id), rows: onchainRows(publicRows(id)) };
}
