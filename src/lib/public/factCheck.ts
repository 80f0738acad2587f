// The fact check over the public extracts: reported figures beside the values the committed
// series give for the same quantity (see src/lib/metrics/factCheck.ts for each comparison).
import { factCheckRows, type CheckableClaim } from "../metrics/factCheck.ts";
import { PUBLIC_BUILDERS, hourlyCandles, type PublicDataset } from "./datasets.ts";
import { publicRows, publicSource } from "./load.ts";
import type { DifficultyAdjustmentRow, MacroRow, MiningRow } from "../snapshot/rows.ts";

export const PUBLIC_FACT_CHECK_METHOD =
  "Each dated ledger claim with a computable counterpart in the public extracts, beside the computed value and the difference (computed − reported, in the claim's unit); a claim given only as a bound is compared with that bound. Bitcoin prices and moves from Yahoo Finance BTC-USD hourly bars grouped into UTC days; cross-asset moves close-to-close on Yahoo Finance daily bars; hashprice and the difficulty step from Coin Metrics and a public difficulty series; funding from a daily mean of 8-hour rates. Each row says why the two can differ.";

export function publicFactCheck(claims: readonly CheckableClaim[], dir: string): PublicDataset {
  const mining = PUBLIC_BUILDERS.mining(dir);
  const macro = PUBLIC_BUILDERS.macro(dir);
  const funding = PUBLIC_BUILDERS.funding(dir);
  const rows = factCheckRows(claims, {
    price: hourlyCandles(publicRows("btc-yahoo-1h", dir)),
    priceSource: "Yahoo Finance BTC-USD",
    macroSource: "Yahoo Finance",
    mining: mining.rows as MiningRow[],
    adjustments: (mining.summary as { difficultyAdjustments: DifficultyAdjustmentRow[] }).difficultyAdjustments,
    macro: macro.rows as MacroRow[],
    funding: funding.rows as { time: string; interest_8h: number }[],
  });
  const price = publicSource("btc-yahoo-1h", dir);
  return {
    rows,
    uses: [{ source: price.upstream, endpoint: `via ${price.mirror}`, url: "", requests: 0 }, ...mining.uses, ...macro.uses, ...funding.uses],
    method: PUBLIC_FACT_CHECK_METHOD,
  };
}
