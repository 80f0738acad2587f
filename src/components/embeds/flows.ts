// What the Flows charts share: Farside's reported flows and the on-chain extract's days.
import type { OnchainDataset } from "../../lib/public/onchain.js";
import { dayRange, daysOf } from "./options.js";

/** Farside's two daily figures and the month-to-date total, as on Flows. */
export const ETF_FLOWS = ["btc-etf-flow-2026-02-04", "btc-etf-flow-2026-02-05", "btc-etf-flow-month-to-date-2026-02-05"];

export const onchainRange = (doc: string) => dayRange(doc, (data: { onchain: OnchainDataset }) => daysOf(data.onchain.rows), "all");

export const onchainRows = (onchain: OnchainDataset, { from, to }: { from: string; to: string }) => ({ ...onchain, rows: onchain.rows.filter((row) => row.date >= from && row.date <= to) });
