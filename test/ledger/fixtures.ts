// Small in-memory ledgers for the validation tests. They never feed the site.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { LedgerFiles } from "../../src/lib/ledger/validate.ts";

export const FIXTURES_DIR = fileURLToPath(new URL("./fixtures/", import.meta.url));
export const VALID_DIR = `${FIXTURES_DIR}valid`;
export const FIXTURE_SEEDS_DIR = `${FIXTURES_DIR}seeds`;

const read = (name: string) => readFileSync(`${VALID_DIR}/${name}`, "utf8");

/** The valid fixture ledger, labelled as the real files, with any file's text replaced. */
export function fixtureFiles(overrides: Partial<Record<keyof LedgerFiles, string>> = {}): LedgerFiles {
  return {
    sources: { label: "data/sources.csv", text: overrides.sources ?? read("sources.csv") },
    copies: { label: "data/copies.csv", text: overrides.copies ?? read("copies.csv") },
    claims: { label: "data/claims.csv", text: overrides.claims ?? read("claims.csv") },
    conflicts: { label: "data/conflicts.csv", text: overrides.conflicts ?? read("conflicts.csv") },
  };
}

/** The valid claims file with extra rows appended; the first extra row is on line 5. */
export function claimsWith(...rows: string[]): string {
  return read("claims.csv") + rows.map((row) => `${row}\n`).join("");
}

/** A claims row from the columns that matter, the rest filled with valid values. */
export function claimRow(fields: Partial<Record<string, string>> = {}): string {
  const row: Record<string, string> = {
    id: "btc-high",
    topic: "price",
    metric: "high",
    asset: "BTC",
    side: "",
    kind: "reading",
    value: "71422",
    low: "",
    high: "",
    label: "",
    unit: "usd",
    as_of: "2026-02-06",
    period: "intraday",
    convention: "",
    tenor_days: "",
    source_id: "mini",
    attributed_to: "",
    quote: "rebounded",
    note: "",
    expiry: "",
    ...fields,
  };
  return Object.values(row)
    .map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v))
    .join(",");
}
