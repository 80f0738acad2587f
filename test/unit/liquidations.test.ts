import { describe, expect, test } from "vitest";
import { liquidations24hClaims, liquidationSideBars } from "../../src/components/liquidationsBySide.ts";
import { liquidationReporter, liquidationSide, liquidationTotalClaims, liquidationWindow } from "../../src/components/liquidationTotals.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { testClaim } from "../support/claims.ts";

const { claims, conflicts } = loadLedger();

describe("liquidation totals", () => {
  const totals = liquidationTotalClaims(claims);

  test("are the rows of the btc-liquidation-totals conflict, one bar each, flush first and October last", () => {
    const conflict = conflicts.find((c) => c.id === "btc-liquidation-totals");
    expect(totals.map((c) => c.id).sort()).toEqual([...(conflict?.claimIds ?? [])].sort());
    expect(totals.map((c) => c.period)).toEqual(["1d", "5d", "5d", "24h", "event", "event"]);
  });

  test("each bar names its window, its reporter and the side when the source gives one", () => {
    expect(totals.map((c) => `${liquidationWindow(c)} | ${liquidationReporter(c)} | ${liquidationSide(c)}`)).toEqual([
      "Feb 5, one day | CoinGlass | sides not split",
      "5 days to Feb 6 | AltcoinStory | sides not split",
      "5 days to Feb 6 | Esther Mendoza | longs only",
      "24 h to Feb 7, 05:30 UTC | CoinGlass | sides not split",
      "Oct 2025 crash | AltcoinStory | sides not split",
      "Oct 2025 crash | Esther Mendoza | sides not split"
    ]);
  });
});

describe("24-hour liquidations by side", () => {
  const rows = liquidations24hClaims(claims);
  const bars = liquidationSideBars(rows);

  test("one bar per ledger row: BTC and ETH split, the other four totals only", () => {
    expect(bars.map((b) => `${b.asset} ${b.side} ${b.claim.value}`)).toEqual([
      "BTC total 382.12",
      "BTC long 84.3",
      "BTC short 297.82",
      "ETH total 127.64",
      "ETH long 41.81",
      "ETH short 85.83",
      "SOL total (not split) 28.19",
      "XRP total (not split) 29.67",
      "DOGE total (not split) 5.23",
      "BNB total (not split) 2.29"
    ]);
  });

  test("a total is never split by the chart", () => {
    const sol = testClaim({ id: "sol", topic: "liquidations", metric: "liquidations_total", asset: "SOL", value: 28.19, unit: "usd_mn", period: "24h" });
    expect(liquidationSideBars([sol])).toEqual([{ asset: "SOL", side: "total (not split)", claim: sol }]);
  });
});
