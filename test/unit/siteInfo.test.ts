import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { escapeHtml } from "../../src/lib/escapeHtml.ts";
import { snapshotFooterNote } from "../../src/lib/siteInfo.ts";
import { captureFixtureSnapshot, FIXTURE_WINDOW } from "../support/fixtureSnapshot.ts";

let snapshot: string;
beforeAll(async () => {
  snapshot = await captureFixtureSnapshot("2026-03-02T10:00:00.000Z");
}, 30_000);

test("the footer says plainly when no market series is captured", () => {
  expect(snapshotFooterNote(mkdtempSync(join(tmpdir(), "snapshot-")), mkdtempSync(join(tmpdir(), "public-")))).toMatch(/^No market series are captured/);
});

test("without a snapshot, the footer counts the public extracts the series come from", () => {
  expect(snapshotFooterNote(mkdtempSync(join(tmpdir(), "snapshot-")))).toMatch(/^Market series are computed from \d+ public dataset extracts/);
});

test("the footer names the newest snapshot fetch date", () => {
  const macro = join(snapshot, "macro.json");
  const file = JSON.parse(readFileSync(macro, "utf8"));
  file.meta.fetchedAt = "2026-03-03T09:00:00.000Z";
  writeFileSync(macro, JSON.stringify(file, null, 1));
  expect(snapshotFooterNote(snapshot, undefined, FIXTURE_WINDOW)).toBe("Market data snapshot taken 2026-03-03 (UTC).");
});

test("a snapshot time with markup stops the footer, naming the file and field, before it can reach a page", () => {
  const price = join(snapshot, "price.json");
  const good = readFileSync(price, "utf8");
  try {
    writeFileSync(price, good.replace(/"fetchedAt": "[^"]*"/, '"fetchedAt": "<img src=x onerror=alert(1)>"'));
    expect(() => snapshotFooterNote(snapshot, undefined, FIXTURE_WINDOW)).toThrow(/price\.json:\d+:\d+: meta\.fetchedAt: "<img src=x onerror=alert\(1\)>" is not an ISO 8601 UTC time/);
  } finally {
    writeFileSync(price, good);
  }
});

test("footer text is escaped: markup shows as characters", () => {
  expect(escapeHtml(`<img src=x onerror="alert('1')"> & co`)).toBe("&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co");
});
