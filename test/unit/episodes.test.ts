// Episode measures: the rules on a small synthetic series, then the committed extracts.
import { describe, expect, it } from "vitest";
import { claimById } from "../../src/lib/claims.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { fundingApr } from "../../src/lib/metrics/funding.ts";
import { addUtcDays } from "../../src/lib/metrics/time.ts";
import {
  EPISODES,
  episodePath,
  episodesDataset,
  hourOfLow,
  LOOKBACK_DAYS,
  lowDay,
  measureEpisode,
  PATH_DAYS,
  priorHigh,
  type EpisodeSpec
} from "../../src/lib/public/episodes.ts";
import { publicRows } from "../../src/lib/public/load.ts";
import { FIXTURE_DAILY, FIXTURE_HOURLY, FIXTURE_INPUTS } from "../fixtures/episodes.ts";

const october: EpisodeSpec = { id: "oct", name: "October", month: "2025-10", rule: "largest-close-fall", printedDay: null };
const november: EpisodeSpec = { id: "nov", name: "November", month: "2025-11", rule: "lowest-low", printedDay: "2025-11-21" };

describe("lowDay", () => {
  it("picks the largest close-to-close fall, not the lowest low, under that rule", () => {
    expect(lowDay(FIXTURE_DAILY, "2025-10", "largest-close-fall").date).toBe("2025-10-10");
    expect(lowDay(FIXTURE_DAILY, "2025-10", "lowest-low").date).toBe("2025-10-20");
  });

  it("gives a tie on the lowest low to the earlier day", () => {
    expect(lowDay(FIXTURE_DAILY, "2025-11", "lowest-low").date).toBe("2025-11-21");
  });

  it("refuses a month the series does not reach", () => {
    expect(() => lowDay(FIXTURE_DAILY, "2026-02", "lowest-low")).toThrow(/no day in 2026-02/);
  });
});

describe("priorHigh", () => {
  it("searches the 45 days before the low day, the first of them included", () => {
    // Nov 21 − 45 days = Oct 7 (high 110); Oct 5's 120 lies one day further back.
    expect(addUtcDays("2025-11-21", -LOOKBACK_DAYS)).toBe("2025-10-07");
    expect(priorHigh(FIXTURE_DAILY, "2025-11-21")).toEqual({ date: "2025-10-07", high: 110, lookbackFrom: "2025-10-07", lookbackCut: false });
    expect(priorHigh(FIXTURE_DAILY, "2025-11-21", LOOKBACK_DAYS + 2).high).toBe(120);
  });

  it("says when the series starts inside the lookback", () => {
    expect(priorHigh(FIXTURE_DAILY, "2025-10-10")).toEqual({ date: "2025-10-05", high: 120, lookbackFrom: "2025-10-01", lookbackCut: true });
  });
});

describe("hourOfLow", () => {
  it("is the hour whose candle holds the day's lowest price, or null for a day without candles", () => {
    expect(hourOfLow(FIXTURE_HOURLY, "2025-11-21")).toBe("2025-11-21T12:00:00Z");
    expect(hourOfLow(FIXTURE_HOURLY, "2025-11-22")).toBeNull();
  });
});

describe("measureEpisode", () => {
  it("measures the fall, the rebounds, DVOL in the hour of the low and funding on the low day", () => {
    const nov = measureEpisode(november, FIXTURE_INPUTS);
    expect(nov).toMatchObject({ day: "2025-11-21", printedDay: "2025-11-21", low: 70, priorHigh: { date: "2025-10-07", high: 110 } });
    expect(nov.drawdownPct).toBeCloseTo((70 / 110 - 1) * 100, 9);
    expect(nov.rebounds.map((r) => [r.afterDays, r.date, r.close])).toEqual([
      [0, "2025-11-21", 75],
      [1, "2025-11-22", 80],
      [7, "2025-11-28", null]
    ]);
    expect(nov.rebounds[0]!.pct).toBeCloseTo((75 / 70 - 1) * 100, 9);
    expect(nov.rebounds[1]!.pct).toBeCloseTo((80 / 70 - 1) * 100, 9);
    expect(nov.rebounds[2]!.pct).toBeNull();
    expect(nov.dvolAtLow).toEqual({ time: "2025-11-21T12:00:00Z", dvol: 60 });
    expect(nov.fundingAprPct).toBe(10.95);
  });

  it("leaves DVOL and funding null when the series lack the low day, and names the rule that chose it", () => {
    const oct = measureEpisode(october, FIXTURE_INPUTS);
    expect(oct).toMatchObject({ day: "2025-10-10", low: 85, lookbackCut: true, lookbackFrom: "2025-10-01", dvolAtLow: null, fundingAprPct: null });
    expect(oct.dayRule).toBe("the day of the month's largest close-to-close fall");
    expect(oct.drawdownPct).toBeCloseTo((85 / 120 - 1) * 100, 9);
  });
});

describe("episodePath", () => {
  it("runs from 10 days before to 10 after the low day against the prior high, leaving out days the series lacks", () => {
    const oct = measureEpisode(october, FIXTURE_INPUTS);
    const path = episodePath(FIXTURE_DAILY, oct);
    // Sep 30 is before the series starts: the path begins at day −9.
    expect(path.map((row) => row.offset)).toEqual(Array.from({ length: 20 }, (_, i) => i - 9));
    const low = path.find((row) => row.offset === 0)!;
    expect(low.date).toBe("2025-10-10");
    expect(low.closePct).toBeCloseTo((90 / 120 - 1) * 100, 9);
    expect(low.lowPct).toBeCloseTo(oct.drawdownPct, 9);
    const nov = episodePath(FIXTURE_DAILY, measureEpisode(november, FIXTURE_INPUTS));
    // Nov 28 (day +7) is missing and the series ends on Nov 30 (day +9).
    expect(nov.map((row) => row.offset)).toEqual(Array.from({ length: 2 * PATH_DAYS }, (_, i) => i - PATH_DAYS).filter((offset) => offset !== 7));
  });
});

describe("the episodes in the committed extracts", () => {
  const data = episodesDataset();
  const byId = new Map(data.episodes.map((episode) => [episode.id, episode]));
  const { claims } = loadLedger();
  const daily = publicRows(data.sources.daily.series);

  it("lands each printed day where the articles print it", () => {
    for (const episode of data.episodes) if (episode.printedDay !== null) expect(episode.day).toBe(episode.printedDay);
    expect(byId.get("nov-2025")!.day).toBe("2025-11-21");
    expect(byId.get("feb-2026")!.day).toBe("2026-02-06");
    expect(byId.get("feb-2026")!.low).toBeLessThan(61_000);
  });

  it("chooses the October day as the only October day with a close-to-close fall of more than 7%", () => {
    const october = EPISODES.find((spec) => spec.printedDay === null)!;
    expect(byId.get(october.id)!.day).toBe("2025-10-10");
    const falls = daily.flatMap((row, i) =>
      i > 0 && String(row.date).startsWith("2025-10") ? [{ date: row.date, change: (row.close as number) / (daily[i - 1]!.close as number) - 1 }] : []
    );
    expect(falls.filter((fall) => fall.change < -0.07).map((fall) => fall.date)).toEqual(["2025-10-10"]);
  });

  it("cuts October's lookback at the extract's first day and no other", () => {
    expect(data.episodes.filter((episode) => episode.lookbackCut).map((episode) => episode.id)).toEqual(["oct-2025"]);
    expect(byId.get("oct-2025")!.lookbackFrom).toBe(daily[0]!.date);
  });

  it("measures the lows the articles print to within 0.5%, and their prior highs below the 45-day high", () => {
    const novRange = claimById(claims, "btc-correction-range-2025-11-21-rally-71k");
    const nov = byId.get("nov-2025")!;
    expect(Math.abs(nov.low / novRange.low! - 1)).toBeLessThan(0.001);
    // The article's fall starts lower than the highest high of the 45 days before: its 28% is not the measured fall.
    expect(novRange.high!).toBeLessThan(nov.priorHigh.high);
    expect(nov.drawdownPct).toBeLessThan(claimById(claims, "btc-correction-2025-11-21-rally-71k").value!);
    const feb = byId.get("feb-2026")!;
    for (const id of ["btc-low-2026-02-06", "btc-low-2026-02-06-rally-71k"]) expect(Math.abs(feb.low / claimById(claims, id).value! - 1)).toBeLessThan(0.005);
  });

  it("reads DVOL in the hour of the low and funding as the day's mean 8-hour rate × 3 × 365", () => {
    const dvol = new Map(publicRows(data.sources.dvol.series).map((row) => [row.time, row.dvol]));
    const funding = new Map(publicRows(data.sources.funding.series).map((row) => [row.date, row.funding_rate as number]));
    for (const episode of data.episodes) {
      expect(episode.dvolAtLow!.time.slice(0, 10)).toBe(episode.day);
      expect(episode.dvolAtLow!.dvol).toBe(dvol.get(episode.dvolAtLow!.time));
      expect(episode.fundingAprPct).toBeCloseTo(fundingApr(funding.get(episode.day)!, 8) * 100, 9);
    }
    // Funding was negative on the February low and positive on the other two.
    expect(data.episodes.map((episode) => Math.sign(episode.fundingAprPct!))).toEqual([1, 1, -1]);
  });

  it("backs the Overview's summary: February fell furthest, bounced hardest a day later, and had the highest DVOL at its low", () => {
    const others = data.episodes.filter((episode) => episode.id !== "feb-2026");
    const feb = byId.get("feb-2026")!;
    const after1 = (episode: (typeof data.episodes)[number]) => episode.rebounds.find((rebound) => rebound.afterDays === 1)!.pct!;
    for (const other of others) {
      expect(feb.drawdownPct).toBeLessThan(other.drawdownPct);
      expect(after1(feb)).toBeGreaterThan(after1(other));
      expect(feb.dvolAtLow!.dvol).toBeGreaterThan(other.dvolAtLow!.dvol);
    }
  });

  it("aligns each path on its low day, from the extract's first day at the earliest", () => {
    for (const episode of data.episodes) {
      const path = data.paths.filter((row) => row.episode === episode.id);
      const low = path.find((row) => row.offset === 0)!;
      expect(low.date).toBe(episode.day);
      expect(low.lowPct).toBeCloseTo(episode.drawdownPct, 9);
      expect(Math.max(...path.map((row) => row.offset))).toBe(PATH_DAYS);
      expect(path[0]!.date >= daily[0]!.date!).toBe(true);
    }
  });
});
