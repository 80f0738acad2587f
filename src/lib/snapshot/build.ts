// Each dataset: which inputs it needs, how its rows are computed, and the method its meta
// states. Building fetches through MarketInputs; the arithmetic lives in rows.ts and metrics/.

import type { EndpointUse } from "../live/http.ts";
import type { Candle } from "../metrics/candles.ts";
import { factCheckRows, type CheckableClaim, type FactCheckInputs } from "../metrics/factCheck.ts";
import { pricePathStats } from "../metrics/pricePath.ts";
import { Rr25Accumulator } from "../metrics/rr25.ts";
import type { MarketInputs } from "./inputs.ts";
import {
  basisRows,
  difficultyAdjustmentRows,
  dvolRows,
  fundingRows,
  macroRows,
  miningRows,
  priceRows,
  volumeProfileRows,
} from "./rows.ts";
import type { DatasetName, SnapshotFile } from "./store.ts";

export type MarketDataset = Exclude<DatasetName, "fact-check">;

export interface BuiltDataset {
  rows: unknown[];
  uses: EndpointUse[];
  method: string;
  summary?: unknown;
}

type Builder = (inputs: MarketInputs) => Promise<BuiltDataset>;

export const BUILDERS: Record<MarketDataset, Builder> = {
  async price(inputs) {
    const spot = await inputs.spotHourly();
    return {
      rows: priceRows(spot.data),
      uses: spot.uses,
      method: "Coinbase Exchange BTC-USD hourly candles. Summary: the largest peak-to-trough fall over the window and the highest high within 24 hours after its trough.",
      summary: pricePathStats(spot.data),
    };
  },
  async "options-skew"(inputs) {
    const [trades, future, spot] = await Promise.all([inputs.optionTrades(), inputs.futureCandles(), inputs.spotHourly()]);
    const { name, expiryMs } = inputs.quarterlyFuture;
    const basis = basisRows(name, expiryMs, future.data, spot.data).map((row) => ({ date: row.date, expiryMs, annualized: row.basis_pct / 100 }));
    const accumulator = new Rr25Accumulator(basis);
    for (const trade of trades.data) accumulator.add(trade);
    return {
      rows: accumulator.rows(),
      uses: [...trades.uses, ...future.uses, ...spot.uses],
      method: rr25Method(name),
    };
  },
  async basis(inputs) {
    const [future, spot] = await Promise.all([inputs.futureCandles(), inputs.spotHourly()]);
    const { name, expiryMs } = inputs.quarterlyFuture;
    return {
      rows: basisRows(name, expiryMs, future.data, spot.data),
      uses: [...future.uses, ...spot.uses],
      method: `Annualized basis = (F / S - 1) × 365 / days to expiry, with F the daily close of Deribit ${name}, S the Coinbase BTC-USD close of the same UTC day, and days counted from the end of that day to the 08:00 UTC expiry.`,
    };
  },
  async funding(inputs) {
    const funding = await inputs.funding();
    return {
      rows: fundingRows(funding.data),
      uses: funding.uses,
      method: "Deribit BTC-PERPETUAL funding history, hourly. APR = 8-hour rate × 3 × 365.",
    };
  },
  async dvol(inputs) {
    const dvol = await inputs.dvol();
    return { rows: dvolRows(dvol.data), uses: dvol.uses, method: "Deribit BTC DVOL index, hourly candles." };
  },
  async mining(inputs) {
    const [mining, spot] = await Promise.all([inputs.mining(), inputs.spotHourly()]);
    return {
      rows: miningRows(mining.data, spot.data),
      uses: [...mining.uses, ...spot.uses],
      method:
        "Hashprice (USD per PH/s per day) = blocks per day × (subsidy + fees per block) × price / hashrate in PH/s, per UTC day: mempool.space hashrate and average block reward, blocks per day from the change in block height, price the mean of Coinbase hourly closes. Summary: difficulty adjustments.",
      summary: { difficultyAdjustments: difficultyAdjustmentRows(mining.data) },
    };
  },
  async macro(inputs) {
    const macro = await inputs.macro();
    return {
      rows: macroRows(macro.data),
      uses: macro.uses,
      method: "FRED daily series (SP500, NASDAQCOM, DJIA, DTWEXBGS, CBBTCUSD); change_pct is against the previous observation. Days FRED marks as missing are left out.",
    };
  },
  async "volume-profile"(inputs) {
    const spot = await inputs.spotHourly();
    const { rows, summary } = volumeProfileRows(spot.data);
    return {
      rows,
      uses: spot.uses,
      method: `Volume by price from Coinbase BTC-USD hourly candles in $${summary.bin_usd} bins, each candle's volume spread evenly over its low-high range. The band is the contiguous run of bins, grown from the heaviest bin inside the rebound's price range, that holds ${summary.band_share * 100}% of that range's volume: an exchange-volume proxy for the on-chain absorption cluster, not the same measure.`,
      summary,
    };
  },
};

/** The options-skew method, naming the future whose basis gives each expiry's forward. */
function rr25Method(future: string): string {
  return [
    "RR25 = IV(25-delta call) - IV(25-delta put) in vol points, per UTC day at constant 7- and 30-day maturity, from every Deribit BTC option trade.",
    `Forward: Deribit quotes implied volatility against each expiry's forward, so a trade's forward is its index price × (1 + b × years to its expiry), b being that UTC day's annualized basis of ${future} (the basis dataset): the premium over the index grows in step with time to expiry from zero for an expiry now, so every expiry carries that future's annualized basis. A day without a basis reading has no row.`,
    "Delta: Black-76 (r = 0) from the trade's own IV, that forward and the time to the 08:00 UTC expiry; trades less than a day from expiry are left out; a put's delta + 1 puts the 25-delta put at 0.75 on the call's scale.",
    "Per expiry: the IV at delta 0.25 and at 0.75 from an amount-weighted least-squares parabola in delta over the trades within ±0.10 of each target, only when trades sit on both sides of it; a straight line where the deltas are too few or too bunched for the parabola's value at the target to vary less than ten times as much as the trades' mean IV. Each delta comes from the trade's own IV, so the value at 0.25 is the IV of the strike whose delta at that IV is 0.25.",
    "Across expiries: linear in total variance (IV² × years) between the two expiries bracketing the maturity. No extrapolation: a day without bracketing trades or expiries has no row.",
  ].join(" ");
}

export const FACT_CHECK_METHOD =
  "Each dated ledger claim with a computable counterpart, beside the value computed from the other market datasets and the difference (computed - claimed, in the claim's unit); a claim given only as a bound is compared with that bound. Skew: RR25 at the claim's tenor, else 7 days for rr25 readings and 30 days for put_minus_call readings, which are compared with the computed RR25 after a sign flip: the same kind of measure quoted the other way round, at a tenor the articles do not print. Basis and hashprice use the latest reading up to three days before the claim's date.";

/** The datasets the fact-check reads. */
export const FACT_CHECK_INPUTS = ["price", "basis", "options-skew", "mining", "macro"] as const satisfies readonly MarketDataset[];

export function buildFactCheck(
  claims: readonly CheckableClaim[],
  files: Record<(typeof FACT_CHECK_INPUTS)[number], SnapshotFile | null>,
): { rows: unknown[]; uses: EndpointUse[] } {
  const rowsOf = <T>(file: SnapshotFile | null) => (file ? (file.rows as T[]) : undefined);
  const price = rowsOf<{ time: string } & Omit<Candle, "time">>(files.price);
  const summary = files.mining?.meta.summary as { difficultyAdjustments?: FactCheckInputs["adjustments"] } | undefined;
  const inputs: FactCheckInputs = {
    price: price?.map((row) => ({ ...row, time: Date.parse(row.time) })),
    basis: rowsOf(files.basis),
    skew: rowsOf(files["options-skew"]),
    mining: rowsOf(files.mining),
    adjustments: summary?.difficultyAdjustments,
    macro: rowsOf(files.macro),
  };
  const uses = FACT_CHECK_INPUTS.flatMap((name) => files[name]?.meta.sources ?? []);
  return { rows: factCheckRows(claims, inputs), uses };
}
