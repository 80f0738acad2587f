import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { claimPublisher } from "../../src/lib/claims.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { useBuiltSite } from "../support/builtSite.ts";

const site = useBuiltSite();

const { claims, conflicts, sources } = loadLedger();
let page: Page;
let problems: string[];

beforeAll(async () => {
  const report = await site.open("sources");
  page = report.page;
  problems = report.problems;
});

afterAll(async () => {
  await page?.context().close();
});

const tableRows = () => page.locator("form + div table tbody tr, table tbody tr").count();
const countText = () => page.locator(".ledger-count").innerText();
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

test("the page lists every figure, every article with its copies, and the conflicts", async () => {
  expect(problems).toEqual([]);
  expect(await countText()).toBe(`${claims.length} of ${claims.length} figures`);
  expect(await page.locator(".claim-entry").count()).toBe(claims.length);
  expect(await page.locator(".source-list > li").count()).toBe(sources.length);
  expect(await page.locator(".source-copies > li").count()).toBe(sources.flatMap((source) => source.copies).length);
  expect(await page.locator(".conflict").count()).toBe(conflicts.length);
});

test("shows no working note and prints no claim id", async () => {
  const text = await page.locator("main").innerText();
  for (const claim of claims) {
    if (claim.note) expect(text, claim.id).not.toContain(claim.note);
    expect(text, claim.id).not.toContain(claim.id);
  }
});

test("an undated figure says the article prints no date", async () => {
  const undated = claims.find((claim) => claim.asOf === null)!;
  const entry = page.locator(`#claim-${undated.id}`);
  await entry.locator("summary").click();
  expect(await entry.innerText()).toContain("The article prints no date for this figure");
  await entry.locator("summary").click();
});

test("filtering by topic shows that topic's rows only, each with its quote", async () => {
  const mining = claims.filter((claim) => claim.topic === "mining");
  await page.locator("select").nth(0).selectOption({ label: "mining" });
  await expect.poll(countText).toBe(`${mining.length} of ${claims.length} figures`);
  expect(await tableRows()).toBe(mining.length);
  const quotes = await page.locator("table tbody tr td:last-child").allInnerTexts();
  expect(quotes).toEqual(mining.map((claim) => `“${claim.quote}”`));
});

test("filtering by outlet combines with the topic filter and search", async () => {
  const outlet = capitalised(sources.find((source) => source.id === "ambcrypto")!.outlet);
  await page.locator("select").nth(0).selectOption({ label: "derivatives" });
  await page.locator("select").nth(1).selectOption({ label: outlet });
  const expected = claims.filter((claim) => claim.topic === "derivatives" && capitalised(claimPublisher(claim)) === outlet);
  expect(expected.length).toBeGreaterThan(0);
  await expect.poll(countText).toBe(`${expected.length} of ${claims.length} figures`);
  expect(await tableRows()).toBe(expected.length);
  await page.locator("select").nth(0).selectOption({ label: "All topics" });
  await page.locator("select").nth(1).selectOption({ label: "All outlets" });
  await page.getByPlaceholder("Search figures, quotes, outlets…").fill("527,850");
  await expect.poll(countText).toBe(`${claims.filter((claim) => claim.quote.includes("527,850")).length} of ${claims.length} figures`);
});

test("a link to #claim-<id> opens and shows that claim's entry", async () => {
  const claim = claims.find((c) => c.id === "btc-risk-reversal-2026-02-05")!;
  await page.goto(site.url(`sources#claim-${claim.id}`), { waitUntil: "networkidle" });
  const entry = page.locator(`#claim-${claim.id}`);
  await expect.poll(() => entry.evaluate((node: HTMLDetailsElement) => node.open)).toBe(true);
  expect(await entry.isVisible()).toBe(true);
  expect(await entry.innerText()).toContain(claim.quote);
});

test("a chart's link to several figures opens each of them", async () => {
  const [first, second] = claims.filter((claim) => claim.sourceId === "stocktwits");
  await page.goto(site.url(`sources?figures=${first!.id},${second!.id}#claim-${first!.id}`), { waitUntil: "networkidle" });
  for (const claim of [first!, second!]) {
    await expect.poll(() => page.locator(`#claim-${claim.id}`).evaluate((node: HTMLDetailsElement) => node.open)).toBe(true);
  }
});

test("chart source lines name outlets and providers in words and link to their figures", async () => {
  const report = await site.open("liquidations");
  try {
    const captions = report.page.locator("figure.report-chart figcaption");
    expect(await captions.count()).toBeGreaterThan(0);
    const texts = await captions.allInnerTexts();
    for (const text of texts) for (const claim of claims) expect(text, claim.id).not.toContain(claim.id);
    const hrefs = await captions.locator('a[href^="./sources"]').evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    expect(hrefs.length).toBeGreaterThan(0);
    const ids = new Set(claims.map((claim) => claim.id));
    for (const href of hrefs) {
      const listed = new URL(href, "http://x/").searchParams.get("figures")?.split(",") ?? [href.split("#claim-")[1]!];
      for (const id of listed) expect(ids.has(id), href).toBe(true);
    }
  } finally {
    await report.page.context().close();
  }
});
