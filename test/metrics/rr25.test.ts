import { describe, expect, it } from "vitest";
import { black76D1, normCdf } from "../../src/lib/metrics/black76.ts";
import { expiryCode, parseOptionInstrument } from "../../src/lib/metrics/instruments.ts";
import { computeRr25, forwardPremium, type FutureBasis, type OptionTrade } from "../../src/lib/metrics/rr25.ts";
import { expectedRr25, optionTape, SMILES, smileIvAtDelta, ssvi, type TapeExpiry } from "../support/optionTape.ts";

const DAY = 86_400_000;
const YEAR = 365 * DAY;
const TRADE_DAY = "2026-02-06";
/** The future whose basis sets the forwards: expires after every option in the tapes but the last. */
const FUTURE_EXPIRY = Date.parse("2026-03-27T08:00:00Z");
const EXPIRY_DAYS = [2, 3, 5, 9, 16, 23, 37, 58];
const TENORS = [3, 7, 30, 45];
const BASES = [-0.05, 0, 0.02, 0.05, 0.12, 0.15];

const flatBasis = (annualized: number, date = TRADE_DAY): FutureBasis[] => [{ date, expiryMs: FUTURE_EXPIRY, annualized }];
const sameSmile = (smile: TapeExpiry["smile"], days = EXPIRY_DAYS) => days.map((d) => ({ days: d, smile }));

interface Errors {
  rr25: number;
  call: number;
  put: number;
}

/** Computed minus expected values at each tenor, for a tape at a flat annualized basis. */
function errors(expiries: TapeExpiry[], basis: number, basisGiven = basis): Errors[] {
  const tape = optionTape(TRADE_DAY, expiries, (years) => basis * years);
  const rows = computeRr25(tape.trades, flatBasis(basisGiven), { tenorsDays: TENORS });
  expect(rows.map((r) => r.tenor_days)).toEqual(TENORS);
  return rows.map((row) => {
    const expected = expectedRr25(tape, expiries, row.tenor_days)!;
    return { rr25: row.rr25 - expected.rr25, call: row.call_iv25 - expected.callIv, put: row.put_iv25 - expected.putIv };
  });
}

const worst = (list: Errors[], key: keyof Errors) => Math.max(...list.map((e) => Math.abs(e[key])));

const BASIS_CASES = BASES.map((basis) => [`${Math.round(basis * 100)}%`, basis] as const);

describe("computeRr25 on noiseless tapes from known smiles", () => {
  describe.each(Object.keys(SMILES))("%s smile", (name) => {
    it.each(BASIS_CASES)("is within 0.1 vol points of the smile's RR25 at a %s annual basis", (_, basis) => {
      const found = errors(sameSmile(SMILES[name]!), basis);
      expect(worst(found, "rr25")).toBeLessThan(0.1);
      expect(worst(found, "call")).toBeLessThan(0.1);
      expect(worst(found, "put")).toBeLessThan(0.1);
    });
  });

  it("is within 0.1 vol points when the smile changes from expiry to expiry", () => {
    const expiries = EXPIRY_DAYS.map((days, i) => ({ days, smile: ssvi(70 - 3 * i, -0.7 + 0.1 * i, 1.6 - 0.1 * i) }));
    for (const basis of [-0.05, 0.15]) expect(worst(errors(expiries, basis), "rr25")).toBeLessThan(0.1);
  });

  it("would be off by more than 0.3 vol points with the index as the forward, as before", () => {
    const found = errors(sameSmile(SMILES["skewed, puts dear"]!), 0.12, 0);
    expect(worst(found, "rr25")).toBeGreaterThan(0.3);
  });

  it("gives a flat smile an RR25 of zero whatever the forward", () => {
    const tape = optionTape(TRADE_DAY, sameSmile(SMILES.flat!), (years) => 0.15 * years);
    const rows = computeRr25(tape.trades, flatBasis(-0.05));
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.rr25).toBeCloseTo(0, 9);
      expect(row.call_iv25).toBeCloseTo(50, 9);
    }
  });
});

/** N⁻¹(p) by bisection on the normal CDF. */
function inverseNormal(p: number): number {
  let low = -8;
  let high = 8;
  for (let i = 0; i < 100; i++) {
    const mid = (low + high) / 2;
    if (normCdf(mid) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

describe("forwardPremium", () => {
  const at = Date.parse("2026-02-06T12:00:00Z");
  const inDays = (days: number) => at + days * DAY;

  it("gives every expiry one future's annualized basis, before and after the future's expiry", () => {
    const futures = [{ expiryMs: inDays(50), annualized: 0.08 }];
    for (const days of [3, 30, 50, 80]) expect(forwardPremium(futures, at, days / 365)).toBeCloseTo((0.08 * days) / 365, 12);
  });

  it("interpolates the premium linearly in time to expiry between futures, from zero now", () => {
    const futures = [
      { expiryMs: inDays(14), annualized: 0.1 },
      { expiryMs: inDays(50), annualized: 0.04 },
    ];
    const p14 = (0.1 * 14) / 365;
    const p50 = (0.04 * 50) / 365;
    expect(forwardPremium(futures, at, 7 / 365)).toBeCloseTo(p14 / 2, 12);
    expect(forwardPremium(futures, at, 30 / 365)).toBeCloseTo(p14 + ((p50 - p14) * 16) / 36, 12);
    expect(forwardPremium(futures, at, 80 / 365)).toBeCloseTo((0.04 * 80) / 365, 12);
  });

  it("ignores a future that has expired and has no premium without a live future", () => {
    const expired = { expiryMs: at - DAY, annualized: 0.5 };
    expect(forwardPremium([expired, { expiryMs: inDays(40), annualized: 0.06 }], at, 20 / 365)).toBeCloseTo((0.06 * 20) / 365, 12);
    expect(forwardPremium([expired], at, 20 / 365)).toBeNull();
  });

  it("gives back the RR25 of a tape priced off two futures with different bases", () => {
    const near = { expiryMs: Date.parse("2026-02-20T08:00:00Z"), annualized: 0.14 };
    const far = { expiryMs: FUTURE_EXPIRY, annualized: 0.03 };
    const expiries = sameSmile(SMILES["skewed, puts dear"]!);
    // The tape's forward curve: the premium linear in years to expiry through zero and both futures' premiums.
    const premium = (years: number, atMs: number) => {
      const [y1, y2] = [near, far].map((f) => (f.expiryMs - atMs) / YEAR) as [number, number];
      const [p1, p2] = [near.annualized * y1, far.annualized * y2];
      if (years <= y1) return (p1 * years) / y1;
      if (years <= y2) return p1 + ((p2 - p1) * (years - y1)) / (y2 - y1);
      return far.annualized * years;
    };
    const tape = optionTape(TRADE_DAY, expiries, premium);
    const rows = computeRr25(tape.trades, [near, far].map((f) => ({ date: TRADE_DAY, ...f })), { tenorsDays: TENORS });
    expect(rows).toHaveLength(TENORS.length);
    for (const row of rows) expect(Math.abs(row.rr25 - expectedRr25(tape, expiries, row.tenor_days)!.rr25)).toBeLessThan(0.1);
  });
});

describe("computeRr25", () => {
  it("interpolates across expiries in total variance", () => {
    const near = { days: 5, smile: ssvi(70, -0.3, 0.8) };
    const far = { days: 9, smile: ssvi(50, -0.5, 1.0) };
    const tape = optionTape(TRADE_DAY, [near, far], (years) => 0.05 * years);
    const [row] = computeRr25(tape.trades, flatBasis(0.05), { tenorsDays: [7] });
    // Each trade's tenor is measured from its trade time: an expiry's tenor is their amount-weighted mean.
    const t1 = tape.meanYears.get(5)!;
    const t2 = tape.meanYears.get(9)!;
    const t = 7 / 365;
    const interpolate = (v1: number, v2: number) => Math.sqrt((v1 * v1 * t1 + ((t - t1) / (t2 - t1)) * (v2 * v2 * t2 - v1 * v1 * t1)) / t);
    expect(row).toBeDefined();
    expect(row!.call_iv25).toBeCloseTo(interpolate(smileIvAtDelta(near.smile, t1, 0.25), smileIvAtDelta(far.smile, t2, 0.25)), 1);
    expect(row!.put_iv25).toBeCloseTo(interpolate(smileIvAtDelta(near.smile, t1, 0.75), smileIvAtDelta(far.smile, t2, 0.75)), 1);
    expect(row!.expiries).toEqual(["2026-02-11T08:00:00.000Z", "2026-02-15T08:00:00.000Z"]);
  });

  it("produces no row when no expiries bracket the maturity (no extrapolation)", () => {
    const tape = optionTape(TRADE_DAY, sameSmile(SMILES["skewed, puts dear"]!, [9, 16]), () => 0);
    expect(computeRr25(tape.trades, flatBasis(0))).toEqual([]);
  });

  it("produces no row when the trades near 25 delta sit on one side of it only", () => {
    const tape = optionTape(TRADE_DAY, sameSmile(SMILES["skewed, puts dear"]!), () => 0);
    // Drop every trade whose delta, from its own IV, is below 0.25: no call-side trade lies beyond the target.
    const oneSided = tape.trades.filter((trade) => {
      const { strike, expiryMs } = parseOptionInstrument(trade.instrumentName)!;
      return normCdf(black76D1(trade.indexPrice, strike, trade.iv / 100, (expiryMs - trade.timestamp) / YEAR)) >= 0.25;
    });
    expect(computeRr25(oneSided, flatBasis(0))).toEqual([]);
    expect(computeRr25(tape.trades, flatBasis(0))).not.toEqual([]);
  });

  describe("where a curve cannot be read reliably", () => {
    // A smile linear in delta, IV = 40 + 20 × delta: a straight line is exact, 45 at 0.25 and 55 at 0.75.
    const smile = (delta: number) => 40 + 20 * delta;
    const at = Date.parse(`${TRADE_DAY}T12:00:00Z`);
    /** Call trades at about these call deltas (strikes rounded to whole dollars), 5 and 9 days out. */
    function tradesAt(deltas: number[], bump: (delta: number) => number = () => 0): OptionTrade[] {
      return [5, 9].flatMap((days) => {
        const expiryMs = Date.parse(`${TRADE_DAY}T08:00:00Z`) + days * DAY;
        const years = (expiryMs - at) / YEAR;
        return deltas.map((delta) => {
          const d1 = inverseNormal(delta);
          const vol = smile(delta) / 100;
          const strike = Math.round(70_000 * Math.exp(-d1 * vol * Math.sqrt(years) + (vol * vol * years) / 2));
          let iv = 50;
          for (let i = 0; i < 100; i++) iv = smile(normCdf(black76D1(70_000, strike, iv / 100, years)));
          return { timestamp: at, instrumentName: `BTC-${expiryCode(expiryMs)}-${strike}-C`, iv: iv + bump(delta), indexPrice: 70_000, amount: 1 };
        });
      });
    }

    it("reads the straight line through two trades straddling each target", () => {
      const [row] = computeRr25(tradesAt([0.2, 0.3, 0.7, 0.8]), flatBasis(0), { tenorsDays: [7] });
      expect(row!.call_iv25).toBeCloseTo(45, 6);
      expect(row!.put_iv25).toBeCloseTo(55, 6);
    });

    it("reads a straight line, not a curve that would amplify noise, when the deltas bunch at the band's edges", () => {
      // One vol point of noise on the trades at 0.17 and 0.83 moves a quadratic through these deltas by several vol points.
      const trades = tradesAt([0.16, 0.17, 0.34, 0.66, 0.83, 0.84], (delta) => (delta === 0.17 || delta === 0.83 ? 1 : 0));
      const [row] = computeRr25(trades, flatBasis(0), { tenorsDays: [7] });
      expect(Math.abs(row!.call_iv25 - 45)).toBeLessThan(0.5);
      expect(Math.abs(row!.put_iv25 - 55)).toBeLessThan(0.5);
    });
  });

  it("keeps UTC days apart, leaves out a day without a basis and skips trades it cannot price", () => {
    const expiries = sameSmile(SMILES["skewed, puts dear"]!, [3, 10, 24, 40]);
    const days = ["2026-02-05", "2026-02-06", "2026-02-07"];
    const trades = [
      ...days.flatMap((day) => optionTape(day, expiries, (years) => 0.05 * years).trades),
      { timestamp: Date.parse("2026-02-06T12:00:00Z"), instrumentName: "BTC-PERPETUAL", iv: 50, indexPrice: 70_000, amount: 1 },
      { timestamp: Date.parse("2026-02-06T12:00:00Z"), instrumentName: "BTC-27MAR26-70000-C", iv: 0, indexPrice: 70_000, amount: 1 },
    ];
    const basis = [...flatBasis(0.05, "2026-02-05"), ...flatBasis(0.05, "2026-02-07")];
    const rows = computeRr25(trades, basis);
    expect(rows.map((r) => `${r.date}/${r.tenor_days}`)).toEqual(["2026-02-05/7", "2026-02-05/30", "2026-02-07/7", "2026-02-07/30"]);
  });
});
