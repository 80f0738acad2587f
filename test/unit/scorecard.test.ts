import { readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { describe, expect, test } from "vitest";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import {
  BUCKET_IDS,
  SCORECARD_BUCKETS,
  ledgerReading,
  marketReading,
  parseThresholds,
  scorecardStatus,
  tallyStatuses,
  thresholdsFor,
  whatIfDomain,
  whatIfStart,
  type BucketId,
  type Reading,
  type ScorecardThreshold
} from "../../src/lib/scorecard.ts";
import { projectRoot } from "../support/tempProject.ts";

const { claims } = loadLedger();
const thresholdsFile = join(projectRoot, "data/scorecard-thresholds.csv");
const thresholds = parseThresholds(csvParse(readFileSync(thresholdsFile, "utf8")), claims);
const rulesOf = (bucket: BucketId) => thresholdsFor(bucket, thresholds);
const bucketOf = (id: BucketId) => SCORECARD_BUCKETS.find((bucket) => bucket.id === id)!;
const at = (value: number): Reading => ({ value, low: null, high: null });
const below = (high: number): Reading => ({ value: null, low: null, high });
const above = (low: number): Reading => ({ value: null, low, high: null });

describe("thresholds data", () => {
  test("every bucket of the table has a bearish threshold", () => {
    for (const id of BUCKET_IDS) expect(rulesOf(id).map((t) => t.status)).toContain("bearish");
  });

  test("thresholds that cite a claim use that claim's figure (the skew fear line flipped to rr25)", () => {
    const cited = Object.fromEntries(thresholds.filter((t) => t.claimId).map((t) => [`${t.bucket}/${t.status}`, t.value]));
    expect(cited).toEqual({
      "funding/bearish": 0,
      "skew/bearish": -6,
      "etf-flows/bearish": -400,
      "realized-loss/bearish": 1.26,
      "realized-loss/bullish": 1.26,
      "hashprice/bearish": 32,
      "hashprice/bullish": 32
    });
  });

  test("a row whose value is not its claim's figure is rejected with the row named", () => {
    const rows = csvParse(readFileSync(thresholdsFile, "utf8")).map((row) => ({ ...row }));
    rows[5] = { ...rows[5], value: "-450" };
    expect(() => parseThresholds(rows, claims)).toThrow(/scorecard-thresholds\.csv:7: value -450 is not a figure of claim "btc-etf-flow-bear-scenario"/);
  });

  test("a row without a note or with an unknown operator is rejected", () => {
    const row = { bucket: "funding", status: "bearish", operator: "<", value: "0", unit: "pct", claim_id: "", basis: "article", note: "why" };
    expect(() => parseThresholds([{ ...row, note: "" }], claims)).toThrow(/:2: note is empty/);
    expect(() => parseThresholds([{ ...row, operator: "=<" }], claims)).toThrow(/:2: operator must be one of/);
    expect(() => parseThresholds([{ ...row, bucket: "basis" }], claims)).toThrow(/:2: bucket "basis" is not one of/);
  });
});

describe("scorecardStatus at every threshold edge", () => {
  test.each([
    // bucket, reading, status: on each side of and exactly at every threshold
    ["funding", -0.01, "bearish"],
    ["funding", 0, "neutral"],
    ["funding", 0.01, "bullish"],
    ["skew", -13, "bearish"],
    ["skew", -6.01, "bearish"],
    ["skew", -6, "neutral"],
    ["skew", -0.01, "neutral"],
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
    ["realized-loss", 1.35, "bearish"],
    ["realized-loss", 1.26, "bearish"],
    ["realized-loss", 1.25, "bullish"],
    ["hashprice", 31.99, "bearish"],
    ["hashprice", 32, "bullish"],
    ["hashprice", 40, "bullish"]
  ] as [BucketId, number, string][])("%s at %d is %s", (bucket, value, status) => {
    expect(scorecardStatus(at(value), rulesOf(bucket))).toBe(status);
  });
});

describe("scorecardStatus of one-sided bounds (strict) and ranges (inclusive)", () => {
  test("funding below 0% is bearish, whatever the exact rate", () => {
    expect(scorecardStatus(below(0), rulesOf("funding"))).toBe("bearish");
  });

  test("funding below 1% straddles the line: indeterminate", () => {
    expect(scorecardStatus(below(1), rulesOf("funding"))).toBe("indeterminate");
  });

  test("realized loss over $1.26B a day is bearish; over $1B is indeterminate", () => {
    expect(scorecardStatus(above(1.26), rulesOf("realized-loss"))).toBe("bearish");
    expect(scorecardStatus(above(1), rulesOf("realized-loss"))).toBe("indeterminate");
  });

  test("hashprice below $32 is bearish; above $32 is bullish", () => {
    expect(scorecardStatus(below(32), rulesOf("hashprice"))).toBe("bearish");
    expect(scorecardStatus(above(32), rulesOf("hashprice"))).toBe("bullish");
  });

  test("a range is one status only when both its ends are", () => {
    const scenario = claims.find((claim) => claim.id === "btc-etf-flow-bear-scenario")!;
    expect(scorecardStatus({ value: null, low: scenario.low, high: scenario.high }, rulesOf("etf-flows"))).toBe("bearish");
    expect(scorecardStatus({ value: null, low: -500, high: -399 }, rulesOf("etf-flows"))).toBe("indeterminate");
    expect(scorecardStatus({ value: null, low: -300, high: 0 }, rulesOf("etf-flows"))).toBe("neutral");
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
  const status = (id: BucketId) => scorecardStatus(ledgerReading(bucketOf(id), claims).reading, rulesOf(id));

  test("every bucket's reading comes from the ledger with its claims", () => {
    for (const bucket of SCORECARD_BUCKETS) expect(ledgerReading(bucket, claims).claims.length).toBeGreaterThan(0);
  });

  test("open interest change is computed from CoinGlass's $61B and $49B", () => {
    const { reading, claims: used } = ledgerReading(bucketOf("open-interest"), claims);
    expect(used.map((claim) => claim.value)).toEqual([61, 49]);
    expect(reading?.value).toBeCloseTo((49 / 61 - 1) * 100, 10);
  });

  test("the reported readings: five bearish and open interest neutral", () => {
    expect(Object.fromEntries(BUCKET_IDS.map((id) => [id, status(id)]))).toEqual({
      funding: "bearish",
      skew: "bearish",
      "open-interest": "neutral",
      "etf-flows": "bearish",
      "realized-loss": "bearish",
      hashprice: "bearish"
    });
  });

  test("a reading whose claim is missing is 'no reading'", () => {
    expect(ledgerReading(bucketOf("funding"), []).reading).toBeNull();
  });
});

test("tally counts every status", () => {
  expect(tallyStatuses(["bearish", "bearish", "neutral", "no reading"])).toEqual({
    bearish: 2,
    neutral: 1,
    bullish: 0,
    indeterminate: 0,
    "no reading": 1
  });
});

describe("computed readings from market rows", () => {
  test("funding: the last 8-hour rate, in percent", () => {
    const rows = [
      { time: "2026-02-06T08:00:00.000Z", interest_1h: 0, interest_8h: 0.0001, apr_pct: 10.95 },
      { time: "2026-02-05T08:00:00.000Z", interest_1h: 0, interest_8h: -0.0002, apr_pct: -21.9 }
    ];
    expect(marketReading(bucketOf("funding"), rows)).toEqual({ reading: at(0.01), asOf: "2026-02-06T08:00:00.000Z", dataset: "funding" });
  });

  test("skew: the shortest tenor's last day", () => {
    const rows = [
      { date: "2026-02-06", tenor_days: 30, rr25: -8, call_iv25: 0, put_iv25: 0, expiries: [] },
      { date: "2026-02-06", tenor_days: 7, rr25: -13, call_iv25: 0, put_iv25: 0, expiries: [] },
      { date: "2026-02-05", tenor_days: 7, rr25: -11, call_iv25: 0, put_iv25: 0, expiries: [] }
    ];
    expect(marketReading(bucketOf("skew"), rows)?.reading.value).toBe(-13);
  });

  test("hashprice: the last day with a hashprice", () => {
    const rows = [
      { date: "2026-02-05", hashprice_usd_per_ph_day: 31.5 },
      { date: "2026-02-06", hashprice_usd_per_ph_day: null }
    ];
    expect(marketReading(bucketOf("hashprice"), rows)).toMatchObject({ reading: at(31.5), asOf: "2026-02-05" });
  });

  test("no rows, or a bucket without a market dataset, gives no computed reading", () => {
    expect(marketReading(bucketOf("funding"), [])).toBeNull();
    expect(marketReading(bucketOf("etf-flows"), [{ time: "x" }])).toBeNull();
  });
});

describe("what-if control", () => {
  test("its domain covers the thresholds and the reading", () => {
    for (const bucket of SCORECARD_BUCKETS) {
      const { reading } = ledgerReading(bucket, claims);
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
  const overlapping: ScorecardThreshold[] = [
    { bucket: "funding", status: "bearish", operator: "<=", value: 0, unit: "pct", claimId: null, basis: "article", note: "x" },
    { bucket: "funding", status: "bullish", operator: ">=", value: 0, unit: "pct", claimId: null, basis: "article", note: "x" }
  ];
  expect(() => scorecardStatus(at(0), overlapping)).toThrow(/overlap at 0/);
});
