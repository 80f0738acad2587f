import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { useBuiltSite } from "../support/builtSite.ts";
import { makeTempProject } from "../support/tempProject.ts";

// A researcher drops a file into src/commentary/ and builds; nothing else is edited.
const newPage = `---
title: A note added in the test
author: Test Researcher
date: 2099-01-01
summary: Dated far ahead so it lists first.
charts: 4
---

# A note added in the test

\`\`\`js
import { chartEmbed } from "../components/chartEmbed.js";
const claims = FileAttachment("../data/claims.json").json();
\`\`\`

\`\`\`js
display(resize((width) => chartEmbed("priceWaypoints", claims, ["btc-open-2026-02-05", "btc-low-2026-02-06"], { width })));
\`\`\`

\`\`\`js
display(resize((width) => chartEmbed("etfFlows", claims, ["btc-etf-flow-2026-02-04", "btc-etf-flow-2026-02-05"], { width })));
\`\`\`

\`\`\`js
display(resize((width) => chartEmbed("skewReadings", claims, ["btc-risk-reversal-2026-02-05", "btc-skew-2026-02-06-rally-71k", "btc-skew-fear-line-rally-71k"], { width })));
\`\`\`

\`\`\`js
display(resize((width) => chartEmbed("longShortRatios", claims, ["btc-long-short-ratio-all-ambcrypto", "btc-long-short-ratio-binance-okx-ambcrypto"], { width })));
\`\`\`
`;

describe("a new commentary file", () => {
  const project = makeTempProject();

  beforeAll(async () => {
    writeFileSync(join(project.dir, "src/commentary/added-in-test.md"), newPage);
    await project.build();
  });
  afterAll(() => project.remove());

  const site = useBuiltSite(() => join(project.dir, "dist"));

  test("appears in the sidebar under Commentary, newest first", async () => {
    const report = await site.open("scorecard");
    const section = report.page.locator("#observablehq-sidebar details", { has: report.page.locator("summary", { hasText: "Commentary" }) });
    const links = await section.locator("a").allInnerTexts();
    await report.page.context().close();
    expect(links[0]).toBe("A note added in the test");
    expect(links).toContain("The open interest drop was mostly price");
  });

  test("is listed on the overview with author, date and summary, linking to the page", async () => {
    const report = await site.open("/");
    const first = report.page.locator(".commentary-list li").first();
    const text = await first.innerText();
    const href = await first.locator("a").getAttribute("href");
    await report.page.context().close();
    expect(report.problems).toEqual([]);
    expect(text).toContain("A note added in the test");
    expect(text).toContain("Test Researcher · 2099-01-01");
    expect(text).toContain("Dated far ahead so it lists first.");
    expect(href).toBe("./commentary/added-in-test");
  });

  test("draws its embedded charts from only the claims it names", async () => {
    const report = await site.open("commentary/added-in-test");
    // A caption links each source to its figures: "#claim-<id>", or "?figures=<id>,<id>#claim-<id>" for several.
    const linked = await report.page
      .locator("figure.report-chart")
      .first()
      .locator("figcaption a")
      .evaluateAll((links) =>
        links.flatMap((link) => {
          const href = link.getAttribute("href") ?? "";
          const figures = /[?&]figures=([^#&]+)/.exec(href)?.[1];
          if (figures) return decodeURIComponent(figures).split(",");
          const id = /#claim-(.+)$/.exec(href)?.[1];
          return id ? [id] : [];
        })
      );
    await report.page.context().close();
    expect(report.problems).toEqual([]);
    expect(report.chartCount).toBe(4);
    expect([...new Set(linked)].sort()).toEqual(["btc-low-2026-02-06", "btc-open-2026-02-05"]);
  });
});

describe("the open interest commentary", () => {
  const site = useBuiltSite();

  test("draws its one chart and sends the reader to the open-interest scopes on the Liquidations page", async () => {
    const report = await site.open("commentary/open-interest-price-not-deleveraging");
    try {
      expect(report.problems).toEqual([]);
      expect(report.chartCount).toBe(1);
      const hrefs = await report.page.locator("#observablehq-main a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
      expect(hrefs).toContain("../liquidations#open-interest-scopes");
      const text = (await report.page.locator("#observablehq-main").textContent()) ?? "";
      // 001 and 002 are one story published twice: never "two reports" or "both pieces".
      expect(text).not.toMatch(/two (reports|rewrites|pieces)|both (pieces|reports)/i);
    } finally {
      await report.page.context().close();
    }
  });
});

test("a commentary file with bad front matter stops the build, naming the file and the field", async () => {
  const project = makeTempProject();
  try {
    writeFileSync(join(project.dir, "src/commentary/bad-date.md"), newPage.replace("date: 2099-01-01", "date: January 1st"));
    const failure = await project.build().then(
      () => null,
      (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ""}${error.stderr ?? ""}`
    );
    expect(failure).not.toBeNull();
    expect(failure).toContain('src/commentary/bad-date.md: front matter field "date" "January 1st" is not a calendar date in the form YYYY-MM-DD');
  } finally {
    project.remove();
  }
});
