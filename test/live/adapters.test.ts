import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coinbaseBase, fetchHourlyCandles } from "../../src/lib/live/coinbase.ts";
import { deribitBases, fetchDvol, fetchFundingHistory, fetchFutureDailyCandles, fetchOptionTrades } from "../../src/lib/live/deribit.ts";
import { fetchFredSeries, fredBase, parseFredCsv } from "../../src/lib/live/fred.ts";
import { fetchMiningHistory, lookbackPeriod, mempoolBase } from "../../src/lib/live/mempool.ts";
import { optionTrades } from "../fixtures/market.ts";
import { startFixtureServers, type FixtureServers } from "../fixtures/server.ts";
import { fastClient } from "./helpers.ts";

let servers: FixtureServers;
beforeAll(async () => {
  servers = await startFixtureServers();
});
afterAll(() => servers.close());

const window = { start: "2026-02-01", end: "2026-02-16" };

describe("deribit", () => {
  it("pages through every option trade once, following has_more", async () => {
    const client = fastClient();
    const trades = await fetchOptionTrades(client, deribitBases(servers.env()), window);
    const expected = optionTrades().filter((t) => t.timestamp >= Date.parse("2026-02-01") && t.timestamp < Date.parse("2026-02-16"));
    expect(trades).toHaveLength(expected.length);
    expect(new Set(trades.map((t) => `${t.instrumentName}@${t.timestamp}`)).size).toBe(expected.length);
    const [use] = client.endpointUses();
    expect(use?.requests).toBeGreaterThan(expected.length / 1000);
    expect(use?.url).toContain("kind=option");
  });

  it("walks DVOL back with continuation", async () => {
    const client = fastClient();
    const candles = await fetchDvol(client, deribitBases(servers.env()), { start: "2026-01-27", end: "2026-02-16" });
    expect(candles).toHaveLength(20 * 24);
    expect(client.endpointUses()[0]?.requests).toBe(1 + Math.ceil((20 * 24 - 1000) / 1000));
  });

  it("reads funding history in chunks and the quarterly future's daily candles", async () => {
    const bases = deribitBases(servers.env());
    const funding = await fetchFundingHistory(fastClient(), bases, { start: "2026-01-26", end: "2026-02-16" });
    expect(funding).toHaveLength(21 * 24);
    const candles = await fetchFutureDailyCandles(fastClient(), bases, "BTC-27MAR26", window);
    expect(candles).toHaveLength(15);
  });
});

describe("coinbase", () => {
  it("splits the window into requests of at most 300 hourly candles and returns them oldest first", async () => {
    const client = fastClient();
    const candles = await fetchHourlyCandles(client, coinbaseBase(servers.env()), { start: "2026-01-26", end: "2026-02-16" });
    expect(candles).toHaveLength(21 * 24);
    expect(candles[0]!.time).toBe(Date.parse("2026-01-26T00:00:00Z"));
    expect(candles.every((c, i) => i === 0 || c.time > candles[i - 1]!.time)).toBe(true);
    expect(client.endpointUses()[0]?.requests).toBe(2);
  });
});

describe("mempool", () => {
  it("picks the shortest look-back period that reaches the window start", () => {
    expect(lookbackPeriod(window, Date.parse("2026-02-20"))).toBe("1m");
    expect(lookbackPeriod(window, Date.parse("2026-04-20"))).toBe("3m");
    expect(lookbackPeriod(window, Date.parse("2031-01-01"))).toBe("all");
  });

  it("keeps the adjustment in force at the window start and converts ratios to changes", async () => {
    const history = await fetchMiningHistory(fastClient(), mempoolBase(servers.env()), window, Date.parse("2026-03-01"));
    expect(history.adjustments.map((a) => Math.round(a.change * 10_000) / 100)).toEqual([-1.99, -13.37]);
    expect(history.hashrates).toHaveLength(15);
    expect(history.rewards[0]!.rewardPerBlockBtc).toBeGreaterThan(3.125);
  });
});

describe("fred", () => {
  it("reads the CSV with a value for every weekday the exchange is open", async () => {
    const sp500 = await fetchFredSeries(fastClient(), fredBase(servers.env()), "SP500", window);
    expect(sp500.map((o) => o.date)).toContain("2026-02-06");
    expect(sp500.map((o) => o.date)).not.toContain("2026-02-07"); // a Saturday
  });

  it("rejects a header for another series, a line cut short and malformed lines", () => {
    const request = { source: "fred", endpoint: "fredgraph.csv?id=SP500" };
    expect(() => parseFredCsv(request, "SP500", "observation_date,DJIA\n")).toThrow(/unexpected CSV header/);
    expect(() => parseFredCsv(request, "SP500", "observation_date,SP500\n2026-02-05,6798.4\n2026-02-06,69")).toThrow(
      'fred fredgraph.csv?id=SP500: the CSV ends mid-row: its last line 3, "2026-02-06,69", has no line break, so the answer was cut off',
    );
    expect(() => parseFredCsv(request, "SP500", "observation_date,SP500\n2026-02-0\n")).toThrow(/malformed CSV line 2/);
    expect(() => parseFredCsv(request, "SP500", "observation_date,SP500\n2026-02-06,1\n2026-02-05,2\n")).toThrow(/CSV line 3: 2026-02-05 does not come after 2026-02-06/);
    expect(parseFredCsv(request, "SP500", "DATE,SP500\r\n2026-02-06,6932.3\r\n2026-02-09,.\r\n")).toEqual([{ date: "2026-02-06", value: 6932.3 }]);
  });
});
