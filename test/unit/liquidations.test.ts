import { describe, expect, test } from "vitest";
import { liquidations24hClaims, liquidationSideBars } from "../../src/components/liquidationsBySide.ts";
import { liquidationSide, liquidationWindow } from "../../src/components/liquidationTotals.ts";
import { openInterestMarks } from "../../src/components/openInterestScopes.ts";
import { impliedPricePerBtc, notionalChangePct, openInterestPositioning } from "../../src/components/openInterestUsdVsBtc.ts";
import { claimsById } from "../../src/lib/claims.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { testClaim } from "../support/claims.ts";

const { claims, conflicts } = loadLedger();

describe("liquidation windows", () => {
  // As the page chooses them: the ledger's group of totals over different windows, and the undated later event.
  const windowIds = conflicts.find((c) => c.id === "btc-liquidation-totals")?.claimIds ?? [];
  const totals = claimsById(claims, [...new Set([...windowIds, "btc-followup-long-liquidations"])]);

  test("the ledger groups one total per window, each printed once", () => {
    expect(totals.map((c) => `${c.value ?? `> ${c.low}`} ${c.unit}`)).toEqual(["1 usd_bn", "1.8 usd_bn", "382.12 usd_mn", "4.65 usd_bn", "> 400 usd_mn"]);
  });

  test("each bar names its window and the side when the source gives one; who reported it is in the tip and the source line", () => {
    expect(totals.map((c) => `${liquidationWindow(c)} | ${liquidationSide(c)}`)).toEqual([
      "Feb 5, one day | sides not split",
      "5 days to Feb 6 | longs only",
      "24 h to Feb 7, 05:30 UTC | sides not split",
      "Oct 2025 crash | sides not split",
      "one event,\ndate not printed | longs only"
    ]);
  });

  test("a weekly or undated total is labelled without a day", () => {
    expect(liquidationWindow(testClaim({ id: "w", asOf: "2026-W06", period: "7d" }))).toBe("7 days to Feb 2–8");
    expect(liquidationWindow(testClaim({ id: "u", asOf: null, period: "event" }), "after the rebound")).toBe("one event,\nafter the rebound");
  });
});

describe("24-hour liquidations by side", () => {
  const rows = liquidations24hClaims(claims);
  const bars = liquidationSideBars(rows);

  test("one bar per ledger row: BTC and ETH split, the other four totals only", () => {
    expect(bars.map((b) => `${b.asset} ${b.side} ${b.claim.value}`)).toEqual([
      "BTC total 382.12",
      "BTC long 84.3",
      "BTC short 297.82",
      "ETH total 127.64",
      "ETH long 41.81",
      "ETH short 85.83",
      "SOL total (not split) 28.19",
      "XRP total (not split) 29.67",
      "DOGE total (not split) 5.23",
      "BNB total (not split) 2.29"
    ]);
  });

  test("a total is never split by the chart", () => {
    const sol = testClaim({ id: "sol", topic: "liquidations", metric: "liquidations_total", asset: "SOL", value: 28.19, unit: "usd_mn", period: "24h" });
    expect(liquidationSideBars([sol])).toEqual([{ asset: "SOL", side: "total (not split)", claim: sol }]);
  });
});

describe("open interest scopes", () => {
  test("one row per report, the week-earlier level before the latest, labels running apart", () => {
    const marks = openInterestMarks(claims).map((d) => [d.group[0].value, d.weekEarlier, d.anchor]);
    expect(marks).toEqual([
      [61, true, "start"],
      [49, false, "end"],
      [44.3, true, "start"],
      [35.8, false, "end"],
      [50.9, false, "middle"]
    ]);
  });

  test("the garbled 'within 30 days' figure and the coin count are not USD levels, so they are left out", () => {
    const drawn = openInterestMarks(claims).map((d) => d.group[0].id);
    expect(drawn).not.toContain("btc-open-interest-30d-glassnode");
    expect(drawn).not.toContain("btc-open-interest-btc-rally-71k");
  });

  test("rows are labelled by the caller, by report", () => {
    const scopes = new Set(openInterestMarks(claims, (c) => c.sourceId).map((d) => d.scope));
    expect(scopes.size).toBe(3);
  });
});

describe("open interest in dollars against coins", () => {
  const fromAll = openInterestPositioning(claims);
  const fromRows = openInterestPositioning(
    claimsById(claims, ["btc-open-interest-notional-prior-week-rally-71k", "btc-open-interest-notional-rally-71k", "btc-open-interest-btc-rally-71k"])
  );

  test("finds the one report that counts coins, and its two notionals", () => {
    for (const positioning of [fromAll, fromRows]) {
      expect([positioning.notionalWeekEarlier[0].value, positioning.notional[0].value, positioning.coins[0].value]).toEqual([44.3, 35.8, 527850]);
    }
  });

  test("the notional fell about 19% and values the coins at about $83,900 a week earlier and $67,800 after", () => {
    expect(notionalChangePct(fromAll)).toBeCloseTo(-19.19, 2);
    expect(impliedPricePerBtc(fromAll, "notionalWeekEarlier")).toBeCloseTo(83925, 0);
    expect(impliedPricePerBtc(fromAll, "notional")).toBeCloseTo(67822, 0);
  });
});
