import { describe, expect, test } from "vitest";
import { FOLLOW_UP } from "../../src/lib/followUp.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { publicRows } from "../../src/lib/public/load.ts";
import { AFTER_CRASH, BUCKET_IDS, FUNDING_TURN_DAYS, signalTurns, TURN_VERDICTS, type SignalTurnInputs, type SignalTurns } from "../../src/lib/scorecard.ts";
import { articleQuoteFinder, loadSignalTurns } from "../../src/lib/scorecardData.ts";

const ledger = loadLedger();
const { claims } = ledger;
const turns = loadSignalTurns(claims);
const line = (bucket: string, data: SignalTurns = turns) => data.lines.find((l) => l.bucket === bucket)!;
const placeholders = (text: string) => [...text.matchAll(/\{([a-z0-9-]+)\}/g)].map((m) => m[1]!);
const quoted = (text: string) => [...text.matchAll(/“([^”]+)”/g)].map((m) => m[1]!);

const followUpWrote = (words: string) => articleQuoteFinder(ledger)(FOLLOW_UP.sourceId, words);

const empty: SignalTurnInputs = {
  funding: [],
  volatility: [],
  mining: [],
  adjustments: [],
  price: [],
  exchangeNetFlow: [],
  etfFlowEstimate: [],
  holdLevel: { claimId: "btc-resistance-70k-2026-02-06", value: 70000 },
  followUpHigh: { claimId: "btc-followup-rally-high", value: 82000 }
};

describe("which signals turned, from the committed series and the follow-up", () => {
  test("one line per scorecard bucket, each with a verdict, the reading at the crash and its evidence", () => {
    expect(turns.lines.map((l) => l.bucket)).toEqual([...BUCKET_IDS]);
    for (const l of turns.lines) {
      expect(TURN_VERDICTS).toContain(l.verdict);
      expect(l.atCrash.length).toBeGreaterThan(0);
      expect(l.evidence.length).toBeGreaterThan(0);
      for (const { claimId } of l.atCrash) expect(claims.some((c) => c.id === claimId), claimId).toBe(true);
    }
  });

  test("reported evidence comes from the follow-up: its figures are follow-up rows and its quoted words are in the follow-up's text", () => {
    const reported = turns.lines.flatMap((l) => l.evidence.filter((e) => e.kind === "reported"));
    expect(reported.length).toBeGreaterThan(0);
    for (const evidence of reported) {
      expect(evidence.source).toBe(FOLLOW_UP.credit);
      for (const id of placeholders(evidence.text)) expect(claims.find((c) => c.id === id)?.sourceId, id).toBe(FOLLOW_UP.sourceId);
      for (const words of quoted(evidence.text)) expect(followUpWrote(words), words).toBe(true);
    }
  });

  test("every figure placeholder names a ledger row", () => {
    const texts = [turns.price.text, ...turns.lines.flatMap((l) => [l.because, ...l.evidence.map((e) => e.text)])];
    for (const id of texts.flatMap(placeholders)) expect(claims.some((c) => c.id === id), id).toBe(true);
  });

  test("funding is judged on the days after the crash that the series holds", () => {
    const days = publicRows("btc-funding-1d").filter((r) => String(r.date) >= AFTER_CRASH);
    const negative = days.filter((r) => (r.funding_rate as number) < 0).length;
    const tail = days.slice(-FUNDING_TURN_DAYS).every((r) => (r.funding_rate as number) > 0);
    expect(line("funding").evidence[0]!.text).toContain(`below zero on ${negative} of the ${days.length} days`);
    expect(line("funding").verdict).toBe(tail ? "turned" : "did not turn");
  });

  test("the price line counts closes above the table's level and places the follow-up after the series when they never reach its rally high", () => {
    const days = publicRows("btc-yahoo-1d").filter((r) => String(r.date) >= AFTER_CRASH);
    const above = days.filter((r) => (r.close as number) > 70000).length;
    expect(turns.price.text).toContain(`on ${above} of ${days.length} days`);
    const top = Math.max(...days.map((r) => r.high as number));
    expect(turns.price.text.includes("{btc-followup-rally-high}")).toBe(top < 82000);
    expect(turns.to).toBe(String(days.at(-1)!.date));
  });

  test("the difficulty relief is the adjustment after the report, as the series measure it", () => {
    expect(line("hashprice").evidence[0]!.text).toMatch(/^Difficulty fell \d+(\.\d)?% at the adjustment that began on Feb \d+\./);
  });

  test("open interest and ETF flows have no series here after the crash: not measurable", () => {
    expect(line("open-interest").verdict).toBe("not measurable here");
    expect(line("etf-flows").verdict).toBe("not measurable here");
  });
});

describe("the verdict rules", () => {
  const funding = (rates: number[]) => rates.map((rate, i) => ({ date: `2026-02-${String(7 + i).padStart(2, "0")}`, rate }));

  test("funding turned only when positive on each of the last days the series holds", () => {
    expect(line("funding", signalTurns({ ...empty, funding: funding([-1, -1, 1, 1, 1]) })).verdict).toBe("turned");
    expect(line("funding", signalTurns({ ...empty, funding: funding([1, 1, 1, -1, 1]) })).verdict).toBe("did not turn");
    expect(line("funding", signalTurns({ ...empty, funding: funding([-1]).map((d) => ({ ...d, date: "2026-02-01" })) })).verdict).toBe("not measurable here");
  });

  test("mining turned only when hashprice held the pre-cut level and BTC held the level on most days", () => {
    const days = (from: number, n: number, hashprice: number) =>
      Array.from({ length: n }, (_, i) => ({ date: `2026-02-${String(from + i).padStart(2, "0")}`, hashprice, hashrate_ehs: 1000 }));
    const mining = [...days(1, 6, 30), ...days(7, 10, 34)];
    const adjustments = [{ time: "2026-02-07T00:00:00Z", change_pct: -11 }];
    const price = (close: number) => Array.from({ length: 10 }, (_, i) => ({ date: `2026-02-${String(7 + i).padStart(2, "0")}`, high: close + 500, close }));
    expect(line("hashprice", signalTurns({ ...empty, mining, adjustments, price: price(71000) })).verdict).toBe("turned");
    const held = signalTurns({ ...empty, mining, adjustments, price: price(69000) });
    expect(line("hashprice", held).verdict).toBe("did not turn");
    expect(line("hashprice", held).because).toContain("closed above {btc-resistance-70k-2026-02-06} on 0 of 10 days");
    expect(line("hashprice", signalTurns({ ...empty, mining })).verdict).toBe("not measurable here");
  });

  test("a rally high the series reach is not said to come after them", () => {
    const price = [{ date: "2026-02-10", high: 83000, close: 81000 }];
    expect(signalTurns({ ...empty, price }).price.text).not.toContain("came after");
  });
});
