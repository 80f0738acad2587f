import { describe, expect, test } from "vitest";
import { formatClaimValue } from "../../src/lib/claims.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { FEAR_SIGN } from "../../src/lib/skew.ts";
import { fearwardDomain, marketSkewPoints, reportedSkewPoints, signedNumber, skewFearLine, skewRows } from "../../src/components/skewReadings.ts";
import { sameFigureSources } from "../../src/components/sameFigure.ts";
import { testClaim } from "../support/claims.ts";

const { claims } = loadLedger();
const skewClaims = claims.filter((claim) => claim.convention !== null);
const readings = skewClaims.filter((claim) => claim.value !== null && claim.kind !== "reference");

describe("reportedSkewPoints", () => {
  test("draws every ledger skew reading once, with the value and sign its source printed", () => {
    const points = reportedSkewPoints(claims);
    expect(points.map((point) => [point.convention, point.value, point.label]).sort()).toEqual(
      readings.map((claim) => [claim.convention, claim.value, formatClaimValue(claim)]).sort()
    );
    // The readings the articles print: the risk reversal at -13 and the options skew at 20 and 11.
    expect(points.map((point) => point.label).sort()).toEqual(["11%", "20%", "−13 vol pts"]);
  });

  test("never draws a sign-flipped value that no source printed", () => {
    const printed = new Set(readings.map((claim) => claim.value));
    for (const point of reportedSkewPoints(claims)) expect(printed.has(point.value)).toBe(true);
    expect(reportedSkewPoints(claims).map((point) => point.value)).not.toContain(-20);
  });

  test("credits the 20% reading to every source the ledger gives it, once", () => {
    const feb6 = reportedSkewPoints(claims).find((point) => point.value === 20);
    const ledgerRows = readings.filter((claim) => claim.value === 20);
    expect(feb6?.reported?.map((claim) => claim.id)).toEqual(ledgerRows.map((claim) => claim.id));
    expect(feb6?.source).toBe(sameFigureSources([ledgerRows[0]!, ...ledgerRows.slice(1)]));
    expect(feb6?.label).toBe("20%");
  });

  test("dates a reading by the span its source gives, and says when none is printed", () => {
    const weekLow = testClaim({ id: "rr", metric: "risk_reversal_25d", kind: "low", convention: "rr25", unit: "vol_pts", value: -13, asOf: "2026-W06", period: "week" });
    const friday = testClaim({ id: "skew", metric: "options_skew", convention: "put_minus_call", unit: "pct", value: 20, asOf: "2026-02-06" });
    const undated = testClaim({ id: "skew-later", metric: "options_skew", convention: "put_minus_call", unit: "pct", value: 11, asOf: null });
    expect(reportedSkewPoints([weekLow, friday, undated]).map((point) => point.when)).toEqual([
      "low of 2026-W06 (Feb 2 to Feb 8)",
      "Feb 6, 2026",
      "date not printed"
    ]);
  });
});

describe("skewFearLine", () => {
  test("is the put-minus-call threshold as printed, a bound above 6%", () => {
    const line = skewFearLine(claims, "put_minus_call");
    expect(line?.value).toBe(6);
    expect(line?.label).toBe("> 6%");
    expect(skewFearLine(claims, "rr25")).toBeNull();
  });

  test("is absent when the ledger has no threshold", () => {
    expect(skewFearLine([], "put_minus_call")).toBeNull();
  });
});

describe("skewRows", () => {
  test("one row per convention the ledger quotes, each with its own readings", () => {
    const rows = skewRows(claims);
    expect(rows.map((row) => row.convention).sort()).toEqual([...new Set(readings.map((claim) => claim.convention))].sort());
    for (const row of rows) expect(row.points.every((point) => point.convention === row.convention)).toBe(true);
  });

  test("adds a computed row per tenor, in the risk-reversal convention", () => {
    const rows = [
      { date: "2026-02-05", tenor_days: 30, rr25: -9.1, call_iv25: 60, put_iv25: 69.1, expiries: ["2026-03-06"] },
      { date: "2026-02-05", tenor_days: 7, rr25: -12.46, call_iv25: 60, put_iv25: 72.46, expiries: ["2026-02-13"] }
    ];
    const market = { dataset: "options-skew", mode: "snapshot" as const, asOf: null, meta: null, rows };
    const computed = skewRows(claims, market).filter((row) => row.computed);
    expect(computed.map((row) => [row.convention, row.points.map((point) => point.value)])).toEqual([
      ["rr25", [-12.46]],
      ["rr25", [-9.1]]
    ]);
  });
});

describe("marketSkewPoints", () => {
  test("keeps computed RR25 as computed, with its day and tenor", () => {
    const rows = [{ date: "2026-02-05", tenor_days: 7, rr25: -12.456, call_iv25: 60, put_iv25: 72.456, expiries: ["2026-02-13"] }];
    const [point] = marketSkewPoints(rows, "Deribit");
    expect(point).toMatchObject({ convention: "rr25", value: -12.456, label: "−12.46 vol pts", when: "2026-02-05, 7-day", reported: null });
  });
});

describe("fearwardDomain", () => {
  test("turns the risk-reversal axis so that fear points right, and keeps the options skew's as it is", () => {
    expect(fearwardDomain([-13], "rr25")).toEqual({ domain: [-15, 5], reverse: true });
    expect(fearwardDomain([20, 11, 6], "put_minus_call")).toEqual({ domain: [-5, 25], reverse: false });
    expect(FEAR_SIGN.rr25).toBe(-1);
  });

  test("reaches past a reading on the calm side too", () => {
    expect(fearwardDomain([4, -13], "rr25").domain).toEqual([-15, 5]);
    expect(fearwardDomain([-8, 20], "put_minus_call").domain).toEqual([-10, 25]);
  });
});

describe("formatting", () => {
  test("uses a true minus sign", () => {
    expect(signedNumber(-13)).toBe("−13");
    expect(signedNumber(20)).toBe("20");
  });
});
