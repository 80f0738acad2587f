import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { ledgerReading, SCORECARD_BUCKETS, scorecardStatus, STATUSES, tallyStatuses, thresholdsFor } from "../../src/lib/scorecard.ts";
import { loadSignalTurns, loadThresholds, THRESHOLDS_FILE } from "../../src/lib/scorecardData.ts";
import { reportedTag } from "../../src/components/scorecardCard.ts";
import { useBuiltSite } from "../support/builtSite.ts";

const site = useBuiltSite();
const ledger = loadLedger();
const thresholds = loadThresholds(ledger);
// The statuses the page must show, from the ledger and the thresholds file.
const expected = Object.fromEntries(
  SCORECARD_BUCKETS.map((bucket) => {
    const reading = bucket.readings[0]!;
    return [bucket.id, scorecardStatus(ledgerReading(reading, ledger.claims).reading, thresholdsFor(bucket.id, reading, thresholds))];
  })
);
const summary = (statuses: string[]) => {
  const counts = tallyStatuses(statuses as never);
  return STATUSES.map((status) => `${status}:${counts[status]}`).join(",");
};

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
  expect(await page.locator(".scorecard-card").count()).toBe(SCORECARD_BUCKETS.length);
});

test("each card shows its reading with a link to its ledger row and the status the ledger and thresholds give", async () => {
  for (const bucket of SCORECARD_BUCKETS) expect(await statusOf(bucket.id), bucket.id).toBe(expected[bucket.id]);
  expect(await tally()).toBe(summary(Object.values(expected)));
  await expect(card("funding").locator(".scorecard-reading").innerText()).resolves.toContain("< 0%");
  expect(await card("skew").locator('.scorecard-reading a[href="./sources#claim-btc-risk-reversal-2026-02-05"]').count()).toBe(1);
  // A forecast says so (TheMinerMag's hashprice is "expected to drop below").
  const hashprice = ledger.claims.find((claim) => claim.id === "btc-hashprice-2026-02-05")!;
  expect(await card("hashprice").locator(".scorecard-kind").first().innerText()).toBe(reportedTag(hashprice).toUpperCase());
});

test("where the sources give no number but the reading, the card says so and offers no what-if", async () => {
  const noLine = SCORECARD_BUCKETS.filter((bucket) => expected[bucket.id] === "no threshold").map((bucket) => bucket.id);
  expect(noLine).toEqual(["realized-loss", "hashprice"]);
  for (const id of noLine) {
    expect(await card(id).locator(".scorecard-status").first().innerText()).toBe("No threshold in the sources");
    expect(await card(id).locator(".scorecard-whatif").count()).toBe(0);
  }
});

test("the put-minus-call reading is scored against its own story's fear line, and no sign-flipped value is shown", async () => {
  const second = card("skew").locator('.scorecard-second[data-convention="put_minus_call"]');
  expect(await second.locator(".scorecard-status").innerText()).toBe("Bearish");
  expect(await second.locator('a[href="./sources#claim-btc-skew-2026-02-06-rally-71k"]').innerText()).toBe("20%");
  const text = await card("skew").innerText();
  // Values are printed with a true minus sign (dates keep their hyphens).
  for (const flipped of ["−6", "-6%", "−20", "−11"]) expect(text).not.toContain(flipped);
});

test("no claim id and no working note from the thresholds file appears on the page", async () => {
  const text = await page.locator("#observablehq-main").innerText();
  for (const claim of ledger.claims) expect(text, claim.id).not.toContain(claim.id);
  for (const { note } of csvParse(readFileSync(THRESHOLDS_FILE, "utf8"))) expect(text).not.toContain(note!.slice(0, 40));
  expect(text).not.toMatch(/toConvention|scorecard-thresholds\.csv/);
});

test("moving a what-if control changes that card's status and the tally", async () => {
  const statuses = () => SCORECARD_BUCKETS.map((bucket) => bucket.id).map((id) => expected[id]!);
  const withStatus = (id: string, status: string) => summary(SCORECARD_BUCKETS.map((bucket) => (bucket.id === id ? status : expected[bucket.id]!)));
  await card("funding").locator('input[type="number"]').fill("0.01");
  expect(await statusOf("funding")).toBe("bullish");
  expect(await card("funding").locator(".scorecard-status").first().innerText()).toBe("Bullish");
  expect(await tally()).toBe(withStatus("funding", "bullish"));

  // Exactly at the line: funding of 0 is neither negative nor positive.
  await card("funding").locator('input[type="number"]').fill("0");
  expect(await statusOf("funding")).toBe("neutral");

  const skewSlider = card("skew").locator('input[type="range"]');
  await skewSlider.evaluate((input: HTMLInputElement) => {
    input.value = input.max;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  expect(await statusOf("skew")).toBe("bullish");

  await card("funding").getByRole("button", { name: "Back to the reading" }).click();
  await card("skew").getByRole("button", { name: "Back to the reading" }).click();
  expect(await statusOf("funding")).toBe(expected.funding);
  expect(await tally()).toBe(summary(statuses()));
});

test("which signals turned: one line per bucket with the verdict the data give, its evidence and sources", async () => {
  const turns = loadSignalTurns(ledger.claims);
  const items = page.locator(".signal-turns .signal-turns-item");
  expect(await items.evaluateAll((lis) => lis.map((li) => [(li as HTMLElement).dataset.bucket, (li as HTMLElement).dataset.verdict]))).toEqual(
    turns.lines.map((line) => [line.bucket, line.verdict])
  );
  // Opened on this page; each evidence item names its source.
  expect(await page.locator(".signal-turns details[open]").count()).toBe(turns.lines.length);
  expect(await page.locator('.signal-turns-item[data-bucket="funding"] .signal-turns-source').innerText()).toContain("funding series");
  expect(await page.locator('.signal-turns-item[data-bucket="realized-loss"] a[href="./sources#claim-btc-followup-realized-loss"]').count()).toBe(1);
  const credits = await page.locator(".signal-turns-credits").innerText();
  expect(credits).toContain("Coin Metrics community data (CC BY-NC 4.0)");
});
