// A snapshot folder captured from the synthetic market servers (test/fixtures/server.ts), for
// tests that need good snapshot files to break. It is written to a temporary folder, never to data/.
import { captureSnapshot } from "../../src/lib/snapshot/capture.ts";
import type { CheckableClaim } from "../../src/lib/metrics/factCheck.ts";
import type { EventWindow } from "../../src/lib/window.ts";
import { startFixtureServers } from "../fixtures/server.ts";
import { fastClient, FAST_POLICY, tempDir, TEST_CLAIMS } from "../live/helpers.ts";

/** The whole range the fixture servers answer for. */
export const FIXTURE_WINDOW: EventWindow = { start: "2026-01-26", end: "2026-02-16" };
export const FIXTURE_WINDOW_ENV = { REPORT_WINDOW_START: FIXTURE_WINDOW.start, REPORT_WINDOW_END: FIXTURE_WINDOW.end };

/** A client for captures that test no network fault: timeouts long enough for a busy machine. */
export const patientClient = () => fastClient([], { ...FAST_POLICY, timeoutMs: 10_000 });

/**
 * Captures every dataset for FIXTURE_WINDOW into a new temporary folder and returns it. Pass the
 * real ledger's claims when the folder is checked against data/claims.csv (npm run check).
 */
export async function captureFixtureSnapshot(fetchedAt = "2026-03-02T10:00:00.000Z", claims: readonly CheckableClaim[] = TEST_CLAIMS): Promise<string> {
  const servers = await startFixtureServers();
  try {
    const dir = tempDir("snapshot-fixture");
    const env = { ...servers.env(), ...FIXTURE_WINDOW_ENV, REPORT_SNAPSHOT_DIR: dir };
    const result = await captureSnapshot({ env, client: patientClient(), now: () => Date.parse(fetchedAt), claims: () => claims });
    if (result.failures.length > 0) throw new Error(`fixture capture failed: ${result.failures.map((f) => f.error.message).join("; ")}`);
    return dir;
  } finally {
    await servers.close();
  }
}
