import { readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { describe, expect, test } from "vitest";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { DEFAULT_SEEDS_DIR } from "../../src/lib/ledger/paths.ts";
import {
  BUCKET_IDS,
  SCORECARD_BUCKETS,
  computedBeside,
  ledgerReading,
  parseThresholds,
  readingClaimIds,
  scorecardStatus,
  tallyStatuses,
  thresholdsFor,
  whatIfDomain,
  whatIfStart,
  type BucketId,
  type BucketReading,
  type Reading,
  type ScorecardThreshold
} from "../../src/lib/scorecard.ts";
import { articleQuoteFinder, loadThresholds, THRESHOLDS_FILE } from "../../src/lib/scorecardData.ts";

const ledger = loadLedger();
const { claims } = ledger;
const quoteFound = articleQuoteFinder(ledger);
const thresholds = loadThresholds(ledger);
const records = () => csvParse(readFileSync(THRESHOLDS_FILE, "utf8")).map((row) => ({ ...row }));
const bucketOf = (id: BucketId) => SCORECARD_BUCKETS.find((bucket) => bucket.id === id)!;
const tableReading = (id: BucketId) => bucketOf(id).readings[0]!;
const rulesOf = (id: BucketId, reading: BucketReading = tableReading(id)) => thresholdsFor(id, reading, thresholds);
const claim = (id: string) => claims.find((c) => c.id === id)!;
const figuresOf = (id: string) => [claim(id).value, claim(id).low, claim(id).high].filter((x): x is number => x !== null);
const at = (value: number): Reading => ({ value, low: null, high: null });
const below = (high: number): Reading => ({ value: null, low: null, high });
const above = (low: number): Reading => ({ value: null, low, high: null });
const allReadings = SCORECARD_BUCKETS.flatMap((bucket) => bucket.readings.map((reading) => ({ bucket: bucket.id, reading })));

/** The signal buckets of the summary table at the end of the framework article: its first column. */
function articleTableBuckets(): string[] {
  const article = readFileSync(join(DEFAULT_SEEDS_DIR, "000_dfdfa337dd763d04.txt"), "utf8");
  const rows = article.split("\n").filter((line) => line.startsWith("|"));
  return rows.slice(2).map((row) => row.split("|")[1]!.trim());
}

describe("the buckets follow the article's table", () => {
  test("one bucket per table row, and no macro signal because the table lists none", () => {
    const table = articleTableBuckets();
    expect(SCORECARD_BUCKETS).toHaveLength(table.length);
    expect(table.some((name) => /macro/i.test(name))).toBe(false);
    expect(BUCKET_IDS.some((id) => /macro/.test(id))).toBe(false);
  });

  test("every reading's claims are in the ledger, and a skew reading carries its own convention", () => {
    for (const { reading } of allReadings) {
      for (const id of readingClaimIds(reading)) expect(claim(id), id).toBeDefined();
      if (reading.source.kind === "claim") expect(reading.convention).toBe(claim(reading.source.claimId).convention ?? null);
    }
  });
});

describe("thresholds are never circular", () => {
  test("a line that cites a claim cites another claim than the reading it scores, and its value differs from the reading's", () => {
    const cited = thresholds.filter((t) => t.claimId);
    expect(cited.length).toBeGreaterThan(0);
    for (const t of cited) {
      const scored = allReadings.filter(({ bucket, reading }) => bucket === t.bucket && reading.convention === t.convention);
      expect(scored.length, `${t.bucket} ${t.status}`).toBeGreaterThan(0);
      for (const { reading } of scored) {
        for (const id of readingClaimIds(reading)) {
          expect(t.claimId).not.toBe(id);
          expect(figuresOf(id)).not.toContain(t.value);
        }
      }
      expect(figuresOf(t.claimId!)).toContain(t.value);
    }
  });

  test("a line without a claim is a sign boundary the source states in words", () => {
    for (const t of thresholds.filter((t) => !t.claimId)) expect(t.value, `${t.bucket} ${t.status}`).toBe(0);
  });

  test("each line keeps the convention of the claim it cites: the put-minus-call fear line scores only the put-minus-call reading", () => {
    for (const t of thresholds.filter((t) => t.claimId)) expect(t.convention).toBe(claim(t.claimId!).convention ?? null);
    const fearLine = thresholds.find((t) => t.claimId === "btc-skew-fear-line-rally-71k")!;
    expect(fearLine).toMatchObject({ convention: "put_minus_call", operator: ">", value: figuresOf("btc-skew-fear-line-rally-71k")[0] });
    expect(rulesOf("skew").map((t) => t.convention)).toEqual(rulesOf("skew").map(() => "rr25"));
  });

  test("each line's words are in the article of the reading it scores", () => {
    for (const t of thresholds) {
      const sources = allReadings
        .filter(({ bucket, reading }) => bucket === t.bucket && reading.convention === t.convention)
        .flatMap(({ reading }) => readingClaimIds(reading).map((id) => claim(id).sourceId));
      expect(sources.some((source) => quoteFound(source, t.quote)), t.quote).toBe(true);
    }
  });

  test("where the only number is the reading itself, the status is 'no threshold' rather than a verdict", () => {
    for (const { bucket, reading } of allReadings) {
      const { reading: value } = ledgerReading(reading, claims);
      const status = scorecardStatus(value, thresholdsFor(bucket, reading, thresholds));
      expect(status === "no threshold", `${bucket} ${reading.label}`).toBe(thresholdsFor(bucket, reading, thresholds).length === 0);
    }
    // Realized loss and hashprice print no number but the reading: Glassnode's > $1.26B and TheMinerMag's < $32.
    expect(rulesOf("realized-loss")).toEqual([]);
    expect(rulesOf("hashprice")).toEqual([]);
  });
});

describe("parseThresholds refuses", () => {
  const base = records();
  const row = (i: number, patch: Record<string, string>) => base.map((r, j) => (j === i ? { ...r, ...patch } : r));
  const etfBearish = base.findIndex((r) => r.bucket === "etf-flows" && r.status === "bearish");
  const fearLine = base.findIndex((r) => r.claim_id === "btc-skew-fear-line-rally-71k");

  test("a line taken from the reading it scores", () => {
    expect(() => parseThresholds(row(etfBearish, { claim_id: "btc-etf-flow-2026-02-05", value: "-434.1" }), claims, quoteFound)).toThrow(
      new RegExp(`scorecard-thresholds\\.csv:${etfBearish + 2}: claim "btc-etf-flow-2026-02-05" is the reading this line scores`)
    );
  });

  test("a value that is not its claim's figure", () => {
    expect(() => parseThresholds(row(etfBearish, { value: "-450" }), claims, quoteFound)).toThrow(/value -450 is not a figure of claim "btc-etf-flow-bear-scenario"/);
  });

  test("a line converted to another convention (the fear line flipped to score the risk reversal)", () => {
    expect(() => parseThresholds(row(fearLine, { convention: "rr25", value: "-6", unit: "vol_pts", operator: "<" }), claims, quoteFound)).toThrow(
      /quoted in put_minus_call, the line in rr25/
    );
  });

  test("a number no source prints as a line", () => {
    expect(() => parseThresholds(row(etfBearish, { claim_id: "", value: "-300" }), claims, quoteFound)).toThrow(/must be a sign boundary \(0\)/);
  });

  test("words that are not in the reading's article, an empty quote, an unknown operator or bucket", () => {
    expect(() => parseThresholds(row(0, { quote: "funding stays deeply negative" }), claims, quoteFound)).toThrow(/:2: quote "funding stays deeply negative" is not in the article/);
    expect(() => parseThresholds(row(0, { quote: "" }), claims, quoteFound)).toThrow(/:2: quote is empty/);
    expect(() => parseThresholds(row(0, { operator: "=<" }), claims, quoteFound)).toThrow(/:2: operator must be one of/);
    expect(() => parseThresholds(row(0, { bucket: "basis" }), claims, quoteFound)).toThrow(/:2: bucket "basis" is not one of/);
  });
});

describe("scorecardStatus at every threshold edge", () => {
  const pmc = bucketOf("skew").readings.find((r) => r.convention === "put_minus_call")!;
  test.each([
    ["funding", -0.01, "bearish"],
    ["funding", 0, "neutral"],
    ["funding", 0.01, "bullish"],
    ["skew", -13, "bearish"],
    ["skew", -0.01, "bearish"],
    ["skew", 0, "bullish"],
    ["skew", 2, "bullish"],
    ["open-interest", -19.7, "neutral"],
    ["open-interest", 0, "neutral"],
    ["open-interest", 0.01, "bearish"],
    ["etf-flows", -544.9, "bearish"],
    ["etf-flows", -400, "bearish"],
    ["etf-flows", -399.9, "neutral"],
    ["etf-flows", 0, "neutral"],
    ["etf-flows", 0.1, "bullish"],
    ["realized-loss", 1.35, "no threshold"],
    ["hashprice", 31.99, "no threshold"]
  ] as [BucketId, number, string][])("%s at %d is %s", (bucket, value, status) => {
    expect(scorecardStatus(at(value), rulesOf(bucket))).toBe(status);
  });

  test.each([
    [20, "bearish"],
    [6.01, "bearish"],
    [6, "neutral"],
    [0, "neutral"],
    [-0.01, "bullish"]
  ])("put-minus-call skew at %d is %s, against its own story's lines", (value, status) => {
    expect(scorecardStatus(at(value), rulesOf("skew", pmc))).toBe(status);
  });
});

describe("scorecardStatus of one-sided bounds (strict) and ranges (inclusive)", () => {
  test("funding below 0% is bearish, whatever the exact rate; below 1% straddles the line", () => {
    expect(scorecardStatus(below(0), rulesOf("funding"))).toBe("bearish");
    expect(scorecardStatus(below(1), rulesOf("funding"))).toBe("indeterminate");
  });

  test("a range is one status only when both its ends are", () => {
    const scenario = claim("btc-etf-flow-bear-scenario");
    expect(scorecardStatus({ value: null, low: scenario.low, high: scenario.high }, rulesOf("etf-flows"))).toBe("bearish");
    expect(scorecardStatus({ value: null, low: -500, high: -399 }, rulesOf("etf-flows"))).toBe("indeterminate");
    expect(scorecardStatus({ value: null, low: -300, high: 0 }, rulesOf("etf-flows"))).toBe("neutral");
  });

  test("a bound with no line in the sources has no verdict", () => {
    expect(scorecardStatus(above(1.26), rulesOf("realized-loss"))).toBe("no threshold");
    expect(scorecardStatus(below(32), rulesOf("hashprice"))).toBe("no threshold");
  });
});

describe("missing readings", () => {
  test.each(BUCKET_IDS)("%s without a reading is 'no reading'", (bucket) => {
    expect(scorecardStatus(null, rulesOf(bucket))).toBe("no reading");
    expect(scorecardStatus(undefined, rulesOf(bucket))).toBe("no reading");
    expect(scorecardStatus({ value: null, low: null, high: null }, rulesOf(bucket))).toBe("no reading");
    expect(scorecardStatus(at(Number.NaN), rulesOf(bucket))).toBe("no reading");
  });
});

describe("ledger readings", () => {
  test("open interest change is computed from CoinGlass's two dollar levels", () => {
    const { reading, claims: used } = ledgerReading(tableReading("open-interest"), claims);
    const [from, to] = used.map((c) => c.value!);
    expect(reading?.value).toBeCloseTo((to! / from! - 1) * 100, 10);
  });

  test("the reported readings: funding, both skews and ETF flows bearish, open interest neutral, no verdict for realized loss and hashprice", () => {
    const statuses = Object.fromEntries(allReadings.map(({ bucket, reading }) => [`${bucket}/${reading.convention ?? "-"}`, scorecardStatus(ledgerReading(reading, claims).reading, thresholdsFor(bucket, reading, thresholds))]));
    expect(statuses).toEqual({
      "funding/-": "bearish",
      "skew/rr25": "bearish",
      "skew/put_minus_call": "bearish",
      "open-interest/-": "neutral",
      "etf-flows/-": "bearish",
      "realized-loss/-": "no threshold",
      "hashprice/-": "no threshold"
    });
  });

  test("a reading whose claim is missing is 'no reading'", () => {
    expect(ledgerReading(tableReading("funding"), []).reading).toBeNull();
  });
});

test("tally counts every status", () => {
  expect(tallyStatuses(["bearish", "bearish", "neutral", "no threshold", "no reading"])).toEqual({
    bearish: 2,
    neutral: 1,
    bullish: 0,
    indeterminate: 0,
    "no threshold": 1,
    "no reading": 1
  });
});

describe("the computed value beside a reading covers the span its source gives", () => {
  const funding = [
    { time: "2026-02-05T00:00:00Z", interest_8h: 0.00002 },
    { time: "2026-02-06T00:00:00Z", interest_8h: -0.0001 },
    { time: "2026-02-09T00:00:00Z", interest_8h: -0.0003 }
  ];
  test("a dated reading: that day's value", () => {
    expect(computedBeside(bucketOf("funding"), { asOf: "2026-02-05", period: "point" }, funding)).toMatchObject({ reading: at(0.002), dataset: "funding" });
  });

  test("a reading dated only to a week: the week's lowest value, named as such", () => {
    const result = computedBeside(bucketOf("funding"), { asOf: "2026-W06", period: "week" }, funding);
    expect(result).toMatchObject({ reading: { value: expect.closeTo(-0.01, 10) } });
    expect((result as { description: string }).description).toMatch(/^lowest .* over 2026-W06 \(Feb 2 to Feb 8\), on 2026-02-06$/);
  });

  test("the risk reversal over a week: the shortest tenor's lowest day", () => {
    const rows = [
      { date: "2026-02-03", tenor_days: 7, rr25: -9 },
      { date: "2026-02-05", tenor_days: 7, rr25: -12.5 },
      { date: "2026-02-05", tenor_days: 30, rr25: -14 },
      { date: "2026-02-10", tenor_days: 7, rr25: -15 }
    ];
    expect(computedBeside(bucketOf("skew"), { asOf: "2026-W06", period: "week" }, rows)).toMatchObject({ reading: at(-12.5) });
  });

  test("an undated reading is never pinned to a day: no value, and the reason", () => {
    expect(computedBeside(bucketOf("funding"), { asOf: null, period: "week" }, funding)).toEqual({ skipped: expect.stringMatching(/prints no date/) });
    expect(computedBeside(bucketOf("funding"), { asOf: "", period: "point" }, funding)).toEqual({ skipped: expect.stringMatching(/prints no date/) });
  });

  test("no rows, or a bucket without a market dataset, gives nothing", () => {
    expect(computedBeside(bucketOf("funding"), { asOf: "2026-02-05", period: "point" }, [])).toBeNull();
    expect(computedBeside(bucketOf("etf-flows"), { asOf: "2026-02-05", period: "1d" }, [{ time: "x" }])).toBeNull();
    expect(computedBeside(bucketOf("funding"), { asOf: "2026-02-20", period: "point" }, funding)).toBeNull();
  });
});

describe("what-if control", () => {
  test("its domain covers the lines and the reading", () => {
    for (const bucket of SCORECARD_BUCKETS) {
      const { reading } = ledgerReading(bucket.readings[0]!, claims);
      const { min, max, step } = whatIfDomain(reading, rulesOf(bucket.id));
      for (const t of rulesOf(bucket.id)) expect(t.value).toBeGreaterThan(min), expect(t.value).toBeLessThan(max);
      expect(step).toBeGreaterThan(0);
    }
  });

  test("it starts at the value, or at the bound the article gave", () => {
    expect(whatIfStart(at(-13))).toBe(-13);
    expect(whatIfStart(below(32))).toBe(32);
    expect(whatIfStart(above(1.26))).toBe(1.26);
    expect(whatIfStart(null)).toBe(0);
  });
});

test("overlapping thresholds are a data error", () => {
  const line = { bucket: "funding", convention: null, unit: "pct", claimId: null, quote: "x", value: 0 } as const;
  const overlapping: ScorecardThreshold[] = [
    { ...line, status: "bearish", operator: "<=" },
    { ...line, status: "bullish", operator: ">=" }
  ];
  expect(() => scorecardStatus(at(0), overlapping)).toThrow(/overlap at 0/);
});
