import { describe, expect, test } from "vitest";
import { claimAttribution, claimsCsv, marketAttribution, pathToRoot, rowsCsv } from "../../src/components/chartFigure.ts";
import { testClaim } from "../support/claims.ts";

const claim = testClaim({
  id: "btc-low",
  metric: "low",
  kind: "low",
  value: 60000,
  asOf: "2026-02-06",
  period: "intraday",
  attributedTo: "CoinGlass",
  quote: 'a low "near" $60,000, then'
});

describe("claimsCsv", () => {
  test("writes one row per claim with the outlet and a quoted, escaped quote", () => {
    expect(claimsCsv([claim]).split("\n")).toEqual([
      "id,metric,asset,side,kind,value,low,high,label,unit,asOf,period,attributedTo,outlet,quote",
      'btc-low,low,BTC,,low,60000,,,,usd,2026-02-06,intraday,CoinGlass,Outlet A,"a low ""near"" $60,000, then"',
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

describe("market series", () => {
  const market = {
    dataset: "price",
    mode: "snapshot" as const,
    asOf: "2026-03-02T10:15:00.000Z",
    meta: { sources: [{ source: "Coinbase Exchange", endpoint: "/products/BTC-USD/candles" }], method: "hourly candles" },
    rows: [{ time: "2026-02-06T00:00:00Z", close: 63000 }, { time: "2026-02-06T01:00:00Z", close: 62500, volume: 10 }]
  };

  test("names the endpoints, the mode and the fetch time", () => {
    expect(marketAttribution(market)).toBe("Coinbase Exchange /products/BTC-USD/candles (snapshot, fetched 2026-03-02 10:15 UTC)");
  });

  test("writes rows with the union of their fields", () => {
    expect(rowsCsv(market.rows)).toBe("time,close,volume\n2026-02-06T00:00:00Z,63000,\n2026-02-06T01:00:00Z,62500,10\n");
  });
});

describe("pathToRoot", () => {
  test("leads from a page to the site root, wherever the site is published", () => {
    expect(pathToRoot("/report/sources", "/report/")).toBe("./");
    expect(pathToRoot("/report/", "/report/")).toBe("./");
    expect(pathToRoot("/report/commentary/a-note", "/report/")).toBe("../");
    expect(pathToRoot("/commentary/a-note", "/")).toBe("../");
    expect(pathToRoot("/a/b/c", "/")).toBe("../../");
  });

  test("keeps links relative to the page outside the site (a test or another host)", () => {
    expect(pathToRoot("/elsewhere/page", "/report/")).toBe("./");
  });
});
