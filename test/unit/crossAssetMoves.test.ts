import { describe, expect, test } from "vitest";
import { COMPUTED, moveBars, REPORTED } from "../../src/components/crossAssetMoves.ts";
import { claimsById, formatClaimValue } from "../../src/lib/claims.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { crossAssetDataset } from "../../src/lib/public/crossAsset.ts";
import { reportedBeside } from "../../src/lib/public/crossAssetRows.ts";

const { claims } = loadLedger();
const dataset = crossAssetDataset();
// The one-day moves of Feb 6 the Macro page sets beside the computed changes.
const ids = ["sp500", "nasdaq", "dow", "sox", "gold", "silver", "dxy"].map((asset) => `${asset}-change-2026-02-06`);
const pairs = reportedBeside(claimsById(claims, ids), dataset.rows);
const bars = moveBars(pairs, dataset.rows);
const bar = (asset: string, kind: string) => bars.find((candidate) => candidate.asset === asset && candidate.kind === kind)!;

describe("moveBars: each reported move beside its computed close-to-close change", () => {
  test("two bars per asset, the reported one first, in the order the page gives", () => {
    expect(bars).toHaveLength(2 * ids.length);
    expect(bars.map((b) => b.kind)).toEqual(ids.flatMap(() => [REPORTED, COMPUTED]));
    expect([...new Set(bars.map((b) => b.asset))]).toEqual(["S&P 500", "Nasdaq", "Dow", "SOX", "Gold", "Silver", "Dollar (DXY)"]);
  });

  test("the reported bar is the ledger figure as printed, credited to its source", () => {
    for (const { claim, asset } of pairs) {
      expect(bar(asset, REPORTED)).toMatchObject({ changePct: claim.value, figure: formatClaimValue(claim) });
      expect(bar(asset, REPORTED).source).toContain(claim.source.outlet);
    }
    expect(bar("Gold", REPORTED).basis).toBe("one day; price and hours not printed");
  });

  test("the computed bar is the extract's change from the previous close, with both closes named", () => {
    // GC=F closes: Feb 5 4861.39990234375, Feb 6 4951.2001953125: +1.847%.
    expect(bar("Gold", COMPUTED).changePct).toBeCloseTo((4951.2001953125 / 4861.39990234375 - 1) * 100, 10);
    expect(bar("Gold", COMPUTED).figure).toBe("+1.85%");
    expect(bar("Gold", COMPUTED).basis).toBe("close 4,861.4 on Feb 5 to close 4,951.2 on Feb 6");
    expect(bar("Gold", COMPUTED).source).toBe("Yahoo Finance GC=F");
    // The stock indexes agree with the article to its rounding; silver does not come close.
    for (const asset of ["S&P 500", "Nasdaq", "Dow", "SOX"]) expect(bar(asset, COMPUTED).changePct).toBeCloseTo(bar(asset, REPORTED).changePct, 1);
    expect(bar("Silver", REPORTED).changePct - bar("Silver", COMPUTED).changePct).toBeGreaterThan(8);
  });

  test("a day with no close in the extract keeps the reported bar alone", () => {
    const [first] = pairs;
    expect(moveBars([{ ...first!, computed: null }], dataset.rows).map((b) => b.kind)).toEqual([REPORTED]);
  });
});
