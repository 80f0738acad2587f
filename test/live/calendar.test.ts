import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { closedReason, federalReserveHolidays, nyseHolidays } from "../../src/lib/live/calendar.ts";
import { requireEveryDay, requireEveryHour } from "../../src/lib/live/coverage.ts";
import { fetchFredSeries } from "../../src/lib/live/fred.ts";
import { addUtcDays } from "../../src/lib/metrics/time.ts";
import { publicRows } from "../../src/lib/public/load.ts";
import { HttpClient } from "../../src/lib/live/http.ts";
import { FAST_POLICY, fastClient } from "./helpers.ts";

describe("market calendars", () => {
  it("match the trading days of the committed index extracts: every weekday but the NYSE holidays", () => {
    for (const series of ["sp500-yahoo-1d", "nasdaq-yahoo-1d", "dow-yahoo-1d"]) {
      const traded = publicRows(series).map((row) => row.date!);
      const weekdays: string[] = [];
      for (let day = traded[0]!; day <= traded[traded.length - 1]!; day = addUtcDays(day, 1)) {
        if (closedReason("nyse", day) !== "weekend") weekdays.push(day);
      }
      expect(weekdays.filter((day) => closedReason("nyse", day) === null), series).toEqual(traded);
    }
  });

  it("list the exchange's and the Fed's published 2026 holidays, Presidents' Day among them", () => {
    expect([...nyseHolidays(2026).keys()]).toEqual([
      "2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25",
    ]);
    expect(closedReason("nyse", "2026-02-16")).toBe("Washington's Birthday (Presidents' Day)");
    // The Fed stays open on the Friday before a Saturday holiday (July 4, 2026) and closes for Columbus and Veterans Day.
    expect([...federalReserveHolidays(2026).keys()]).toEqual([
      "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25",
    ]);
    expect(closedReason("nyse", "2025-01-09")).toBe("National Day of Mourning for President Jimmy Carter");
    expect(closedReason("every-day", "2026-02-16")).toBeNull();
  });

  it("keep the NYSE open on the Friday before a Saturday New Year's Day", () => {
    expect(nyseHolidays(2022).has("2021-12-31")).toBe(false);
    expect(closedReason("nyse", "2021-12-31")).toBeNull();
    expect(closedReason("nyse", "2021-12-24")).toBe("Christmas Day"); // Saturday Christmas, observed the Friday before
  });
});

describe("coverage", () => {
  const request = { source: "test", endpoint: "series" };
  const hour = (text: string) => Date.parse(`2026-02-06T${text}:00Z`);

  it("names each missing stretch of hours", () => {
    const times = [hour("00:00"), hour("01:00"), hour("04:00"), hour("06:00")];
    expect(() => requireEveryHour(request, "candle", times, hour("00:00"), hour("07:00"))).toThrow(
      "test series: 3 of 7 hours have no candle: 2026-02-06 02:00 UTC to 2026-02-06 03:00 UTC, 2026-02-06 05:00 UTC; the market trades every hour, so the answer has a gap",
    );
    expect(() => requireEveryHour(request, "candle", times, hour("00:00"), hour("02:00"))).not.toThrow();
  });

  it("checks only the days the calendar is open", () => {
    const open = (day: string) => closedReason("nyse", day) === null;
    const why = "the exchange was open";
    // Fri Feb 13, (weekend, Presidents' Day Feb 16), Tue Feb 17.
    expect(() => requireEveryDay(request, "value", ["2026-02-13", "2026-02-17"], "2026-02-13", "2026-02-17", why, open)).not.toThrow();
    expect(() => requireEveryDay(request, "value", ["2026-02-13"], "2026-02-13", "2026-02-18", why, open)).toThrow(
      "test series: 2 of 3 days have no value: 2026-02-17 to 2026-02-18; the exchange was open, so the answer has a gap",
    );
  });
});

describe("FRED coverage", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
    server = undefined;
  });

  async function fred(csv: string): Promise<string> {
    server = createServer((_req, res) => res.end(csv));
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/fredgraph.csv`;
  }
  const window = { start: "2026-02-12", end: "2026-02-19" };

  it("accepts a holiday marked missing and rejects a trading day that is", async () => {
    const week = ["2026-02-12,6832.76", "2026-02-13,6836.17", "2026-02-16,", "2026-02-17,6843.22"];
    const withHoliday = await fred(`observation_date,SP500\n${week.join("\n")}\n2026-02-18,6881.31\n`);
    expect((await fetchFredSeries(fastClient(), withHoliday, "SP500", window)).map((o) => o.date)).toEqual([
      "2026-02-12", "2026-02-13", "2026-02-17", "2026-02-18",
    ]);
    await new Promise((resolve) => server!.close(resolve));
    const cutShort = await fred(`observation_date,SP500\n${week.join("\n")}\n`);
    await expect(fetchFredSeries(fastClient(), cutShort, "SP500", window)).rejects.toThrow(
      "fred fredgraph.csv?id=SP500: 1 of 4 days has no SP500 value: 2026-02-18; the New York Stock Exchange was open on each (its holidays are in src/lib/live/calendar.ts), so the answer has a gap",
    );
  });

  it("requires only the days FRED has had time to publish", async () => {
    const base = await fred("observation_date,SP500\n2026-02-12,6832.76\n2026-02-13,6836.17\n2026-02-16,\n");
    // Two days after Feb 16 the Feb 17 and 18 closes may not be out yet; a week later they must be.
    const at = (day: string) => new HttpClient(FAST_POLICY, undefined, undefined, { now: () => Date.parse(`${day}T12:00:00Z`) });
    expect(await fetchFredSeries(at("2026-02-18"), base, "SP500", window)).toHaveLength(2);
    await expect(fetchFredSeries(at("2026-02-25"), base, "SP500", window)).rejects.toThrow(/2 of 4 days have no SP500 value: 2026-02-17 to 2026-02-18/);
  });
});
