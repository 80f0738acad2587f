import { expect, test } from "vitest";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { factCheckSkipped } from "../../src/lib/metrics/factCheck.ts";
import { publicFactCheck } from "../../src/lib/public/factCheck.ts";
import { publicDir } from "../../src/lib/public/store.ts";
import { useBuiltSite } from "../support/builtSite.ts";

const site = useBuiltSite();
const { claims } = loadLedger();
// The build has no API snapshot, so the page checks the ledger against the public extracts.
const expected = publicFactCheck(claims, publicDir()).rows as { claim_id: string }[];
const skipped = factCheckSkipped(claims, expected);

test("the fact check shows one row per checkable figure, each with its computed value and why the two can differ", async () => {
  const report = await site.open("fact-check");
  const { page } = report;
  try {
    expect(report.problems).toEqual([]);
    expect(expected.length).toBeGreaterThanOrEqual(15);
    const rows = page.locator("table.fact-check tbody tr");
    expect(await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.claimId))).toEqual(expected.map((row) => row.claim_id));
    const feb6Sp500 = page.locator('table.fact-check tr[data-claim-id="sp500-change-2026-02-06"]');
    expect(await feb6Sp500.locator("td").nth(2).textContent()).toBe("1.97%");
    expect(await feb6Sp500.locator("td").nth(4).textContent()).toContain("Yahoo Finance SP500 close-to-close change on 2026-02-06");
    expect(await feb6Sp500.locator("td").nth(5).textContent()).toMatch(/Close-to-close on daily bars/);
    expect(await page.locator(".fact-check-empty").count()).toBe(0);
  } finally {
    await page.context().close();
  }
});

test("readings their source does not date to a day are listed with the reason, never checked against a day, and no claim id is printed", async () => {
  const report = await site.open("fact-check");
  const { page } = report;
  try {
    expect(skipped.length).toBeGreaterThan(0);
    const items = page.locator(".fact-check-skipped li");
    expect((await items.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.claimId!))).sort()).toEqual(skipped.map((s) => s.claim_id).sort());
    const listed = await page.locator(".fact-check-skipped").innerText();
    for (const { claim_id, reason } of skipped) {
      expect(listed).toContain(reason);
      expect(await page.locator(`table.fact-check tr[data-claim-id="${claim_id}"]`).count()).toBe(0);
    }
    const text = await page.locator("#observablehq-main").innerText();
    for (const claim of claims) expect(text, claim.id).not.toContain(claim.id);
  } finally {
    await page.context().close();
  }
});
