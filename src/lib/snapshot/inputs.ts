// The raw market inputs of one run, each fetched at most once and shared by the datasets
// that need it. Each input carries the endpoints it was fetched from, for the datasets' meta.
// A capture keeps them in memory; the loaders of a live build share them through an
// InputShare (liveBuild.ts), so that each is fetched once per build, not once per loader.

import { coinbaseBase, fetchHourlyCandles } from "../live/coinbase.ts";
import { deribitBases, fetchDvol, fetchFundingHistory, fetchFutureDailyCandles, fetchOptionTrades } from "../live/deribit.ts";
import { fetchFredSeries, fredBase, FRED_SERIES, type Observation } from "../live/fred.ts";
import type { EndpointUse, HttpClient } from "../live/http.ts";
import { fetchMiningHistory, mempoolBase } from "../live/mempool.ts";
import { expiryCode, nextQuarterlyExpiry } from "../metrics/instruments.ts";
import { windowEndMs, type EventWindow } from "../window.ts";

export interface Fetched<T> {
  data: T;
  uses: EndpointUse[];
}

/** Inputs shared beyond this process: `fetchHere` runs in the process that fetches for all. */
export interface InputShare {
  get<T>(key: string, fetchHere: () => Promise<Fetched<T>>): Promise<Fetched<T>>;
}

export class MarketInputs {
  private readonly cache = new Map<string, Promise<Fetched<unknown>>>();
  private readonly errors: Error[] = [];

  constructor(
    private readonly client: HttpClient,
    readonly window: EventWindow,
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly now: () => number = Date.now,
    private readonly share?: InputShare,
  ) {}

  /** Starts every input's fetch at once; their failures are reported by whoever awaits them. */
  fetchAll(): void {
    const all = [this.optionTrades(), this.dvol(), this.funding(), this.futureCandles(), this.spotHourly(), this.mining(), this.macro()];
    for (const pending of all) pending.catch(() => undefined);
  }

  /** The quarterly future that is still trading at the end of the window. */
  get quarterlyFuture(): { name: string; expiryMs: number } {
    const expiryMs = nextQuarterlyExpiry(windowEndMs(this.window));
    return { name: `BTC-${expiryCode(expiryMs)}`, expiryMs };
  }

  optionTrades() {
    return this.once("option-trades", (c) => fetchOptionTrades(c, deribitBases(this.env), this.window));
  }
  dvol() {
    return this.once("dvol", (c) => fetchDvol(c, deribitBases(this.env), this.window));
  }
  funding() {
    return this.once("funding", (c) => fetchFundingHistory(c, deribitBases(this.env), this.window));
  }
  futureCandles() {
    return this.once("future", (c) => fetchFutureDailyCandles(c, deribitBases(this.env), this.quarterlyFuture.name, this.window));
  }
  spotHourly() {
    return this.once("spot", (c) => fetchHourlyCandles(c, coinbaseBase(this.env), this.window));
  }
  mining() {
    return this.once("mining", (c) => fetchMiningHistory(c, mempoolBase(this.env), this.window, this.now()));
  }
  macro(): Promise<Fetched<Record<string, Observation[]>>> {
    return this.once("macro", async (c) => {
      const settled = await Promise.allSettled(FRED_SERIES.map((id) => fetchFredSeries(c, fredBase(this.env), id, this.window)));
      const failed = settled.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason as Error] : []));
      if (failed.length > 0) {
        this.errors.push(...failed.slice(1)); // the first is recorded as this input's error
        throw failed[0];
      }
      return Object.fromEntries(FRED_SERIES.map((id, i) => [id, (settled[i] as PromiseFulfilledResult<Observation[]>).value]));
    });
  }

  /** Resolves when every input started so far has arrived or failed, so that all are reported. */
  async settled(): Promise<void> {
    await Promise.allSettled(this.cache.values());
  }

  /** Every fetch error so far, including inputs whose dataset failed first on another input. */
  fetchErrors(): Error[] {
    return [...this.errors];
  }

  private once<T>(key: string, fetchInput: (client: HttpClient) => Promise<T>): Promise<Fetched<T>> {
    let pending = this.cache.get(key) as Promise<Fetched<T>> | undefined;
    if (!pending) {
      const fetchHere = () => {
        const client = this.client.child();
        return fetchInput(client).then((data) => ({ data, uses: client.endpointUses() }));
      };
      pending = this.share ? this.share.get(key, fetchHere) : fetchHere();
      pending.catch((error: unknown) => this.errors.push(error instanceof Error ? error : new Error(String(error))));
      this.cache.set(key, pending);
    }
    return pending;
  }
}
