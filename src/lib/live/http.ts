// Fetching with the failure handling every market source needs: a timeout per attempt,
// bounded retries (429 honouring Retry-After, 5xx and timeouts with exponential backoff),
// a concurrency limit per host, and schema validation. Every failure is a SourceError that
// names the source, the endpoint and what was wrong.

import type { z } from "zod";

export interface HttpPolicy {
  /** Per attempt, covering the response headers and the body. */
  timeoutMs: number;
  /** Attempts in total, the first included. */
  maxAttempts: number;
  /** First backoff after a 5xx or timeout; doubles on each further retry. */
  backoffMs: number;
  /** A Retry-After longer than this fails the request instead of stalling the run. */
  maxRetryAfterMs: number;
  concurrencyPerHost: number;
  /** Guard against pagination that never ends. */
  maxPages: number;
}

export const DEFAULT_POLICY: HttpPolicy = {
  timeoutMs: 30_000,
  maxAttempts: 4,
  backoffMs: 1_000,
  maxRetryAfterMs: 120_000,
  concurrencyPerHost: 2,
  maxPages: 5_000,
};

export class SourceError extends Error {
  constructor(
    readonly source: string,
    readonly endpoint: string,
    readonly reason: string,
  ) {
    super(`${source} ${endpoint}: ${reason}`);
    this.name = "SourceError";
  }
}

export interface SourceRequest {
  /** Short name of the provider: deribit, coinbase, mempool, fred. */
  source: string;
  /** The documented endpoint, without base URL or query: public/get_funding_rate_history. */
  endpoint: string;
  url: URL;
}

/** What a dataset's meta records about the endpoints it was built from. */
export interface EndpointUse {
  source: string;
  endpoint: string;
  /** The first request's URL; paginated endpoints vary only their cursor parameters. */
  url: string;
  requests: number;
}

/** Counting semaphores keyed by host, shared by every client of one run. */
export class HostLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly perHost: number) {}

  async acquire(host: string): Promise<void> {
    const active = this.active.get(host) ?? 0;
    if (active < this.perHost) {
      this.active.set(host, active + 1);
      return;
    }
    await new Promise<void>((resolve) => {
      const queue = this.waiting.get(host) ?? [];
      queue.push(resolve);
      this.waiting.set(host, queue);
    });
  }

  release(host: string): void {
    const next = this.waiting.get(host)?.shift();
    if (next) next(); // hand the slot straight to the next waiter
    else this.active.set(host, (this.active.get(host) ?? 1) - 1);
  }
}

export type Sleep = (ms: number) => Promise<void>;
const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class HttpClient {
  readonly policy: HttpPolicy;
  private readonly uses: EndpointUse[] = [];

  constructor(
    policy: Partial<HttpPolicy> = {},
    private readonly limiter = new HostLimiter(policy.concurrencyPerHost ?? DEFAULT_POLICY.concurrencyPerHost),
    private readonly sleep: Sleep = realSleep,
  ) {
    this.policy = { ...DEFAULT_POLICY, ...policy };
  }

  /** A client with the same policy and host limits and its own record of endpoint uses. */
  child(): HttpClient {
    return new HttpClient(this.policy, this.limiter, this.sleep);
  }

  endpointUses(): EndpointUse[] {
    return this.uses.map((use) => ({ ...use }));
  }

  async json<S extends z.ZodType>(request: SourceRequest, schema: S): Promise<z.output<S>> {
    const body = await this.text(request);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (error) {
      throw fail(request, `response is not valid JSON (${(error as Error).message}; ${body.length} bytes)`);
    }
    const result = schema.safeParse(parsed);
    if (!result.success) throw fail(request, `unexpected response shape: ${describeIssues(result.error)}`);
    return result.data;
  }

  async text(request: SourceRequest): Promise<string> {
    const host = request.url.host;
    for (let attempt = 1; ; attempt++) {
      await this.limiter.acquire(host);
      let outcome: Attempt;
      try {
        outcome = await this.attempt(request);
      } finally {
        this.limiter.release(host);
      }
      if (outcome.kind === "ok") {
        this.recordUse(request);
        return outcome.body;
      }
      if (outcome.kind === "fatal" || attempt >= this.policy.maxAttempts) {
        const tries = attempt > 1 ? ` (after ${attempt} attempts)` : "";
        throw fail(request, outcome.reason + tries);
      }
      await this.sleep(outcome.waitMs ?? this.policy.backoffMs * 2 ** (attempt - 1));
    }
  }

  private async attempt(request: SourceRequest): Promise<Attempt> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.policy.timeoutMs);
    try {
      const response = await fetch(request.url, {
        signal: controller.signal,
        headers: { accept: "application/json, text/csv;q=0.9", "user-agent": "btc-feb-2026-report snapshot" },
      });
      let body: string;
      try {
        body = await response.text();
      } catch (error) {
        if (controller.signal.aborted) throw error;
        return { kind: "retry", reason: `response cut off before the end of its body (${networkReason(error)})` };
      }
      if (response.ok) return { kind: "ok", body };
      const detail = `HTTP ${response.status}${body ? `: ${body.slice(0, 200).trim()}` : ""}`;
      if (response.status === 429) {
        const waitMs = retryAfterMs(response.headers.get("retry-after")) ?? this.policy.backoffMs;
        if (waitMs > this.policy.maxRetryAfterMs) {
          return { kind: "fatal", reason: `rate limited (HTTP 429), Retry-After ${Math.ceil(waitMs / 1000)} s exceeds the ${this.policy.maxRetryAfterMs / 1000} s limit` };
        }
        return { kind: "retry", reason: `rate limited (${detail})`, waitMs };
      }
      if (response.status >= 500) return { kind: "retry", reason: `server error (${detail})` };
      return { kind: "fatal", reason: `request rejected (${detail})` };
    } catch (error) {
      if (controller.signal.aborted) return { kind: "retry", reason: `timed out after ${this.policy.timeoutMs} ms` };
      return { kind: "fatal", reason: networkReason(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  private recordUse(request: SourceRequest): void {
    const use = this.uses.find((u) => u.source === request.source && u.endpoint === request.endpoint);
    if (use) use.requests++;
    else this.uses.push({ source: request.source, endpoint: request.endpoint, url: request.url.href, requests: 1 });
  }
}

type Attempt = { kind: "ok"; body: string } | { kind: "retry" | "fatal"; reason: string; waitMs?: number };

export function fail(request: Pick<SourceRequest, "source" | "endpoint">, reason: string): SourceError {
  return new SourceError(request.source, request.endpoint, reason);
}

/** Retry-After as delay-seconds or an HTTP date; null if absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === "") return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === "ECONNREFUSED") return `connection refused (${cause.message ?? cause.code})`;
  if (cause?.code) return `network error ${cause.code} (${cause.message ?? ""})`;
  return `network error (${(error as Error).message})`;
}

function describeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => `${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`);
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : "";
  return issues.join("; ") + more;
}

/** URL from a base (which may carry a path) and an endpoint path ("" for the base itself), with query parameters. */
export function endpointUrl(base: string, path: string, params: Record<string, string | number> = {}): URL {
  const url = path === "" ? new URL(base) : new URL(`${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value));
  return url;
}
