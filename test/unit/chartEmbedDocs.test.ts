import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { EMBEDDABLE_CHART_NAMES } from "../../src/lib/chartNames.ts";
import { CATALOGUE_HEADING, chartCatalogue, pictureFile } from "../../scripts/chartCatalogue.ts";
import { projectRoot } from "../support/tempProject.ts";

test('docs/authoring.md ends with "Charts you can embed" as the registry writes it (npm run chart-pictures)', () => {
  const authoring = readFileSync(join(projectRoot, "docs/authoring.md"), "utf8");
  const at = authoring.indexOf(CATALOGUE_HEADING);
  expect(at).toBeGreaterThan(0);
  expect(authoring.slice(at)).toBe(chartCatalogue());
});

test("every chart has a picture, a PNG about 640 px wide", () => {
  for (const chart of EMBEDDABLE_CHART_NAMES) {
    const png = readFileSync(join(projectRoot, "docs", pictureFile(chart)));
    expect(png.subarray(1, 4).toString("latin1"), chart).toBe("PNG");
    // The IHDR chunk holds the width at bytes 16 to 19.
    expect(Math.abs(png.readUInt32BE(16) - 640), chart).toBeLessThanOrEqual(16);
  }
});
