import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkLedger, LedgerError, loadLedger } from "../../src/lib/ledger/load.ts";
import { UNITS } from "../../src/lib/ledger/vocabulary.ts";
import { FIXTURE_SEEDS_DIR, FIXTURES_DIR, VALID_DIR } from "./fixtures.ts";

const tempDirs: string[] = [];
afterEach(() => tempDirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function copyOfValid(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ledger-"));
  tempDirs.push(dir);
  cpSync(VALID_DIR, dir, { recursive: true });
  return dir;
}

describe("loadLedger", () => {
  it("reads a ledger folder", () => {
    const ledger = loadLedger({ dataDir: VALID_DIR });
    expect(ledger.claims.map((claim) => claim.id)).toEqual(["btc-low", "btc-rr25", "btc-skew"]);
    expect(ledger.sources).toHaveLength(1);
    expect(ledger.conflicts).toHaveLength(1);
  });

  it("throws LedgerError naming file, line and column relative to the project", () => {
    const load = () => loadLedger({ dataDir: `${FIXTURES_DIR}bad-unit` });
    expect(load).toThrow(LedgerError);
    expect(load).toThrow(
      `test/ledger/fixtures/bad-unit/claims.csv:2:11: unit "usd_bln" is not a known unit; use one of ${UNITS.join(", ")} (empty only for a label)`,
    );
  });

  it("puts one issue per line in the message", () => {
    const dir = copyOfValid();
    writeFileSync(
      path.join(dir, "conflicts.csv"),
      "id,title,kind,claim_ids,note\nx,X,rounding,btc-low; nope,Why.\ny,Y,rounding,btc-low; gone,Why.\n",
    );
    try {
      loadLedger({ dataDir: dir });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LedgerError);
      const { message, issues } = error as LedgerError;
      expect(issues).toHaveLength(2);
      expect(message.split("\n")).toEqual([
        `${dir}/conflicts.csv:2:4: claim id "nope" is not in ${dir}/claims.csv; check the spelling or add the claim first`,
        `${dir}/conflicts.csv:3:4: claim id "gone" is not in ${dir}/claims.csv; check the spelling or add the claim first`,
      ]);
    }
  });

  it("refuses a figure its quote does not print, so no loader builds a page from it", () => {
    const dir = copyOfValid();
    const claims = readFileSync(path.join(dir, "claims.csv"), "utf8");
    writeFileSync(path.join(dir, "claims.csv"), claims.replace("low,60000,,,,usd", "low,66000,,,,usd"));
    expect(() => loadLedger({ dataDir: dir })).toThrow(
      `${dir}/claims.csv:2:7: value 66000 is not printed in the quote "an intraday low near $60,000", which prints "$60,000" (60000) in usd; write the figure as the quote prints it, or quote the phrase that prints 66000`,
    );
  });

  it("reports a missing file", () => {
    const dir = copyOfValid();
    rmSync(path.join(dir, "conflicts.csv"));
    expect(() => loadLedger({ dataDir: dir })).toThrow(
      `${dir}/conflicts.csv:1:1: file not found; create it with the header id,title,kind,claim_ids,note`,
    );
  });
});

describe("checkLedger", () => {
  it("verifies quotes against the articles", () => {
    const result = checkLedger({ dataDir: VALID_DIR, seedsDir: FIXTURE_SEEDS_DIR });
    expect(result.quotesChecked).toBe(true);
    expect(result.issues).toEqual([]);
  });

  it("skips quotes when the seeds folder is absent", () => {
    const result = checkLedger({ dataDir: VALID_DIR, seedsDir: path.join(FIXTURES_DIR, "no-such-folder") });
    expect(result).toMatchObject({ quotesChecked: false, issues: [] });
  });
});
