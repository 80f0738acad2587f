import { describe, expect, test } from "vitest";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { marketSkewPoints, reportedSkewPoints, shortUtcDate, signedNumber, skewFearLine, symmetricDomain } from "../../src/components/skewReadings.ts";

const { claims } = loadLedger();
const byMeasure = (points: { measure: string; date: string; label: string }[]) =>
  points.map(({ measure, date, label }) => `${measure} ${date}: ${label}`).sort();

describe("reportedSkewPoints", () => {
  test("draws each ledger skew figure once, in the risk-reversal convention", () => {
    expect(byMeasure(reportedSkewPoints(claims, "rr25"))).toEqual([
      "25-delta risk reversal, short-dated 2026-02-05: −13 vol pts",
      "Put-minus-call options skew 2025-11-21: −11%",
      "Put-minus-call options skew 2026-02-06: −20%"
    ]);
  });

  test("flips every sign, and nothing else, in the put-minus-call convention", () => {
    expect(byMeasure(reportedSkewPoints(claims, "put_minus_call"))).toEqual([
      "25-delta risk reversal, short-dated 2026-02-05: 13 vol pts",
      "Put-minus-call options skew 2025-11-21: 11%",
      "Put-minus-call options skew 2026-02-06: 20%"
    ]);
  });

  test("keeps both outlets behind the syndicated 20% reading and the figure as quoted", () => {
    const feb6 = reportedSkewPoints(claims, "rr25").find((point) => point.date === "2026-02-06");
    expect(feb6?.reported?.map((claim) => claim.id)).toEqual(["btc-skew-2026-02-06-rally-71k"]);
    expect(feb6?.asQuoted).toBe("20%");
    expect(feb6?.source).toBe("AltcoinStory; Unnamed outlet (byline Esther Mendoza)");
  });
});

describe("skewFearLine", () => {
  test("is the 6% put-minus-call threshold, mirrored in the rr25 convention", () => {
    expect(skewFearLine(claims, "put_minus_call")?.value).toBe(6);
    expect(skewFearLine(claims, "rr25")?.label).toBe("fear line −6%");
  });

  test("is absent when the ledger has no threshold", () => {
    expect(skewFearLine([], "rr25")).toBeNull();
  });
});

describe("marketSkewPoints", () => {
  test("puts each tenor on its own row and converts computed RR25", () => {
    const rows = [{ date: "2026-02-05", tenor_days: 7, rr25: -12.46, call_iv25: 60, put_iv25: 72.46, expiries: ["2026-02-13"] }];
    const [point] = marketSkewPoints(rows, "put_minus_call", "Deribit");
    expect(point).toMatchObject({ measure: "Computed 25-delta RR, 7-day", value: 12.46, label: "12.5", asQuoted: "−12.46 vol pts (rr25)", reported: null });
  });
});

describe("formatting", () => {
  test("uses a true minus sign and short UTC dates", () => {
    expect(signedNumber(-13)).toBe("−13");
    expect(shortUtcDate("2026-02-05")).toBe("Feb 5");
    expect(shortUtcDate("2025-11-21")).toBe("Nov 21 ’25");
  });

  test("centres the axis on zero so a sign flip mirrors the chart", () => {
    expect(symmetricDomain([-13, -20, -6])).toEqual([-25, 25]);
  });
});
