import { describe, expect, it } from "vitest";
import { black76Delta, normCdf } from "../../src/lib/metrics/black76.ts";

describe("normCdf", () => {
  it("matches known quantiles", () => {
    expect(normCdf(0)).toBeCloseTo(0.5, 7);
    expect(normCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normCdf(-1.644854)).toBeCloseTo(0.05, 6);
  });
});

describe("black76Delta", () => {
  it("gives N(σ√T/2) for an at-the-forward call and call - 1 for the put", () => {
    const vol = 0.6;
    const years = 30 / 365;
    const call = black76Delta("call", 70_000, 70_000, vol, years);
    expect(call).toBeCloseTo(normCdf((vol * Math.sqrt(years)) / 2), 10);
    expect(black76Delta("put", 70_000, 70_000, vol, years)).toBeCloseTo(call - 1, 12);
  });

  it("puts the 25-delta call strike where d1 = N⁻¹(0.25)", () => {
    const vol = 0.5;
    const years = 7 / 365;
    const forward = 65_000;
    const d1 = -0.6744897501960817; // N⁻¹(0.25)
    const strike = forward * Math.exp(-(d1 * vol * Math.sqrt(years)) + 0.5 * vol * vol * years);
    expect(black76Delta("call", forward, strike, vol, years)).toBeCloseTo(0.25, 6);
  });
});
