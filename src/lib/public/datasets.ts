// The market datasets the pages already draw (price, funding, dvol, mining, volume-profile and
// the fact check), computed from the committed public extracts when no API snapshot is
// captured. Row shapes are the snapshot's (src/lib/snapshot/rows.ts); what a public series
// does not hold stays null.

import * as aq from "arquero";
import { op } from "arquero";
import type { EndpointUse } from "../live/http.ts";
import type { Candle } from "../metrics/candles.ts";
import { fundingApr } from "../metrics/funding.ts";
import { pricePathStats } from "../metrics/pricePath.ts";
import { priceRows, volumeProfileRows, type DifficultyAdjustmentRow, type MacroRow, type MiningRow } from "../snapshot/rows.ts";
import type { ExtractRow } from "./extract.ts";
import { COIN_METRICS_ATTRIBUTION, publicRows, publicSource } from "./load.ts";

export interface PublicDataset {
  rows: unknown[];
  uses: EndpointUse[];
  method: string;
  summary?: unknown;
}

/** A source line as the charts print it: "<upstream> <owner/name@commit:path>". */
function uses(dir: string, ...ids: string[]): EndpointUse[] {
  return ids.map((id) => {
    const source = publicSource(id, dir);
    return { source: source.upstream, endpoint: `via ${source.mirror}`, url: "", requests: 0 };
  });
}

export function hourlyCandles(rows: readonly ExtractRow[]): Candle[] {
  return rows.map((row) => ({
    time: Date.parse(row.time as string),
    open: row.open as number,
    high: row.high as number,
    low: row.low as number,
    close: row.close as number,
    volume: row.volume as number,
  }));
}

/** The weeks before the low that the volume profile covers: from the start of January to the end of the rebound day. */
export const VOLUME_PROFILE_SPAN = { from: "2026-01-01T00:00:00Z", to: "2026-02-07T00:00:00Z" } as const;

/** Funding intervals per day on the venue the mirror's rates come from: three 8-hour intervals. */
const FUNDING_INTERVAL_HOURS = 8;

export const PUBLIC_BUILDERS = {
  price(dir: string): PublicDataset {
    const candles = hourlyCandles(publicRows("btc-yahoo-1h", dir));
    return {
      rows: priceRows(candles),
      uses: uses(dir, "btc-yahoo-1h"),
      method:
        "Yahoo Finance BTC-USD hourly candles from a public mirror; hours the mirror lacks are left as gaps. Summary: the largest peak-to-trough fall over the window and the highest high within 24 hours after its trough.",
      summary: pricePathStats(candles),
    };
  },
  funding(dir: string): PublicDataset {
    const rows = publicRows("btc-funding-1d", dir).map((row) => ({
      time: `${row.date}T00:00:00Z`,
      interest_8h: row.funding_rate as number,
      apr_pct: 100 * fundingApr(row.funding_rate as number, FUNDING_INTERVAL_HOURS),
    }));
    return {
      rows,
      uses: uses(dir, "btc-funding-1d"),
      method:
        "Daily mean of a perpetual's 8-hour funding rates, from a public mirror that does not name the venue per file (its README lists Binance among its sources). APR = daily mean 8-hour rate × 3 × 365. A daily mean can be positive on a day whose worst hours were negative.",
    };
  },
  dvol(dir: string): PublicDataset {
    const rows = publicRows("btc-dvol-1h", dir).map((row) => ({ time: row.time, close: row.dvol }));
    return { rows, uses: uses(dir, "btc-dvol-1h"), method: "Deribit DVOL (BTC 30-day implied volatility index), hourly readings from a public mirror." };
  },
  mining(dir: string): PublicDataset {
    return miningDataset(dir);
  },
  "volume-profile"(dir: string): PublicDataset {
    const from = Date.parse(VOLUME_PROFILE_SPAN.from);
    const to = Date.parse(VOLUME_PROFILE_SPAN.to);
    const candles = hourlyCandles(publicRows("btc-yahoo-1h", dir)).filter((c) => c.time >= from && c.time < to && c.volume > 0);
    const { rows, summary } = volumeProfileRows(candles);
    return {
      rows,
      uses: uses(dir, "btc-yahoo-1h"),
      method: `Volume by price from Yahoo Finance BTC-USD hourly candles (hours with a reported volume) from ${VOLUME_PROFILE_SPAN.from.slice(0, 10)} to ${VOLUME_PROFILE_SPAN.to.slice(0, 10)}, in $${summary.bin_usd} bins, each candle's volume spread evenly over its low-high range. The band is the contiguous run of bins, grown from the heaviest bin inside the rebound's price range, that holds ${summary.band_share * 100}% of that range's volume: an exchange-volume proxy for the on-chain absorption cluster, not the same measure.`,
      summary,
    };
  },
  macro(dir: string): PublicDataset {
    return macroDataset(dir);
  },
} as const;

export type PublicDatasetName = keyof typeof PUBLIC_BUILDERS;

/**
 * Hashprice per UTC day from Coin Metrics: (issuance + fees) × price / hash rate in PH/s.
 * Difficulty adjustments: the days the daily difficulty series steps, with the step's size.
 */
function miningDataset(dir: string): PublicDataset {
  const network = aq
    .from(publicRows("btc-coinmetrics-1d", dir))
    .filter((d: ExtractRow) => d.price_usd !== null && d.hashrate_ehs !== null && d.issuance_btc !== null && d.fees_btc !== null)
    .derive({
      reward_per_block_btc: (d: ExtractRow) => ((d.issuance_btc as number) + (d.fees_btc as number)) / (d.blocks as number),
      hashprice_usd_per_ph_day: (d: ExtractRow) =>
        (((d.issuance_btc as number) + (d.fees_btc as number)) * (d.price_usd as number)) / ((d.hashrate_ehs as number) * 1000),
    });
  const difficulty = aq.from(publicRows("btc-difficulty-1d", dir));
  const rows = network
    .join_left(difficulty, "date")
    .select("date", "hashrate_ehs", "difficulty", "blocks", "reward_per_block_btc", "price_usd", "hashprice_usd_per_ph_day")
    .rename({ blocks: "blocks_per_day" })
    .orderby("date")
    .objects() as unknown as MiningRow[];
  return {
    rows,
    uses: uses(dir, "btc-coinmetrics-1d", "btc-difficulty-1d"),
    method: `Hashprice (USD per PH/s per day) = (block subsidy issued + fees paid that UTC day, in BTC) × Coin Metrics' reference price / network hash rate in PH/s, all from Coin Metrics' daily network data. Difficulty adjustments: the days a public daily difficulty series steps, with the size of the step; blocks per day are Coin Metrics' block count. ${COIN_METRICS_ATTRIBUTION}`,
    summary: { difficultyAdjustments: difficultySteps(publicRows("btc-difficulty-1d", dir)) },
  };
}

/**
 * Difficulty adjustments from a daily difficulty series. The series gives each day's average,
 * so the day a retarget falls on shows a blend of the old and new values: a step is a run of
 * days whose value changes, measured from the value before the run to the value at its end.
 */
export function difficultySteps(rows: readonly ExtractRow[]): Omit<DifficultyAdjustmentRow, "height">[] {
  // The series carries float noise in its last digit (…480, …481): that is no retarget.
  const same = (a: number | undefined, b: number) => a !== undefined && Math.abs(a / b - 1) < 1e-9;
  const steps: Omit<DifficultyAdjustmentRow, "height">[] = [];
  let before: number | null = null;
  let runStart: string | null = null;
  rows.forEach((row, i) => {
    const value = row.difficulty as number;
    const previous = rows[i - 1]?.difficulty as number | undefined;
    const next = rows[i + 1]?.difficulty as number | undefined;
    if (previous !== undefined && !same(previous, value) && runStart === null) {
      before = previous;
      runStart = row.date!;
    }
    if (runStart !== null && same(next, value)) {
      steps.push({ time: `${runStart}T00:00:00Z`, difficulty: value, change_pct: 100 * (value / before! - 1) });
      runStart = null;
    }
  });
  return steps;
}

/** Yahoo Finance daily closes under the series names the fact check and the macro chart use. */
export const MACRO_EXTRACTS: Record<string, string> = {
  SP500: "sp500-yahoo-1d",
  NASDAQCOM: "nasdaq-yahoo-1d",
  DJIA: "dow-yahoo-1d",
  SOX: "sox-yahoo-1d",
  GOLD: "gold-yahoo-1d",
  SILVER: "silver-yahoo-1d",
  DXY: "dxy-yahoo-1d",
};

function macroDataset(dir: string): PublicDataset {
  const rows: (MacroRow & { low: number; high: number })[] = Object.entries(MACRO_EXTRACTS).flatMap(([series, id]) =>
    aq
      .from(publicRows(id))
      .orderby("date")
      .derive({ previous: (d: { close: number }) => op.lag(d.close, 1) })
      .derive({ change_pct: (d: { previous: number; close: number }) => (op.is_finite(d.previous) ? 100 * (d.close / d.previous - 1) : null) })
      .objects()
      .map((row) => {
        const day = row as { date: string; close: number; low: number; high: number; change_pct: number | null };
        return { date: day.date, series, value: day.close, low: day.low, high: day.high, change_pct: day.change_pct };
      }),
  );
  return {
    rows,
    uses: uses(dir, ...Object.values(MACRO_EXTRACTS)),
    method:
      "Yahoo Finance daily closes (indices ^GSPC, ^IXIC, ^DJI, ^SOX; front-month futures GC=F and SI=F for gold and silver; DX-Y.NYB for the dollar index) from a public mirror; change_pct is close-to-close against the previous trading day.",
  };
}
