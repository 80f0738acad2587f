import { describe, expect, test } from "vitest";
import { computedMoves, moveRows, moveWindow, reportedMoves } from "../../src/components/crossAssetMoves.ts";
import { claimById, claimsById } from "../../src/lib/claims.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";

const { claims } = loadLedger();
const ids = [
  "silver-price-change-2026-02-05",
  "sp500-change-2026-02-06",
  "dxy-change-2026-02-06",
  "btc-rebound-pct-rally-71k",
  "btc-price-change-24h-stocktwits",
  "crypto-market-cap-change-stocktwits"
];

describe("moveWindow", () => {
  test("names each ledger row's window with its UTC date", () => {
    expect(moveWindow(claimById(claims, "silver-price-change-2026-02-05")).label).toBe("Feb 5 · intraday");
    expect(moveWindow(claimById(claims, "sp500-change-2026-02-06")).label).toBe("Feb 6 · one day");
    expect(moveWindow(claimById(claims, "btc-rebound-pct-rally-71k")).label).toBe("Since the Feb 6 low");
    // Published Feb 7, 11:00 IST: the 24 hours end at 05:30 UTC.
    expect(moveWindow(claimById(claims, "eth-price-change-24h-stocktwits")).label).toBe("24 h to Feb 7 05:30 UTC");
  });

  test("refuses a row whose window it cannot place", () => {
    expect(() => moveWindow(claimById(claims, "btc-followup-weekly-change"))).toThrow(/no date/);
    expect(() => moveWindow(claimById(claims, "btc-weekly-change-rally-71k"))).toThrow(/no window for period "7d"/);
  });
});

describe("reportedMoves", () => {
  test("one move per claim, with its value, window and source", () => {
    const moves = reportedMoves(claimsById(claims, ids));
    expect(moves.map((m) => [m.asset, m.changePct, m.window])).toEqual([
      ["Silver", -18, "Feb 5 · intraday"],
      ["S&P 500", 1.97, "Feb 6 · one day"],
      ["Dollar (DXY)", -0.2, "Feb 6 · one day"],
      ["BTC", 17, "Since the Feb 6 low"],
      ["BTC", 10.66, "24 h to Feb 7 05:30 UTC"],
      ["All crypto", 9, "24 h to Feb 7 05:30 UTC"]
    ]);
    expect(moves[0]).toMatchObject({ kind: "reported", figure: "−18%", date: "2026-02-05", source: "Unnamed outlet (machine translation)" });
  });

  test("refuses a figure that is not a % move", () => {
    expect(() => reportedMoves([claimById(claims, "silver-price-2026-02-05")])).toThrow(/not a % move/);
  });
});

describe("computedMoves", () => {
  const macro = {
    dataset: "macro",
    mode: "snapshot" as const,
    asOf: "2026-03-02T10:00:00.000Z",
    meta: { sources: [{ source: "fred", endpoint: "fredgraph.csv?id=SP500" }], method: "FRED" },
    rows: [
      { date: "2026-02-04", series: "SP500", value: 6900, change_pct: -0.5 },
      { date: "2026-02-05", series: "SP500", value: 6800, change_pct: -1.449 },
      { date: "2026-02-06", series: "SP500", value: 6934, change_pct: 1.97 },
      { date: "2026-02-06", series: "DTWEXBGS", value: 120, change_pct: -0.1 },
      { date: "2026-02-06", series: "CBBTCUSD", value: 70000, change_pct: 12 },
      { date: "2026-02-06", series: "UNKNOWN", value: 1, change_pct: 1 },
      { date: "2026-01-26", series: "DJIA", value: 49000, change_pct: null }
    ]
  };

  test("FRED close-to-close changes on the asked days, on the row of the matching reported asset", () => {
    const moves = computedMoves(macro, ["2026-02-05", "2026-02-06"]);
    expect(moves.map((m) => m.row)).toEqual(["Feb 5 · one day|S&P 500", "Feb 6 · one day|S&P 500", "Feb 6 · one day|Broad USD", "Feb 6 · one day|BTC"]);
    expect(moves[0]).toMatchObject({ kind: "computed", changePct: -1.449, figure: "−1.45% (FRED SP500, close to close)", date: "2026-02-05" });
  });

  test("rows: windows in time order, reported rows first within a window", () => {
    const moves = [...reportedMoves(claimsById(claims, ids)), ...computedMoves(macro, ["2026-02-05", "2026-02-06"])];
    expect(moveRows(moves)).toEqual([
      "Feb 5 · intraday|Silver",
      "Feb 5 · one day|S&P 500",
      "Feb 6 · one day|S&P 500",
      "Feb 6 · one day|Dollar (DXY)",
      "Feb 6 · one day|Broad USD",
      "Feb 6 · one day|BTC",
      "Since the Feb 6 low|BTC",
      "24 h to Feb 7 05:30 UTC|BTC",
      "24 h to Feb 7 05:30 UTC|All crypto"
    ]);
  });
});
