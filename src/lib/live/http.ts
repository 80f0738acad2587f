// Fetching with the failure handling every market source needs: a timeout per attempt,
// bounded retries (429 and the API's own "try again" error codes honouring Retry-After, 5xx
// and timeouts with exponential backoff), a concurrency limit per host, an overall deadline,
// no second chance for a host that has not answered once in the run, and schema validation.
// Every failure is a SourceError that names the source, the endpoint and what was wrong, in
// the API's own words where its error body has them.

import type { z } from "zod";
import type { Deadline } from "./deadline.ts";

export interface HttpPolicy {
  /** Per attempt, covering the response headers and the body. */
  timeoutMs: number;
  /** Attempts in total, the first included. */
  maxAttempts: number;
  /** First backoff after a 5xx, a timeout or a "try again" error; doubles on each further retry. */
  backoffMs: number;
  /** A Retry-After longer than this fails the request instead of stalling the run. */
  maxRetryAfterMs: number;
  concurrencyPerHost: number;
  /** Guard against pagination that never ends. */
  maxPages: number;
  /** Least time between two progress lines of one paginated fetch; the first page always prints. */
  progressIntervalMs: number;
}

export const DEFAULT_POLICY: HttpPolicy = {
  timeoutMs: 30_000,
  maxAttempts: 4,
  backoffMs: 1_000,
  maxRetryAfterMs: 120_000,
  concurrencyPerHost: 2,
  maxPages: 5_000,
  progressIntervalMs: 2_000,
};

/** A live build has the snapshot to fall back to, so it gives a source 10 s per attempt and two attempts, not 30 s and four. */
export const LIVE_BUILD_POLICY: Partial<HttpPolicy> = { timeoutMs: 10_000, maxAttempts: 2 };

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
  /** JSON-RPC error codes that mean "try again later" (Deribit's 10028 too_many_requests). */
  retryCodes?: ReadonlySet<number>;
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

export interface RunOptions {
  /** Past it no request starts and requests in flight are aborted. */
  deadline?: Deadline | null;
  /** Receives progress lines as pages arrive; dropped when absent. */
  progress?: (line: string) => void;
  now?: () => number;
}

/** Progress lines go to stderr: a loader's stdout is its data. */
export function printProgress(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** What the clients of one capture or live build share besides host limits. */
export class HttpRun {
  readonly deadline: Deadline | null;
  readonly print: (line: string) => void;
  readonly now: () => number;
  /** Hosts that have answered at least once in this run (with any status). */
  readonly answered = new Set<string>();
  /** Sources (by "source host") whose host gave no answer before answering anything, with that failure: not asked again in this run. */
  readonly unreachable = new Map<string, SourceError>();
  readonly lastProgress = new Map<string, number>();

  constructor({ deadline = null, progress = () => undefined, now = Date.now }: RunOptions = {}) {
    this.deadline = deadline;
    this.print = progress;
    this.now = now;
  }
}

export class HttpClient {
  readonly policy: HttpPolicy;
  private readonly uses: EndpointUse[] = [];
  private readonly run: HttpRun;

  constructor(
    policy: Partial<HttpPolicy> = {},
    private readonly limiter = new HostLimiter(policy.concurrencyPerHost ?? DEFAULT_POLICY.concurrencyPerHost),
    private readonly sleep: Sleep = realSleep,
    run: RunOptions | HttpRun = {},
  ) {
    this.policy = { ...DEFAULT_POLICY, ...policy };
    this.run = run instanceof HttpRun ? run : new HttpRun(run);
  }

  /** A client of the same run with its own record of endpoint uses. */
  child(): HttpClient {
    return new HttpClient(this.policy, this.limiter, this.sleep, this.run);
  }

  /** A client with the same policy, host limits and sleep, for a run with its own deadline and progress. */
  forRun(run: RunOptions): HttpClient {
    return new HttpClient(this.policy, this.limiter, this.sleep, run);
  }

  now(): number {
    return this.run.now();
  }

  /** Prints a progress line of a paginated fetch, at most one per progressIntervalMs for each key. */
  progress(key: string, line: string): void {
    const now = this.run.now();
    const previous = this.run.lastProgress.get(key);
    if (previous !== undefined && now - previous < this.policy.progressIntervalMs) return;
    this.run.lastProgress.set(key, now);
    this.run.print(line);
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
      const start = JSON.stringify(body.slice(0, 60));
      throw fail(request, `response is not valid JSON (${(error as Error).message}; ${Buffer.byteLength(body)} bytes, starting ${start})`);
    }
    const apiError = rpcError(parsed);
    if (apiError) throw fail(request, `the API answered with an error: ${apiError.text}`);
    const result = schema.safeParse(parsed);
    if (!result.success) throw fail(request, `unexpected response shape: ${describeIssues(result.error)}`);
    return result.data;
  }

  async text(request: SourceRequest): Promise<string> {
    const host = request.url.host;
    for (let attempt = 1; ; attempt++) {
      this.checkRun(request);
      await this.limiter.acquire(host);
      let outcome: Attempt;
      try {
        this.checkRun(request);
        outcome = await this.attempt(request);
      } finally {
        this.limiter.release(host);
      }
      if (outcome.kind === "ok") {
        this.recordUse(request);
        return outcome.body;
      }
      if (outcome.silent && !this.run.answered.has(host)) {
        // Unreachable or hanging, not a passing hiccup: do not retry, and fail its other requests at once.
        const key = `${request.source} ${host}`;
        if (!this.run.unreachable.has(key)) this.run.unreachable.set(key, fail(request, outcome.reason));
        throw fail(request, `${outcome.reason}; ${host} has not answered once in this run, so it is not asked again`);
      }
      if (outcome.kind === "fatal" || attempt >= this.policy.maxAttempts) {
        const tries = attempt > 1 ? ` (after ${attempt} attempts)` : "";
        throw fail(request, outcome.reason + tries);
      }
      const waitMs = outcome.waitMs ?? this.policy.backoffMs * 2 ** (attempt - 1);
      const deadline = this.run.deadline;
      if (deadline && this.run.now() + waitMs >= deadline.at) {
        throw fail(request, `${outcome.reason}; not retried: ${deadline.describe} passes within the ${waitMs / 1000} s wait`);
      }
      await this.sleep(waitMs);
    }
  }

  /** Refuses a request once the deadline has passed or its host proved unreachable earlier in the run. */
  private checkRun(request: SourceRequest): void {
    const deadline = this.run.deadline;
    if (deadline && this.run.now() >= deadline.at) throw fail(request, `stopped: ${deadline.describe} passed`);
    const earlier = this.run.unreachable.get(`${request.source} ${request.url.host}`);
    if (earlier) throw fail(request, `not tried: ${request.url.host} gave no answer earlier in this run (${earlier.message})`);
  }

  private async attempt(request: SourceRequest): Promise<Attempt> {
    const controller = new AbortController();
    const deadline = this.run.deadline;
    const remaining = deadline ? deadline.at - this.run.now() : Infinity;
    const cutByDeadline = remaining < this.policy.timeoutMs;
    const timer = setTimeout(() => controller.abort(), Math.max(0, Math.min(this.policy.timeoutMs, remaining)));
    let answered = false;
    try {
      const response = await fetch(request.url, {
        signal: controller.signal,
        headers: { accept: "application/json, text/csv;q=0.9", "user-agent": "btc-feb-2026-report snapshot" },
      });
      answered = true;
      this.run.answered.add(request.url.host);
      let body: string;
      try {
        body = await response.text();
      } catch (error) {
        if (controller.signal.aborted) throw error;
        return { kind: "retry", reason: `response cut off before the end of its body (${networkReason(error)})` };
      }
      // A JSON-RPC error may come with any status; only a small body can be one.
      const apiError = response.ok ? (request.retryCodes && body.length < 4096 ? rpcError(parseOrNull(body)) : null) : errorInBody(body);
      const tryAgain = apiError?.code !== undefined && request.retryCodes?.has(apiError.code) === true;
      if (response.ok && !tryAgain) return { kind: "ok", body };
      const detail = `HTTP ${response.status}${apiError?.text ? `: ${apiError.text}` : ""}`;
      if (response.status === 429 || tryAgain) {
        const waitMs = retryAfterMs(response.headers.get("retry-after")) ?? undefined;
        const what = response.status === 429 ? "rate limited" : "temporary API error";
        if (waitMs !== undefined && waitMs > this.policy.maxRetryAfterMs) {
          return { kind: "fatal", reason: `${what} (${detail}), Retry-After ${Math.ceil(waitMs / 1000)} s exceeds the ${this.policy.maxRetryAfterMs / 1000} s limit` };
        }
        return { kind: "retry", reason: `${what} (${detail})`, waitMs };
      }
      if (response.status >= 500) return { kind: "retry", reason: `server error (${detail})` };
      return { kind: "fatal", reason: `request rejected (${detail})` };
    } catch (error) {
      if (controller.signal.aborted && cutByDeadline) return { kind: "fatal", reason: `stopped: ${deadline!.describe} passed while waiting for the answer` };
      if (controller.signal.aborted) {
        return answered
          ? { kind: "retry", reason: `timed out after ${this.policy.timeoutMs} ms while reading the body` }
          : { kind: "retry", reason: `timed out after ${this.policy.timeoutMs} ms`, silent: true };
      }
      return { kind: "fatal", reason: networkReason(error), silent: !answered };
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

/** `silent`: no answer at all (no connection, or no headers before the timeout). */
type Attempt = { kind: "ok"; body: string } | { kind: "retry" | "fatal"; reason: string; waitMs?: number; silent?: boolean };

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

/** The same failure with where it happened added, for paginated fetches: "(at page 37, …)". */
export function atStep(error: unknown, context: string): unknown {
  return error instanceof SourceError ? new SourceError(error.source, error.endpoint, `${error.reason} (${context})`) : error;
}

/** A JSON-RPC error envelope's error in the API's words: Deribit's {"error": {"message": "too_many_requests", "code": 10028}}. */
function rpcError(body: unknown): { text: string; code?: number } | null {
  const error = typeof body === "object" && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error !== "object" || error === null || typeof (error as { message?: unknown }).message !== "string") return null;
  const rpc = error as { message: string; code?: unknown; data?: { reason?: unknown } };
  const reason = typeof rpc.data?.reason === "string" ? `: ${rpc.data.reason}` : "";
  const code = typeof rpc.code === "number" ? rpc.code : undefined;
  return { text: `${rpc.message}${reason}${code === undefined ? "" : ` (code ${code})`}`, ...(code === undefined ? {} : { code }) };
}

/** The error an API put in a failed answer's body: a JSON-RPC error, Coinbase's {"message": ...}, or the text itself. */
function errorInBody(body: string): { text: string; code?: number } {
  const parsed = parseOrNull(body);
  const rpc = rpcError(parsed);
  if (rpc) return rpc;
  const { message, error } = (typeof parsed === "object" && parsed !== null ? parsed : {}) as { message?: unknown; error?: unknown };
  if (typeof message === "string") return { text: message };
  if (typeof error === "string") return { text: error };
  return { text: plainText(body) };
}

function parseOrNull(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

/** A non-JSON error body as one short line of text (markup dropped). */
function plainText(body: string): string {
  const text = body.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
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
