import { describe, expect, test } from "vitest";
import { claimsCsv, claimAttribution } from "../../src/components/chartFigure.ts";
import { testClaim } from "../support/claims.ts";

const claim = testClaim({
  id: "btc-low",
  metric: "low",
  value: 60000,
  asOf: "2026-02-06",
  period: "intraday",
  attributedTo: "CoinGlass",
  quote: 'a low "near" $60,000, then'
});

describe("claimsCsv", () => {
  test("writes one row per claim with the outlet and a quoted, escaped quote", () => {
    expect(claimsCsv([claim]).split("\n")).toEqual([
      "id,metric,asset,side,value,low,high,unit,asOf,period,attributedTo,outlet,quote",
      'btc-low,low,BTC,,60000,,,usd,2026-02-06,intraday,CoinGlass,Outlet A,"a low ""near"" $60,000, then"',
      ""
    ]);
  });
});

describe("claimAttribution", () => {
  test("names the data party and the outlet that reported it", () => {
    expect(claimAttribution(claim)).toBe("CoinGlass via Outlet A");
  });

  test("names the outlet alone when it stated the figure itself", () => {
    expect(claimAttribution({ ...claim, attributedTo: null })).toBe("Outlet A");
  });
});
