import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { HttpClient, HostLimiter, type HttpPolicy } from "../../src/lib/live/http.ts";
import type { CheckableClaim } from "../../src/lib/metrics/factCheck.ts";

/**
 * Short timeouts and backoffs so fault tests stay fast, yet long enough for a healthy fixture
 * server on a busy machine; waits are recorded, not slept.
 */
export const FAST_POLICY: Partial<HttpPolicy> = { timeoutMs: 1_500, maxAttempts: 2, backoffMs: 5, maxRetryAfterMs: 10_000, progressIntervalMs: 0 };

/** Drops progress lines, for tests that do not look at them. */
export const quiet = (): void => undefined;

export function fastClient(waits: number[] = [], policy: Partial<HttpPolicy> = FAST_POLICY): HttpClient {
  return new HttpClient(policy, new HostLimiter(policy.concurrencyPerHost ?? 2), async (ms) => {
    waits.push(ms);
  });
}

export const TEST_WINDOW = { REPORT_WINDOW_START: "2026-02-04", REPORT_WINDOW_END: "2026-02-09" };

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `${prefix}-`));
}

/** Every file in a folder with its bytes, to prove nothing changed. */
export function folderContents(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(path.join(dir, name), "utf8")]));
}

const claim = (c: Partial<CheckableClaim> & Pick<CheckableClaim, "id" | "metric" | "unit">): CheckableClaim => ({
  topic: "price",
  asset: "BTC",
  value: null,
  low: null,
  high: null,
  asOf: "2026-02-06",
  period: null,
  convention: null,
  tenorDays: null,
  ...c,
});

/** Claims shaped like the ledger's, for the fact-check. */
export const TEST_CLAIMS: CheckableClaim[] = [
  claim({ id: "btc-open-2026-02-05", metric: "open", unit: "usd", value: 73_100, asOf: "2026-02-05", period: "1d" }),
  claim({ id: "btc-low-2026-02-06", metric: "low", unit: "usd", value: 60_000, period: "intraday" }),
  claim({ id: "btc-rebound", metric: "rebound", unit: "pct", value: 16, period: "since-low" }),
  claim({ id: "basis", topic: "derivatives", metric: "futures_basis", unit: "pct_annualized", value: 2 }),
  claim({ id: "skew-rr25", topic: "options", metric: "skew_25d", unit: "vol_pts", value: -13, convention: "rr25", tenorDays: 7 }),
  claim({ id: "skew-pmc", topic: "options", metric: "options_skew", unit: "pct", value: 20, convention: "put_minus_call" }),
  claim({ id: "hashprice", topic: "mining", metric: "hashprice", unit: "usd_per_ph_day", high: 32 }),
  claim({ id: "difficulty", topic: "mining", metric: "difficulty_change", unit: "pct", value: -13.37, period: "next-adjustment" }),
  claim({ id: "sp500", topic: "macro", metric: "change", asset: "SP500", unit: "pct", value: 1.97, period: "1d" }),
  claim({ id: "liquidations", topic: "liquidations", metric: "liquidations", unit: "usd_bn", value: 2.6 }),
];
