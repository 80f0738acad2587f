import { expect, test } from "vitest";
import { EMBEDDABLE_CHART_NAMES } from "../../src/lib/chartNames.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { nearNames } from "../../src/lib/nearNames.ts";

const ids = loadLedger().claims.map((claim) => claim.id);

test("a typo in a ledger id suggests that id first", () => {
  for (const id of ids.slice(0, 20)) {
    const typo = `${id.slice(0, 4)}${id.slice(5)}`;
    expect(nearNames(typo, ids)[0], typo).toBe(id);
  }
});

test("a chart name in the wrong case, or cut short, suggests the chart", () => {
  expect(nearNames("etfflows", EMBEDDABLE_CHART_NAMES)).toEqual(["etfFlows"]);
  expect(nearNames("fearGreedIndex", EMBEDDABLE_CHART_NAMES)).toEqual(["fearGreed"]);
});

test("a name near nothing suggests nothing", () => {
  expect(nearNames("a completely different thing", EMBEDDABLE_CHART_NAMES)).toEqual([]);
});
