import { expect, test } from "vitest";
import { whaleAmounts, whaleLeverage } from "../../src/components/whalePositions.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";

const { claims } = loadLedger();

test("each whale has its deposit and earlier P&L in USD millions, loss negative", () => {
  expect(whaleAmounts(claims).map((d) => `${d.whale}: ${d.measure} ${d.claim.value} ${d.claim.unit}`)).toEqual([
    "long whale: USDC deposited 3 usd_mn",
    "long whale: earlier P&L -11 usd_mn",
    "short whale: USDC deposited 5.2 usd_mn",
    "short whale: earlier P&L 10 usd_mn"
  ]);
});

test("leverage is read per side", () => {
  expect(whaleLeverage(claims).map((c) => [c.side, c.value])).toEqual([
    ["long", 20],
    ["short", 14]
  ]);
});
