// Deribit public JSON-RPC over HTTP GET. Trade history comes from history.deribit.com, the
// rest from www.deribit.com; both bases can be overridden by environment variable. Paged
// answers must join up with no gap, and every hour (every day for daily series) of the window
// must come back: the market trades around the clock.

import { z } from "zod";
import type { Candle } from "../metrics/candles.ts";
import type { OptionTrade } from "../metrics/rr25.ts";
import { MS_PER_DAY, MS_PER_HOUR, utcDay } from "../metrics/time.ts";
import { windowEndMs, windowStartMs, type EventWindow } from "../window.ts";
import { coveredUntil, hourLabel, requireEveryDay, requireEveryHour } from "./coverage.ts";
import { atStep, endpointUrl, fail, type HttpClient, type SourceRequest } from "./http.ts";

export interface DeribitBases {
  api: string;
  history: string;
}

export function deribitBases(env: NodeJS.ProcessEnv = process.env): DeribitBases {
  return {
    api: env.DERIBIT_API_URL ?? "https://www.deribit.com/api/v2",
    history: env.DERIBIT_HISTORY_URL ?? "https://history.deribit.com/api/v2",
  };
}

const SOURCE = "deribit";
const TRADES = "public/get_last_trades_by_currency_and_time";
const DVOL = "public/get_volatility_index_data";
const FUNDING = "public/get_funding_rate_history";
const CHART = "public/get_tradingview_chart_data";

const TRADES_PER_PAGE = 1000;
/** Documented "try again later" codes: too_many_requests, retry, settlement_in_progress, matching_engine_queue_full, too_many_concurrent_requests, system_maintenance, internal_server_error, temporarily_unavailable, timed_out. */
const RETRY_CODES: ReadonlySet<number> = new Set([10028, 10040, 10041, 10047, 10066, 11051, 11094, 13028, 13888]);
const FUNDING_CHUNK_MS = 20 * 86_400_000; // the history endpoint caps how many hourly rows it returns

const envelope = <T extends z.ZodType>(result: T) => z.object({ jsonrpc: z.literal("2.0"), result });

const tradeSchema = z.object({
  trade_id: z.string(),
  timestamp: z.number().int(),
  instrument_name: z.string(),
  iv: z.number(),
  index_price: z.number().positive(),
  price: z.number(),
  amount: z.number(),
  direction: z.enum(["buy", "sell"]),
});
const tradesPage = envelope(z.object({ trades: z.array(tradeSchema), has_more: z.boolean() }));

const dvolPage = envelope(
  z.object({
    data: z.array(z.tuple([z.number().int(), z.number(), z.number(), z.number(), z.number()])),
    continuation: z.number().int().nullable(),
  }),
);

const fundingRows = envelope(
  z.array(
    z.object({
      timestamp: z.number().int(),
      index_price: z.number(),
      prev_index_price: z.number().nullish(),
      interest_8h: z.number(),
      interest_1h: z.number(),
    }),
  ),
);

const chartData = envelope(
  z
    .object({
      status: z.enum(["ok", "no_data"]),
      ticks: z.array(z.number().int()),
      open: z.array(z.number()),
      high: z.array(z.number()),
      low: z.array(z.number()),
      close: z.array(z.number()),
      volume: z.array(z.number()),
      cost: z.array(z.number()),
    })
    .refine((r) => [r.open, r.high, r.low, r.close, r.volume, r.cost].every((a) => a.length === r.ticks.length), {
      message: "candle arrays differ in length from ticks",
    }),
);

/**
 * Every BTC option trade in the window, oldest first, paging on timestamp with has_more. Each
 * page starts at the previous page's last millisecond, so it must repeat that page's last trade:
 * a page that does not has skipped trades.
 */
export async function fetchOptionTrades(client: HttpClient, bases: DeribitBases, window: EventWindow): Promise<OptionTrade[]> {
  const end = windowEndMs(window) - 1;
  const seen = new Set<string>();
  const trades: OptionTrade[] = [];
  let cursor = windowStartMs(window);
  let lastId: string | null = null;
  for (let page = 1; ; page++) {
    const request = deribitRequest(bases.history, TRADES, {
      currency: "BTC",
      kind: "option",
      start_timestamp: cursor,
      end_timestamp: end,
      count: TRADES_PER_PAGE,
      sorting: "asc",
    });
    const reached = page === 1 ? "" : `, after trades through ${hourLabel(cursor)}`;
    guardPages(client, request, page);
    const { result } = await client.json(request, tradesPage).catch((error: unknown) => {
      throw atStep(error, `at page ${page}${reached}`);
    });
    if (lastId !== null && !result.trades.some((trade) => trade.trade_id === lastId)) {
      const first = result.trades[0];
      throw fail(
        request,
        `page ${page} does not join page ${page - 1}: it should start with trade ${lastId} at ${new Date(cursor).toISOString()}, but starts ${first ? `with trade ${first.trade_id} at ${new Date(first.timestamp).toISOString()}` : "empty"}; the trades in between are missing`,
      );
    }
    let fresh = 0;
    for (const trade of result.trades) {
      if (seen.has(trade.trade_id)) continue;
      seen.add(trade.trade_id);
      fresh++;
      if (trade.timestamp > end) continue;
      trades.push({
        timestamp: trade.timestamp,
        instrumentName: trade.instrument_name,
        iv: trade.iv,
        indexPrice: trade.index_price,
        amount: trade.amount,
      });
    }
    const last = result.trades[result.trades.length - 1];
    if (last) client.progress(TRADES, `deribit option trades: page ${page}, through ${hourLabel(last.timestamp)}`);
    if (!result.has_more) break;
    if (fresh === 0 || last === undefined || last.timestamp < cursor) {
      throw fail(request, `pagination did not advance at page ${page} (has_more is true but the page brought no new trades)`);
    }
    // Trades sharing the last millisecond come back again on the next page; `seen` drops them.
    cursor = last.timestamp;
    lastId = last.trade_id;
  }
  if (trades.length === 0) throw fail({ source: SOURCE, endpoint: TRADES }, `empty result: no option trades between ${window.start} and ${window.end}`);
  const until = coveredUntil(windowEndMs(window), client.now(), MS_PER_DAY, MS_PER_DAY);
  requireEveryDay({ source: SOURCE, endpoint: TRADES }, "option trade", new Set(trades.map((t) => utcDay(t.timestamp))), window.start, utcDay(until - 1));
  return trades.sort((a, b) => a.timestamp - b.timestamp);
}

export interface DvolCandle {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
}

/** The BTC DVOL index, hourly, walking back from the window end with `continuation`. */
export async function fetchDvol(client: HttpClient, bases: DeribitBases, window: EventWindow): Promise<DvolCandle[]> {
  const start = windowStartMs(window);
  const byTime = new Map<number, DvolCandle>();
  let end = windowEndMs(window) - 1;
  for (let page = 1; ; page++) {
    const request = deribitRequest(bases.api, DVOL, { currency: "BTC", start_timestamp: start, end_timestamp: end, resolution: "3600" });
    guardPages(client, request, page);
    const { result } = await client.json(request, dvolPage).catch((error: unknown) => {
      throw atStep(error, page === 1 ? "at page 1" : `at page ${page}, back to ${hourLabel(end)}`);
    });
    for (const [time, open, high, low, close] of result.data) {
      if (time >= start && time <= windowEndMs(window) - 1) byTime.set(time, { time, open, high, low, close });
    }
    const oldest = result.data.reduce((min, [time]) => Math.min(min, time), Infinity);
    if (Number.isFinite(oldest)) client.progress(DVOL, `deribit DVOL: page ${page}, back to ${hourLabel(oldest)}`);
    if (result.continuation === null || result.continuation < start) break;
    if (result.continuation >= end) {
      throw fail(request, `pagination did not advance at page ${page} (continuation ${result.continuation} is not before ${end})`);
    }
    end = result.continuation;
  }
  if (byTime.size === 0) throw fail({ source: SOURCE, endpoint: DVOL }, `empty result: no DVOL candles between ${window.start} and ${window.end}`);
  const until = coveredUntil(windowEndMs(window), client.now(), MS_PER_HOUR, MS_PER_HOUR);
  requireEveryHour({ source: SOURCE, endpoint: DVOL }, "DVOL candle", byTime.keys(), start, until);
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

export interface FundingPoint {
  time: number;
  interest1h: number;
  interest8h: number;
  indexPrice: number;
}

/** Hourly BTC-PERPETUAL funding history, requested in chunks the endpoint accepts. */
export async function fetchFundingHistory(client: HttpClient, bases: DeribitBases, window: EventWindow): Promise<FundingPoint[]> {
  const byTime = new Map<number, FundingPoint>();
  const windowEnd = windowEndMs(window) - 1;
  const chunks = Math.ceil((windowEnd + 1 - windowStartMs(window)) / FUNDING_CHUNK_MS);
  for (let from = windowStartMs(window), chunk = 1; from <= windowEnd; from += FUNDING_CHUNK_MS, chunk++) {
    const to = Math.min(from + FUNDING_CHUNK_MS - 1, windowEnd);
    const request = deribitRequest(bases.api, FUNDING, { instrument_name: "BTC-PERPETUAL", start_timestamp: from, end_timestamp: to });
    const { result } = await client.json(request, fundingRows).catch((error: unknown) => {
      throw atStep(error, `at chunk ${chunk} of ${chunks}, from ${hourLabel(from)}`);
    });
    for (const row of result) {
      if (row.timestamp >= from && row.timestamp <= to) {
        byTime.set(row.timestamp, { time: row.timestamp, interest1h: row.interest_1h, interest8h: row.interest_8h, indexPrice: row.index_price });
      }
    }
    client.progress(FUNDING, `deribit funding: chunk ${chunk} of ${chunks}, through ${hourLabel(to + 1)}`);
  }
  if (byTime.size === 0) throw fail({ source: SOURCE, endpoint: FUNDING }, `empty result: no funding rows between ${window.start} and ${window.end}`);
  const until = coveredUntil(windowEndMs(window), client.now(), MS_PER_HOUR, MS_PER_HOUR);
  requireEveryHour({ source: SOURCE, endpoint: FUNDING }, "funding row", byTime.keys(), windowStartMs(window), until);
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

/** Daily candles of one future (its trading volume in BTC). */
export async function fetchFutureDailyCandles(
  client: HttpClient,
  bases: DeribitBases,
  instrumentName: string,
  window: EventWindow,
): Promise<Candle[]> {
  const request = deribitRequest(bases.api, CHART, {
    instrument_name: instrumentName,
    start_timestamp: windowStartMs(window),
    end_timestamp: windowEndMs(window) - 1,
    resolution: "1D",
  });
  const { result } = await client.json(request, chartData);
  if (result.status === "no_data" || result.ticks.length === 0) {
    throw fail(request, `empty result: no ${instrumentName} candles between ${window.start} and ${window.end} (status ${result.status})`);
  }
  const until = coveredUntil(windowEndMs(window), client.now(), MS_PER_DAY, MS_PER_DAY);
  requireEveryDay(request, `${instrumentName} daily candle`, result.ticks.map(utcDay), window.start, utcDay(until - 1));
  return result.ticks.map((time, i) => ({
    time,
    open: result.open[i]!,
    high: result.high[i]!,
    low: result.low[i]!,
    close: result.close[i]!,
    volume: result.volume[i]!,
  }));
}

function deribitRequest(base: string, endpoint: string, params: Record<string, string | number>): SourceRequest {
  return { source: SOURCE, endpoint, url: endpointUrl(base, endpoint, params), retryCodes: RETRY_CODES };
}

function guardPages(client: HttpClient, request: SourceRequest, page: number): void {
  if (page > client.policy.maxPages) {
    throw fail(request, `pagination exceeded ${client.policy.maxPages} pages; stopping in case it never ends`);
  }
}
