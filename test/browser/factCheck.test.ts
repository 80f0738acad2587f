import { expect, test } from "vitest";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { publicFactCheck } from "../../src/lib/public/factCheck.ts";
import { publicDir } from "../../src/lib/public/store.ts";
import { useBuiltSite } from "../support/builtSite.ts";

const site = useBuiltSite();
// The build has no API snapshot, so the page checks the ledger against the public extracts.
const expected = publicFactCheck(loadLedger().claims, publicDir()).rows as { claim_id: string }[];

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
