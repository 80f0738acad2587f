// Coinbase Exchange public candles: [time (s), low, high, open, close, volume], newest first,
// at most 300 per request. BTC-USD trades every hour, so every hour of the window must come back.

import { z } from "zod";
import type { Candle } from "../metrics/candles.ts";
import { windowEndMs, windowStartMs, type EventWindow } from "../window.ts";
import { MS_PER_HOUR } from "../metrics/time.ts";
import { coveredUntil, requireEveryHour } from "./coverage.ts";
import { endpointUrl, fail, type HttpClient } from "./http.ts";

export function coinbaseBase(env: NodeJS.ProcessEnv = process.env): string {
  return env.COINBASE_API_URL ?? "https://api.exchange.coinbase.com";
}

const SOURCE = "coinbase";
const ENDPOINT = "products/BTC-USD/candles";
const HOUR_S = 3600;
const MAX_CANDLES = 300;

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

const candles = z.array(z.tuple([z.number().int(), z.number(), z.number(), z.number(), z.number(), z.number()]));

/** Hourly BTC-USD candles over the window, oldest first. */
export async function fetchHourlyCandles(client: HttpClient, base: string, window: EventWindow): Promise<Candle[]> {
  const startS = windowStartMs(window) / 1000;
  const endS = windowEndMs(window) / 1000;
  const chunks: [number, number][] = [];
  for (let from = startS; from < endS; from += MAX_CANDLES * HOUR_S) {
    chunks.push([from, Math.min(from + MAX_CANDLES * HOUR_S, endS) - HOUR_S]);
  }
  let arrived = 0;
  const pages = await Promise.all(
    chunks.map(async ([from, to]) => {
      const page = await client.json(
        {
          source: SOURCE,
          endpoint: ENDPOINT,
          url: endpointUrl(base, ENDPOINT, {
            granularity: HOUR_S,
            start: new Date(from * 1000).toISOString(),
            end: new Date(to * 1000).toISOString(),
          }),
        },
        candles,
      );
      arrived++;
      client.progress("coinbase candles", `coinbase hourly candles: page ${arrived} of ${chunks.length}`);
      return page;
    }),
  );
  const byTime = new Map<number, Candle>();
  pages.forEach((page, i) => {
    const [from, to] = chunks[i]!;
    // A server that ignores start/end answers with the latest candles for every chunk.
    if (page.some(([time]) => time > to) || (page.length > 0 && !page.some(([time]) => time >= from))) {
      throw fail(
        { source: SOURCE, endpoint: ENDPOINT },
        `the answer ignores the requested range: asked for ${iso(from)} to ${iso(to)}, got candles from ${iso(page[page.length - 1]![0])} to ${iso(page[0]![0])}`,
      );
    }
    for (const [time, low, high, open, close, volume] of page) {
      // A page may include candles before its start; keep only the window's, once each.
      if (time >= startS && time < endS) byTime.set(time, { time: time * 1000, open, high, low, close, volume });
    }
  });
  if (byTime.size === 0) {
    throw fail({ source: SOURCE, endpoint: ENDPOINT }, `empty result: no hourly candles between ${window.start} and ${window.end}`);
  }
  const until = coveredUntil(endS * 1000, client.now(), MS_PER_HOUR, MS_PER_HOUR);
  requireEveryHour({ source: SOURCE, endpoint: ENDPOINT }, "candle", [...byTime.keys()].map((s) => s * 1000), startS * 1000, until);
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}
