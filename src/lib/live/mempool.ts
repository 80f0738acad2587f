// mempool.space mining statistics. The endpoints take a look-back period ending now
// (1m, 3m, 6m, 1y, 2y, 3y, all), so the period is chosen to reach back to the window start
// and the answer is cut to the window. Hashrate and block rewards must cover every day of it.

import { z } from "zod";
import { MS_PER_DAY, utcDay } from "../metrics/time.ts";
import { windowEndMs, windowStartMs, type EventWindow } from "../window.ts";
import { coveredUntil, requireEveryDay } from "./coverage.ts";
import { endpointUrl, fail, type HttpClient, type SourceRequest } from "./http.ts";

export function mempoolBase(env: NodeJS.ProcessEnv = process.env): string {
  return env.MEMPOOL_API_URL ?? "https://mempool.space/api";
}

const SOURCE = "mempool";
const MINED_DAILY = "blocks are mined every day";

const PERIODS: [string, number][] = [
  ["1m", 28],
  ["3m", 88],
  ["6m", 178],
  ["1y", 360],
  ["2y", 725],
  ["3y", 1090],
];

/** The shortest look-back period that still covers the window start. */
export function lookbackPeriod(window: EventWindow, now: number): string {
  const days = (now - windowStartMs(window)) / MS_PER_DAY;
  return PERIODS.find(([, covers]) => days <= covers)?.[0] ?? "all";
}

const hashrateSchema = z.object({
  hashrates: z.array(z.object({ timestamp: z.number().int(), avgHashrate: z.number() })),
  difficulty: z.array(z.object({ time: z.number().int(), height: z.number().int(), difficulty: z.number(), adjustment: z.number() })),
  currentHashrate: z.number(),
  currentDifficulty: z.number(),
});
const adjustmentsSchema = z.array(z.tuple([z.number().int(), z.number().int(), z.number(), z.number()]));
const rewardsSchema = z.array(z.object({ avgHeight: z.number(), timestamp: z.number().int(), avgRewards: z.number() }));

export interface HashratePoint {
  time: number;
  hashrateHs: number;
}

export interface DifficultyAdjustment {
  time: number;
  height: number;
  difficulty: number;
  /** Relative change, a fraction (-0.1337 for -13.37%). */
  change: number;
}

export interface RewardPoint {
  time: number;
  avgHeight: number;
  /** Average subsidy plus fees per block, in BTC. */
  rewardPerBlockBtc: number;
}

export interface MiningHistory {
  hashrates: HashratePoint[];
  adjustments: DifficultyAdjustment[];
  rewards: RewardPoint[];
}

/**
 * Hashrate, difficulty adjustments and block rewards over the window. Adjustments include the
 * last one before the window, so the difficulty in force on the first day is known.
 */
export async function fetchMiningHistory(client: HttpClient, base: string, window: EventWindow, now = Date.now()): Promise<MiningHistory> {
  const period = lookbackPeriod(window, now);
  const start = windowStartMs(window);
  const end = windowEndMs(window);
  const inWindow = (ms: number) => ms >= start && ms < end;
  const request = (endpoint: string): SourceRequest => ({ source: SOURCE, endpoint, url: endpointUrl(base, endpoint.replace("{period}", period)) });

  const hashrateRequest = request("v1/mining/hashrate/{period}");
  const adjustmentsRequest = request("v1/mining/difficulty-adjustments/{period}");
  const rewardsRequest = request("v1/mining/blocks/rewards/{period}");
  const [hashrate, adjustments, rewards] = await Promise.all([
    client.json(hashrateRequest, hashrateSchema),
    client.json(adjustmentsRequest, adjustmentsSchema),
    client.json(rewardsRequest, rewardsSchema),
  ]);

  const history: MiningHistory = {
    hashrates: hashrate.hashrates
      .map((p) => ({ time: p.timestamp * 1000, hashrateHs: p.avgHashrate }))
      .filter((p) => inWindow(p.time))
      .sort((a, b) => a.time - b.time),
    adjustments: adjustments
      .map(([time, height, difficulty, ratio]) => ({ time: time * 1000, height, difficulty, change: ratio - 1 }))
      .filter((a) => a.time < end)
      .sort((a, b) => a.time - b.time),
    rewards: rewards
      .map((p) => ({ time: p.timestamp * 1000, avgHeight: p.avgHeight, rewardPerBlockBtc: p.avgRewards / 1e8 }))
      .filter((p) => inWindow(p.time))
      .sort((a, b) => a.time - b.time),
  };
  const firstInWindow = history.adjustments.findIndex((a) => a.time >= start);
  if (firstInWindow > 1) history.adjustments = history.adjustments.slice(firstInWindow - 1);
  if (history.hashrates.length === 0) throw fail(hashrateRequest, `empty result: no hashrate points between ${window.start} and ${window.end}`);
  if (history.adjustments.length === 0) throw fail(adjustmentsRequest, `empty result: no difficulty adjustments up to ${window.end}`);
  if (history.rewards.length === 0) throw fail(rewardsRequest, `empty result: no block reward points between ${window.start} and ${window.end}`);
  if (history.adjustments[0]!.time > start) {
    throw fail(adjustmentsRequest, `no difficulty adjustment at or before ${window.start}: the difficulty in force on the first day is unknown`);
  }
  const lastDay = utcDay(coveredUntil(end, client.now(), MS_PER_DAY, MS_PER_DAY) - 1);
  requireEveryDay(hashrateRequest, "hashrate point", history.hashrates.map((p) => utcDay(p.time)), window.start, lastDay, MINED_DAILY);
  requireEveryDay(rewardsRequest, "block reward point", history.rewards.map((p) => utcDay(p.time)), window.start, lastDay, MINED_DAILY);
  return history;
}
