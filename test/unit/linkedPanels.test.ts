import { describe, expect, test } from "vitest";
import { publicCredits } from "../../src/components/chartFigure.ts";
import { volatilityClaims } from "../../src/components/linkedPanels.ts";
import { testClaim } from "../support/claims.ts";

describe("publicCredits", () => {
  test("names the upstream, the mirror with its commit and path, and the licence", () => {
    const source = {
      series: "btc-dvol-1h",
      title: "Deribit DVOL",
      upstream: "Deribit DVOL index (BTC)",
      mirror: `owner/repo@${"a".repeat(40)}:data/dvol.csv`,
      licence: "none stated"
    };
    expect(publicCredits([source])).toEqual([`Deribit DVOL index (BTC) via owner/repo@${"a".repeat(40)}:data/dvol.csv (licence: none stated)`]);
  });
});

describe("volatilityClaims", () => {
  test("keeps levels of volatility dated to a day or hour; leaves out skew (also in vol points), weeks, undated and wordless rows", () => {
    const level = testClaim({ id: "iv", metric: "implied_volatility", unit: "vol_pts", value: 60, asOf: "2026-02-05" });
    const skew = testClaim({ id: "rr", metric: "risk_reversal_25d", unit: "vol_pts", value: -13, asOf: "2026-02-05" });
    const undated = testClaim({ id: "iv-later", metric: "implied_volatility", unit: "vol_pts", value: 50, asOf: null });
    const weekly = testClaim({ id: "iv-week", metric: "implied_volatility", unit: "vol_pts", value: 55, asOf: "2026-W06" });
    const wordsOnly = testClaim({ id: "term-structure", metric: "implied_volatility_term_structure", unit: "vol_pts", asOf: "2026-02-06" });
    expect(volatilityClaims([level, skew, undated, weekly, wordsOnly]).map((claim) => claim.id)).toEqual(["iv"]);
  });
});
