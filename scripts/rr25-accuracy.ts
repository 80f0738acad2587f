// npm run accuracy:rr25: RR25 from noiseless synthetic option tapes drawn from known smiles
// (test/support/optionTape.ts), against the RR25 solved from each smile. Prints, per smile and
// annual basis, the worst error over the 3-, 7-, 30- and 45-day maturities, with each expiry's
// forward and with the index as the forward. Target: within 0.1 vol points with the forward.
import { computeRr25 } from "../src/lib/metrics/rr25.ts";
import { expectedRr25, optionTape, SMILES } from "../test/support/optionTape.ts";

const DAY = "2026-02-06";
const FUTURE_EXPIRY = Date.parse("2026-03-27T08:00:00Z");
const EXPIRY_DAYS = [2, 3, 5, 9, 16, 23, 37, 58];
const TENORS = [3, 7, 30, 45];
const BASES = [-0.05, 0, 0.02, 0.05, 0.12, 0.15];

function worstError(smileName: string, basis: number, basisGiven: number): number {
  const expiries = EXPIRY_DAYS.map((days) => ({ days, smile: SMILES[smileName]! }));
  const tape = optionTape(DAY, expiries, (years) => basis * years);
  const rows = computeRr25(tape.trades, [{ date: DAY, expiryMs: FUTURE_EXPIRY, annualized: basisGiven }], { tenorsDays: TENORS });
  if (rows.length !== TENORS.length) throw new Error(`${smileName} at ${basis}: ${rows.length} rows, expected ${TENORS.length}`);
  return Math.max(...rows.map((row) => Math.abs(row.rr25 - expectedRr25(tape, expiries, row.tenor_days)!.rr25)));
}

const percent = (basis: number) => `${Math.round(basis * 100)}%`;
const header = ["smile", ...BASES.map(percent)];
const table = (basisGiven: (basis: number) => number) =>
  Object.keys(SMILES).map((name) => [name, ...BASES.map((basis) => worstError(name, basis, basisGiven(basis)).toFixed(3))]);

function print(title: string, rows: string[][]): void {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(" | ")} |`;
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(`| ${widths.map((w, i) => (i === 0 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |`);
  for (const row of rows) console.log(line(row));
}

const withForward = table((basis) => basis);
print("Worst |RR25 error| in vol points by annual basis, each expiry's forward (the method):", withForward);
print("The same with the index as the forward, for comparison:", table(() => 0));
const worst = Math.max(...withForward.flatMap((row) => row.slice(1).map(Number)));
console.log(`\nworst with the forward: ${worst.toFixed(3)} vol points (target < 0.1) ${worst < 0.1 ? "OK" : "OVER"}`);
