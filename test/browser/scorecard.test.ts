import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { useBuiltSite } from "../support/builtSite.ts";

const site = useBuiltSite();

let page: Page;
let problems: string[];

beforeAll(async () => {
  const report = await site.open("scorecard");
  page = report.page;
  problems = report.problems;
});

afterAll(async () => {
  await page?.context().close();
});

const card = (bucket: string) => page.locator(`.scorecard-card[data-bucket="${bucket}"]`);
const statusOf = (bucket: string) => card(bucket).getAttribute("data-status");
const tally = () => page.locator(".scorecard-tally").getAttribute("data-summary");

test("the page renders six cards with no problem", async () => {
  expect(problems).toEqual([]);
  expect(await page.locator(".scorecard-card").count()).toBe(6);
});

test("each card shows its reading with a link to its ledger row and a status from the reported figures", async () => {
  expect(await statusOf("funding")).toBe("bearish");
  expect(await statusOf("open-interest")).toBe("neutral");
  await expect(card("funding").locator(".scorecard-reading").innerText()).resolves.toContain("< 0%");
  expect(await card("skew").locator('.scorecard-reading a[href="./sources#claim-btc-risk-reversal-2026-02-05"]').count()).toBe(1);
  expect(await card("hashprice").locator(".scorecard-kind").innerText()).toBe("REPORTED");
  expect(await tally()).toBe("bearish:5,neutral:1,bullish:0,indeterminate:0,no reading:0");
});

test("moving a what-if control changes that card's status and the tally", async () => {
  await card("funding").locator('input[type="number"]').fill("0.01");
  expect(await statusOf("funding")).toBe("bullish");
  expect(await card("funding").locator(".scorecard-status").innerText()).toBe("Bullish");
  expect(await tally()).toBe("bearish:4,neutral:1,bullish:1,indeterminate:0,no reading:0");

  // Exactly at the threshold: funding of 0 is neither negative nor positive.
  await card("funding").locator('input[type="number"]').fill("0");
  expect(await statusOf("funding")).toBe("neutral");

  const skewSlider = card("skew").locator('input[type="range"]');
  await skewSlider.evaluate((input: HTMLInputElement) => {
    input.value = input.max;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  expect(await statusOf("skew")).toBe("bullish");
  expect(await tally()).toBe("bearish:3,neutral:2,bullish:1,indeterminate:0,no reading:0");

  await card("funding").getByRole("button", { name: "Back to the reading" }).click();
  await card("skew").getByRole("button", { name: "Back to the reading" }).click();
  expect(await statusOf("funding")).toBe("bearish");
  expect(await tally()).toBe("bearish:5,neutral:1,bullish:0,indeterminate:0,no reading:0");
});
