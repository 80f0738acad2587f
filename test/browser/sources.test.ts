import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
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

test("the page lists the whole ledger, the articles and the conflicts", async () => {
  expect(problems).toEqual([]);
  expect(await countText()).toBe(`${claims.length} of ${claims.length} figures`);
  expect(await page.locator(".claim-entry").count()).toBe(claims.length);
  expect(await page.locator(".source-list > li").count()).toBe(sources.length);
  expect(await page.locator(".conflict").count()).toBe(conflicts.length);
});

test("filtering by topic shows that topic's rows only, each with its quote", async () => {
  const mining = claims.filter((claim) => claim.topic === "mining");
  await page.locator("select").nth(0).selectOption({ label: "mining" });
  await expect.poll(countText).toBe(`${mining.length} of ${claims.length} figures`);
  expect(await tableRows()).toBe(mining.length);
  const quotes = await page.locator("table tbody tr td:last-child").allInnerTexts();
  expect(quotes).toEqual(mining.map((claim) => `“${claim.quote}”`));
});

test("filtering by source combines with the topic filter and search", async () => {
  const outlet = sources.find((source) => source.id === "ambcrypto")!.outlet;
  await page.locator("select").nth(0).selectOption({ label: "derivatives" });
  await page.locator("select").nth(1).selectOption({ label: outlet });
  const expected = claims.filter((claim) => claim.topic === "derivatives" && claim.source.outlet === outlet);
  await expect.poll(countText).toBe(`${expected.length} of ${claims.length} figures`);
  expect(await tableRows()).toBe(expected.length);
  await page.locator("select").nth(0).selectOption({ label: "All topics" });
  await page.locator("select").nth(1).selectOption({ label: "All sources" });
  await page.getByPlaceholder("Search figures, quotes, ids…").fill("527,850");
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
