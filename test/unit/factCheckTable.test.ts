import { expect, test } from "vitest";
import { relativeDifference } from "../../src/components/factCheckTable.ts";

test("the relative difference is against the size of the reported figure", () => {
  expect(relativeDifference({ claimed: 60000, difference: 150 })).toBeCloseTo(0.0025);
  expect(relativeDifference({ claimed: -13, difference: 1.3 })).toBeCloseTo(0.1);
  expect(relativeDifference({ claimed: 0, difference: 0.5 })).toBeNull();
});
