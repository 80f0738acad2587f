import { describe, expect, test } from "vitest";
import { claimsById } from "../../src/lib/claims.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { crossAssetDataset, crossAssetRows, normalisedCloses, NORMALISED_BASE_DAY } from "../../src/lib/public/crossAsset.ts";
import { CROSS_ASSETS, NORMALISED_ASSETS, previousClose, reportedBeside, sourcesFor } from "../../src/lib/public/crossAssetRows.ts";

const { claims } = loadLedger();
const dataset = crossAssetDataset();
const row = (asset: string, date: string) => dataset.rows.find((candidate) => candidate.asset === asset && candidate.date === date)!;

describe("crossAssetRows: % change against the previous trading day of each series", () => {
  test("a stock's Monday is measured against its Friday, not against crypto's weekend", () => {
    const rows = crossAssetRows([
      { asset: "S&P 500", series: "sp500", source: "test", closes: [{ date: "2026-02-06", close: 200 }, { date: "2026-02-09", close: 210 }] },
      { asset: "BTC", series: "btc", source: "test", closes: ["2026-02-06", "2026-02-07", "2026-02-08", "2026-02-09"].map((date, i) => ({ date, close: 100 + i })) }
    ]);
    const change = (asset: string, date: string) => rows.find((r) => r.asset === asset && r.date === date)!.change_pct;
    expect(change("S&P 500", "2026-02-06")).toBeNull();
    expect(change("S&P 500", "2026-02-09")).toBeCloseTo(5, 10); // 210 / 200
    expect(change("BTC", "2026-02-09")).toBeCloseTo((103 / 102 - 1) * 100, 10);
    expect(rows).toHaveLength(6);
  });

  test("a gap stays a gap: no change on the missing day nor on the day after it", () => {
    const rows = crossAssetRows([
      { asset: "X", series: "x", source: "test", closes: [{ date: "2026-01-01", close: 10 }, { date: "2026-01-02", close: null }, { date: "2026-01-03", close: 12 }, { date: "2026-01-04", close: 6 }] }
    ]);
    expect(rows.map((r) => r.change_pct)).toEqual([null, null, null, -50]);
  });

  test("from the committed extracts, checked by hand", () => {
    // S&P 500 (^GSPC) closes: Feb 5 6798.39990234375, Feb 6 6932.2998046875; 6932.30 / 6798.40 − 1 = +1.9696%.
    expect(row("S&P 500", "2026-02-05").close).toBe(6798.39990234375);
    expect(row("S&P 500", "2026-02-06").close).toBe(6932.2998046875);
    expect(row("S&P 500", "2026-02-06").change_pct).toBeCloseTo(1.9696, 4);
    // Monday Feb 9 against Friday Feb 6: 6964.81982421875 / 6932.2998046875 − 1 = +0.4691%.
    expect(row("S&P 500", "2026-02-09").change_pct).toBeCloseTo(0.4691, 4);
    // BTC (Binance, 00:00 UTC closes): Feb 5 62909.86, Feb 6 70580.26; 70580.26 / 62909.86 − 1 = +12.1927%.
    expect(row("BTC", "2026-02-05").close).toBe(62909.86);
    expect(row("BTC", "2026-02-06").change_pct).toBeCloseTo(12.1927, 4);
    // Silver (SI=F): Feb 4 84.1650009155273, Feb 5 76.5289993286133; 76.529 / 84.165 − 1 = −9.0727%.
    expect(row("Silver", "2026-02-05").change_pct).toBeCloseTo(-9.0727, 4);
    // Gold (GC=F): Feb 5 4861.39990234375, Feb 6 4951.2001953125; 4951.20 / 4861.40 − 1 = +1.8472%.
    expect(row("Gold", "2026-02-06").change_pct).toBeCloseTo(1.8472, 4);
  });

  test("every asset has rows, each credited to its series", () => {
    for (const { asset, series } of CROSS_ASSETS) {
      const rows = dataset.rows.filter((r) => r.asset === asset);
      expect(rows.length, asset).toBeGreaterThan(80);
      expect(new Set(rows.map((r) => r.series))).toEqual(new Set([series]));
    }
    expect(dataset.sources.map((source) => source.series)).toEqual(CROSS_ASSETS.map((spec) => spec.series));
    expect(sourcesFor(dataset.sources, NORMALISED_ASSETS)).toHaveLength(NORMALISED_ASSETS.length);
  });
});

describe("normalisedCloses", () => {
  test("each asset is 100 on the base day", () => {
    const base = dataset.normalised.rows.filter((r) => r.date === NORMALISED_BASE_DAY);
    expect(base.map((r) => r.asset).sort()).toEqual([...NORMALISED_ASSETS].sort());
    for (const r of base) expect(r.index).toBe(100);
    // BTC: 70580.26 on Feb 6 over 89299.99 on Jan 28, times 100 = 79.037.
    expect(dataset.normalised.rows.find((r) => r.asset === "BTC" && r.date === "2026-02-06")!.index).toBeCloseTo(79.037, 3);
  });

  test("an asset with no close on the base day is an error, not a guess", () => {
    const rows = dataset.rows.filter((r) => !(r.asset === "Gold" && r.date === NORMALISED_BASE_DAY));
    expect(() => normalisedCloses(rows, NORMALISED_ASSETS, NORMALISED_BASE_DAY)).toThrow(/Gold/);
  });
});

describe("reported moves beside the computed ones", () => {
  const ids = ["silver-price-change-2026-02-05", "sp500-change-2026-02-06", "dxy-change-2026-02-06", "gold-change-2026-02-06"];
  const pairs = reportedBeside(claimsById(claims, ids), dataset.rows);

  test("each dated claim meets the row of its asset and day; silver's fall, printed with no day, meets none", () => {
    expect(pairs.map((pair) => [pair.asset, pair.date, pair.computed?.series])).toEqual([
      ["S&P 500", "2026-02-06", "sp500-yahoo-1d"],
      ["Dollar (DXY)", "2026-02-06", "dxy-yahoo-1d"],
      ["Gold", "2026-02-06", "gold-yahoo-1d"]
    ]);
    // The S&P 500's close-to-close change rounds to the article's 1.97%.
    expect(Math.round(pairs[0]!.computed!.change_pct! * 100) / 100).toBe(1.97);
  });

  test("the close a change is measured from is the previous row of the same series", () => {
    expect(previousClose(dataset.rows, row("S&P 500", "2026-02-09"))?.date).toBe("2026-02-06");
    expect(previousClose(dataset.rows, row("BTC", "2026-02-09"))?.date).toBe("2026-02-08");
  });

  test("refuses a claim with no public extract", () => {
    expect(() => reportedBeside(claimsById(claims, ["sol-price-change-24h-stocktwits"]), dataset.rows)).toThrow(/public extract/);
  });
});
