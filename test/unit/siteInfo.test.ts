import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { snapshotFooterNote } from "../../src/lib/siteInfo.ts";

test("the footer says plainly when no market series is captured", () => {
  expect(snapshotFooterNote(mkdtempSync(join(tmpdir(), "snapshot-")), mkdtempSync(join(tmpdir(), "public-")))).toMatch(/^No market series are captured/);
});

test("without a snapshot, the footer counts the public extracts the series come from", () => {
  expect(snapshotFooterNote(mkdtempSync(join(tmpdir(), "snapshot-")))).toMatch(/^Market series are computed from \d+ public dataset extracts/);
});

test("the footer names the newest snapshot fetch date", () => {
  const dir = mkdtempSync(join(tmpdir(), "snapshot-"));
  writeFileSync(join(dir, "price.json"), JSON.stringify({ meta: { fetchedAt: "2026-03-02T10:00:00Z" }, rows: [] }));
  writeFileSync(join(dir, "macro.json"), JSON.stringify({ meta: { fetchedAt: "2026-03-03T09:00:00Z" }, rows: [] }));
  expect(snapshotFooterNote(dir)).toBe("Market data snapshot taken 2026-03-03 (UTC).");
});
