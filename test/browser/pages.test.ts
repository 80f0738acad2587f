import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { useBuiltSite } from "../support/builtSite.ts";
import { sitePages } from "../support/pages.ts";
import { projectRoot } from "../support/tempProject.ts";

const site = useBuiltSite();

const screenshotDir = join(projectRoot, "test-results/screenshots");
const variants = [
  { name: "desktop-light", width: 1280, colorScheme: "light" },
  { name: "desktop-dark", width: 1280, colorScheme: "dark" },
  { name: "phone-light", width: 375, colorScheme: "light" },
  { name: "phone-dark", width: 375, colorScheme: "dark" }
] as const;

beforeAll(() => {
  mkdirSync(screenshotDir, { recursive: true });
});

describe.each(sitePages())("page $path", ({ path, expectedCharts }) => {
  test.each(variants)("renders cleanly at $name", async ({ name, width, colorScheme }) => {
    const slug = path === "/" ? "index" : path.replace(/^\//, "").replaceAll("/", "-");
    const report = await site.open(path, {
      width,
      colorScheme,
      screenshotPath: join(screenshotDir, `${slug}-${name}.png`)
    });
    await report.page.context().close();
    expect(report.problems).toEqual([]);
    expect(report.chartCount).toBe(expectedCharts);
  });
});
