import { describe, expect, test } from "vitest";
import {
  AGREEMENT_GROUPS,
  agreementGroup,
  compareSeries,
  dailyClosesFromHourly,
  disagreeingDays,
  DISAGREEMENT_THRESHOLD_PCT,
  parseAgreementNotes,
  widestDay,
  type AgreementRow,
} from "../../src/lib/public/agreement.ts";
import { agreementDataset, compareGroup, readAgreementNotes } from "../../src/lib/public/agreementDataset.ts";
import { formatIssue } from "../../src/lib/ledger/errors.ts";
import { publicRows } from "../../src/lib/public/load.ts";

describe("compareSeries", () => {
  // d1: highest B 102, lowest A 100 → (102 − 100) ÷ 100 × 100 = 2%.
  // d2: highest A 200, lowest B 190 → 10 ÷ 190 × 100 = 5.2631…%.
  // d3: only C has a value (A's is a gap) → nothing to compare.
  const rows = compareSeries({
    A: [
      { date: "2026-02-01", value: 100 },
      { date: "2026-02-02", value: 200 },
      { date: "2026-02-03", value: null },
    ],
    B: [
      { date: "2026-02-01", value: 102 },
      { date: "2026-02-02", value: 190 },
    ],
    C: [
      { date: "2026-02-01", value: 101 },
      { date: "2026-02-03", value: 50 },
    ],
  });

  test("one row per date with every source's value, gaps as null", () => {
    expect(rows.map((row) => row.date)).toEqual(["2026-02-01", "2026-02-02", "2026-02-03"]);
    expect(rows[0]!.values).toEqual({ A: 100, B: 102, C: 101 });
    expect(rows[1]!.values).toEqual({ A: 200, B: 190, C: null });
    expect(rows[2]!.values).toEqual({ A: null, B: null, C: 50 });
  });

  test("the largest disagreement and the two sources bounding it", () => {
    expect(rows[0]).toMatchObject({ spreadPct: 2, high: "B", low: "A" });
    expect(rows[1]!.spreadPct).toBeCloseTo(5.263157894736842, 12);
    expect(rows[1]).toMatchObject({ high: "A", low: "B" });
    expect(rows[2]).toMatchObject({ spreadPct: null, high: null, low: null });
  });

  test("days above the threshold and the widest day", () => {
    expect(disagreeingDays(rows, 3).map((row) => row.date)).toEqual(["2026-02-02"]);
    expect(disagreeingDays(rows, 1.5).map((row) => row.date)).toEqual(["2026-02-01", "2026-02-02"]);
    expect(widestDay(rows)?.date).toBe("2026-02-02");
    expect(widestDay([rows[2]!])).toBeNull();
  });

  test("needs two sources", () => {
    expect(() => compareSeries({ A: [] })).toThrow("at least two sources");
  });
});

describe("dailyClosesFromHourly", () => {
  const hour = (time: string, close: number) => ({ time, open: close, high: close, low: close, close, volume: 1 });

  test("the close of the 23:00 UTC bar; a day without it is a gap", () => {
    const closes = dailyClosesFromHourly([
      hour("2026-02-01T00:00:00Z", 10),
      hour("2026-02-01T13:00:00Z", 11),
      hour("2026-02-01T23:00:00Z", 12),
      hour("2026-02-02T00:00:00Z", 13),
      hour("2026-02-02T22:00:00Z", 14),
    ]);
    expect(closes).toEqual([
      { date: "2026-02-01", value: 12 },
      { date: "2026-02-02", value: null },
    ]);
  });
});

describe("parseAgreementNotes", () => {
  test("reports file:line:column for each bad cell and repeated day", () => {
    const text = [
      "group,date,cause,note",
      "btc,2026-02-05,fred-observation-time,ok",
      "gld,2026-02-05,not-established,x",
      "btc,2026-02-30,not-established,x",
      "btc,2026-02-06,guess,x",
      "btc,2026-02-07,not-established, ",
      "btc,2026-02-05,not-established,again",
    ].join("\n");
    const { notes, issues } = parseAgreementNotes(text, "data/public/agreement-notes.csv");
    expect(notes.map((note) => note.line)).toEqual([2]);
    expect(issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^data\/public\/agreement-notes\.csv:3:1: group "gld" is not a comparison group/),
      expect.stringMatching(/^data\/public\/agreement-notes\.csv:4:2: date "2026-02-30" is not a YYYY-MM-DD date/),
      expect.stringMatching(/^data\/public\/agreement-notes\.csv:5:3: cause "guess" is not a known cause/),
      expect.stringMatching(/^data\/public\/agreement-notes\.csv:6:4: note is empty/),
      expect.stringMatching(/^data\/public\/agreement-notes\.csv:7:1: a second note for btc on 2026-02-05 \(first on line 2\)/),
    ]);
  });

  test("a wrong header names the column", () => {
    const { issues } = parseAgreementNotes("group,day,cause,note\n", "notes.csv");
    expect(issues.map(formatIssue)).toEqual([expect.stringMatching(/^notes\.csv:1:2: header column 2 is "day" but should be "date"/)]);
  });
});

describe("the committed extracts and notes", () => {
  const notes = readAgreementNotes();
  const rowsByGroup = new Map(AGREEMENT_GROUPS.map((group) => [group.id, compareGroup(group)]));
  const rowOn = (group: string, date: string): AgreementRow | undefined => rowsByGroup.get(group)!.find((row) => row.date === date);

  test.each(AGREEMENT_GROUPS.map((group) => group.id))("every %s day above the threshold has a note", (group) => {
    const noted = new Set(notes.filter((note) => note.group === group).map((note) => note.date));
    const unexplained = disagreeingDays(rowsByGroup.get(group)!).filter((row) => !noted.has(row.date));
    expect(unexplained.map((row) => `${row.date}: ${row.spreadPct!.toFixed(2)}% (${row.high} above ${row.low})`)).toEqual([]);
  });

  test("every note is for a day that exceeds the threshold (no stale notes)", () => {
    const stale = notes.filter((note) => {
      const spread = rowOn(note.group, note.date)?.spreadPct;
      return spread === undefined || spread === null || spread <= DISAGREEMENT_THRESHOLD_PCT;
    });
    expect(stale.map((note) => `line ${note.line}: ${note.group} ${note.date}`)).toEqual([]);
  });

  test("each note's cause holds in the data", () => {
    const fred = new Map(publicRows("btc-coinbase-fred-1d").map((row) => [row.date!, row.close as number | null]));
    const hourly = new Map(publicRows("btc-yahoo-1h").map((row) => [row.time!, row]));
    const hourAfter = (date: string, hours: number) => hourly.get(new Date(Date.parse(`${date}T00:00:00Z`) + hours * 3_600_000).toISOString().replace(".000Z", "Z"));
    for (const note of notes) {
      const where = `line ${note.line}: ${note.group} ${note.date} (${note.cause})`;
      const row = rowOn(note.group, note.date)!;
      switch (note.cause) {
        case "fred-next-day":
        case "fred-observation-time": {
          expect(note.group, where).toBe("btc");
          expect([row.high, row.low], where).toContain("Coinbase (FRED)");
          const value = fred.get(note.date)!;
          if (note.cause === "fred-next-day") {
            // The price at 00:00 UTC two days after the date: the open of that hour's bar.
            const open = hourAfter(note.date, 48)!.open as number;
            expect(Math.abs(value / open - 1), where).toBeLessThan(0.001);
          } else {
            // 5 PM PST is 01:00 UTC the next day: the value lies in the range traded from 00:00 to 02:00 UTC.
            const bars = [hourAfter(note.date, 24)!, hourAfter(note.date, 25)!];
            expect(value, where).toBeGreaterThanOrEqual(Math.min(...bars.map((bar) => bar.low as number)));
            expect(value, where).toBeLessThanOrEqual(Math.max(...bars.map((bar) => bar.high as number)));
          }
          break;
        }
        case "different-instruments":
          expect(note.group, where).toBe("wti");
          break;
        case "not-established":
          expect(note.note.toLowerCase(), where).toContain("not established");
          break;
      }
    }
  });

  test("the VIX note says what the two rows show", () => {
    const note = notes.find((candidate) => candidate.group === "vix")!;
    const on = (series: string, date: string) => publicRows(series).find((row) => row.date === date)!;
    const [yahoo, cboe] = [on("vix-yahoo-1d", note.date), on("vix-cboe-1d", note.date)];
    expect(yahoo.open as number).toBeCloseTo(cboe.open as number, 4);
    expect(yahoo.high as number).toBeCloseTo(cboe.high as number, 4);
    expect(yahoo.low as number).toBeGreaterThan(cboe.low as number);
    expect(yahoo.close as number).toBeGreaterThan(cboe.close as number);
    const nextDate = publicRows("vix-cboe-1d").find((row) => row.date! > note.date)!.date!;
    const [nextYahoo, nextCboe] = [on("vix-yahoo-1d", nextDate), on("vix-cboe-1d", nextDate)];
    expect(nextYahoo.open as number).toBeCloseTo(nextCboe.open as number, 4);
    const nextOpen = nextCboe.open as number;
    expect(Math.abs((cboe.close as number) - nextOpen)).toBeLessThan(Math.abs((yahoo.close as number) - nextOpen));
  });

  test("Yahoo's hourly candles rolled up agree with Yahoo's daily close (one upstream), and a day without its 23:00 bar stays a gap", () => {
    const rows = rowsByGroup.get("btc")!;
    const both = rows.filter((row) => row.values["Yahoo hourly"] !== null && row.values.Yahoo !== null);
    expect(both.length).toBeGreaterThan(140);
    for (const row of both) expect(Math.abs(row.values["Yahoo hourly"]! / row.values.Yahoo! - 1), row.date).toBeLessThan(0.002);
    const gaps = rows.filter((row) => row.values["Yahoo hourly"] === null).map((row) => row.date);
    const hours = new Set(publicRows("btc-yahoo-1h").map((hour) => hour.time!));
    for (const date of gaps) expect(hours.has(`${date}T23:00:00Z`), date).toBe(false);
  });

  test("the 2026-01-18 bitcoin note says what the data show", () => {
    const note = notes.find((candidate) => candidate.group === "btc" && candidate.date === "2026-01-18")!;
    const row = rowOn("btc", note.date)!;
    expect([row.high, row.low]).toEqual(["Coin Metrics", "Coinbase (FRED)"]);
    const hourly = new Map(publicRows("btc-yahoo-1h").map((hour) => [hour.time!, hour]));
    const last = hourly.get(`${note.date}T23:00:00Z`)!;
    const coinMetrics = row.values["Coin Metrics"]!;
    expect(coinMetrics).toBeLessThan(last.open as number);
    expect(coinMetrics).toBeGreaterThan(last.close as number);
    expect(coinMetrics).toBeGreaterThan(Math.max(row.values.Binance!, row.values.Yahoo!));
    const afterMidnight = [hourly.get("2026-01-19T00:00:00Z")!, hourly.get("2026-01-19T01:00:00Z")!];
    const fred = row.values["Coinbase (FRED)"]!;
    expect(fred).toBeGreaterThanOrEqual(Math.min(...afterMidnight.map((hour) => hour.low as number)));
    expect(fred).toBeLessThan(Math.min(row.values.Binance!, row.values.Yahoo!));
  });

  test("the dataset credits every source and carries its group's notes", () => {
    const dataset = agreementDataset();
    expect(dataset.thresholdPct).toBe(DISAGREEMENT_THRESHOLD_PCT);
    for (const group of dataset.groups) {
      expect(group.rows.length, group.id).toBeGreaterThan(90);
      for (const source of group.sources) expect(source.credit.mirror, source.series).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}:/);
      expect(group.notes.every((note) => note.group === group.id)).toBe(true);
    }
    expect(dataset.groups.flatMap((group) => group.notes)).toHaveLength(notes.length);
  });

  test("the bitcoin group includes Coin Metrics' daily price", () => {
    expect(agreementGroup("btc").sources).toContainEqual({ label: "Coin Metrics", series: "btc-coinmetrics-1d", column: "price_usd" });
  });
});
