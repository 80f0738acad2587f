import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { claimPublisher } from "../../src/lib/claims.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { useBuiltSite } from "../support/builtSite.ts";
import { projectRoot } from "../support/tempProject.ts";

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
const capitalised = (text: string) => (text.startsWith("an ") ? `A${text.slice(1)}` : text);

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

// Deep links. Each opens a fresh page (a cold load, as from another site or a bookmark) unless
// it says otherwise. The entries to land on are the ledger's first and last figures: the last
// sits lowest on the page, where anything drawn above it late would push it out of view.
const first = claims[0]!;
const last = claims.at(-1)!;

/** Whether an element's top edge is inside the viewport. */
const inView = (locator: Locator) =>
  locator.evaluate((node) => {
    const { top } = node.getBoundingClientRect();
    return top >= 0 && top < innerHeight;
  });
const isOpen = (locator: Locator) => locator.evaluate((node: HTMLDetailsElement) => node.open);
const openEntries = (target: Page) => target.locator(".claim-entry[open]").evaluateAll((entries) => entries.map((entry) => entry.id));

/** The page shows this entry open and in view, and keeps it there once everything is drawn. */
async function expectShown(target: Page, id: string) {
  const entry = target.locator(`#claim-${id}`);
  await expect.poll(() => isOpen(entry)).toBe(true);
  await expect.poll(() => inView(entry)).toBe(true);
  await target.waitForTimeout(500);
  expect(await inView(entry), `#claim-${id} stays in view`).toBe(true);
  expect(await target.locator(".claim-link-note").isVisible()).toBe(false);
}

describe("a link to #claim-<id> opened in a fresh page", () => {
  test.each([
    { width: 1280, colorScheme: "light" as const },
    { width: 375, colorScheme: "dark" as const }
  ])("opens the entry and brings it into view at $width px", async ({ width, colorScheme }) => {
    for (const claim of [last, first]) {
      const report = await site.open(`sources#claim-${claim.id}`, { width, colorScheme });
      try {
        expect(report.problems).toEqual([]);
        await expectShown(report.page, claim.id);
        expect(await openEntries(report.page)).toEqual([`claim-${claim.id}`]);
        expect(await report.page.locator(`#claim-${claim.id}`).innerText()).toContain(claim.quote);
      } finally {
        await report.page.context().close();
      }
    }
  });

  test("for several figures (?figures=a,b) opens and marks each and shows the first", async () => {
    const source = sources.find((candidate) => claims.filter((claim) => claim.sourceId === candidate.id).length >= 2)!;
    const [a, b] = claims.filter((claim) => claim.sourceId === source.id).reverse();
    const report = await site.open(`sources?figures=${a!.id},${b!.id}#claim-${a!.id}`);
    try {
      expect(report.problems).toEqual([]);
      await expectShown(report.page, a!.id);
      expect((await openEntries(report.page)).sort()).toEqual([`claim-${a!.id}`, `claim-${b!.id}`].sort());
      expect(await report.page.locator(".claim-entry-cited").count()).toBe(2);
    } finally {
      await report.page.context().close();
    }
  });
});

describe("a figure link clicked on another page", () => {
  // The Overview sits at the site's top level; a commentary note sits a folder down, so its
  // links must climb out of commentary/ to reach the sources page.
  const notes = existsSync(join(projectRoot, "dist/commentary")) ? readdirSync(join(projectRoot, "dist/commentary")).filter((file) => file.endsWith(".html")) : [];
  const pages = ["/", ...notes.slice(0, 1).map((file) => `commentary/${file.replace(/\.html$/, "")}`)];

  test.each(pages)("on %s lands on the open entry, in view", async (path) => {
    const report = await site.open(path);
    try {
      expect(report.problems).toEqual([]);
      const links = report.page.locator('main a[href*="sources"][href*="#claim-"]').filter({ visible: true });
      const hrefs = await links.evaluateAll((nodes) => nodes.map((node) => (node as HTMLAnchorElement).href));
      expect(hrefs.length, `figure links on ${path}`).toBeGreaterThan(0);
      // The link whose figure sits lowest on the sources page.
      const order = new Map(claims.map((claim, i) => [claim.id, i]));
      const position = (href: string) => order.get(decodeURIComponent(new URL(href).hash.slice("#claim-".length))) ?? -1;
      const pick = hrefs.reduce((best, href, i) => (position(href) > position(hrefs[best]!) ? i : best), 0);
      const id = decodeURIComponent(new URL(hrefs[pick]!).hash.slice("#claim-".length));
      expect(order.has(id), hrefs[pick]).toBe(true);
      await links.nth(pick).click();
      await report.page.waitForURL((url) => url.pathname === new URL(site.url("sources")).pathname);
      await report.page.waitForFunction(() => !document.querySelector("observablehq-loading"));
      await expectShown(report.page, id);
      expect(report.problems).toEqual([]);
    } finally {
      await report.page.context().close();
    }
  });
});

describe("on a loaded sources page", () => {
  test("a hash change opens the new entry and brings it into view; back and forward return to each", async () => {
    const middle = claims[Math.floor(claims.length / 2)]!;
    const report = await site.open("sources");
    const { page: loaded } = report;
    try {
      await loaded.evaluate((id) => (location.hash = `#claim-${id}`), last.id);
      await expectShown(loaded, last.id);
      await loaded.evaluate((id) => (location.hash = `#claim-${id}`), middle.id);
      await expectShown(loaded, middle.id);
      // Close every entry and leave the top of the page in view, so only the page can bring them back.
      const reset = () => loaded.evaluate(() => {
        for (const entry of document.querySelectorAll<HTMLDetailsElement>(".claim-entry[open]")) entry.open = false;
        scrollTo(0, 0);
      });
      await reset();
      await loaded.goBack();
      await expectShown(loaded, last.id);
      await reset();
      await loaded.goForward();
      await expectShown(loaded, middle.id);
      expect(report.problems).toEqual([]);
    } finally {
      await loaded.context().close();
    }
  });
});

describe("a link to a figure the list does not hold", () => {
  const unknown = `${last.id}-${first.id}`;
  const bad = [
    { name: "an unknown figure", hash: `#claim-${unknown}` },
    { name: "unreadable percent-encoding", hash: "#claim-%E0%A4%A" },
    { name: "no figure at all", hash: "#claim-" }
  ];

  test.each(bad)("($name) leaves the list closed with a note, and no error", async ({ hash }) => {
    expect(claims.some((claim) => `#claim-${claim.id}` === hash)).toBe(false);
    const report = await site.open(`sources${hash}`);
    try {
      expect(report.problems).toEqual([]);
      const note = report.page.locator(".claim-link-note");
      expect(await note.isVisible()).toBe(true);
      expect(await inView(note)).toBe(true);
      const text = await note.innerText();
      expect(text).toContain("does not hold");
      expect(text).not.toMatch(/claim|%|#|Error/);
      expect(await openEntries(report.page)).toEqual([]);
    } finally {
      await report.page.context().close();
    }
  });

  test("after a good one, shows the note in view; a good one after it hides the note again", async () => {
    const report = await site.open(`sources#claim-${last.id}`);
    const { page: loaded } = report;
    try {
      await expectShown(loaded, last.id);
      for (const { hash } of bad) {
        await loaded.evaluate((next) => (location.hash = next), hash);
        const note = loaded.locator(".claim-link-note");
        await expect.poll(() => note.isVisible()).toBe(true);
        await expect.poll(() => inView(note)).toBe(true);
        await loaded.evaluate((id) => (location.hash = `#claim-${id}`), first.id);
        await expectShown(loaded, first.id);
      }
      expect(report.problems).toEqual([]);
    } finally {
      await loaded.context().close();
    }
  });

  test("among several figures, opens the ones it holds and says some are missing", async () => {
    const report = await site.open(`sources?figures=${first.id},${unknown}#claim-${first.id}`);
    try {
      expect(report.problems).toEqual([]);
      const note = report.page.locator(".claim-link-note");
      expect(await note.isVisible()).toBe(true);
      expect(await note.innerText()).toContain("Some of the figures");
      expect(await openEntries(report.page)).toEqual([`claim-${first.id}`]);
      await expect.poll(() => inView(report.page.locator(`#claim-${first.id}`))).toBe(true);
    } finally {
      await report.page.context().close();
    }
  });
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
