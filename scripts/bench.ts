// npm run bench: RR25 over 1,000,000 generated option trades. Prints the median time of
// several runs and the process's peak memory. Target: ≤ 3 s and ≤ 1 GB on 2 cores.
import { expiryCode } from "../src/lib/metrics/instruments.ts";
import { computeRr25, type FutureBasis, type OptionTrade } from "../src/lib/metrics/rr25.ts";
import { utcDay } from "../src/lib/metrics/time.ts";
import { median } from "./median.ts";

const TRADES = 1_000_000;
const RUNS = 5;
const DAY = 86_400_000;
const START = Date.parse("2026-01-15T00:00:00Z");
const DAYS = 45;

/** Deterministic pseudo-random numbers (mulberry32), so every run sees the same trades. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function generateTrades(): OptionTrade[] {
  const next = random(42);
  const expiries: number[] = [];
  for (let d = 1; d < DAYS + 120; d++) {
    const day = START + d * DAY;
    if (d % 7 === 2 || d < DAYS + 3) expiries.push(day + 8 * 3_600_000);
  }
  const trades: OptionTrade[] = new Array(TRADES);
  for (let i = 0; i < TRADES; i++) {
    const timestamp = START + Math.floor((i / TRADES) * DAYS * DAY);
    const live = expiries.filter((e) => e > timestamp + DAY && e < timestamp + 100 * DAY);
    const expiry = live[Math.floor(next() * live.length)]!;
    const index = 70_000 * (1 + 0.1 * Math.sin(timestamp / (9 * DAY)));
    const moneyness = Math.exp((next() - 0.5) * 0.6);
    const strike = Math.round((index * moneyness) / 1000) * 1000;
    const logMoneyness = Math.log(strike / index);
    trades[i] = {
      timestamp,
      instrumentName: `BTC-${expiryCode(expiry)}-${strike}-${next() < 0.5 ? "C" : "P"}`,
      iv: 50 - 25 * logMoneyness + 40 * logMoneyness ** 2 + (next() - 0.5),
      indexPrice: index,
      amount: 0.1 + next() * 5,
    };
  }
  return trades;
}

/** A 5% annualized basis on every day, from a future that outlives every option. */
function generateBasis(): FutureBasis[] {
  const expiryMs = Date.parse("2026-06-26T08:00:00Z");
  return Array.from({ length: DAYS }, (_, d) => ({ date: utcDay(START + d * DAY), expiryMs, annualized: 0.05 }));
}

const trades = generateTrades();
const basis = generateBasis();
const times: number[] = [];
let rows = 0;
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  rows = computeRr25(trades, basis).length;
  times.push((performance.now() - started) / 1000);
}
const medianTime = median(times);
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
console.log(`RR25 over ${TRADES.toLocaleString("en-US")} option trades (${rows} daily rows)`);
console.log(`runs (s): ${times.map((t) => t.toFixed(3)).join(", ")}`);
console.log(`median: ${medianTime.toFixed(3)} s (target ≤ 3 s) ${medianTime <= 3 ? "OK" : "OVER"}`);
console.log(`peak RSS: ${peakRssMb.toFixed(0)} MB, heap in use: ${heapMb.toFixed(0)} MB (target ≤ 1024 MB) ${peakRssMb <= 1024 ? "OK" : "OVER"}`);
