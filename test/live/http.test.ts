import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { deadlineFrom, CAPTURE_DEADLINE } from "../../src/lib/live/deadline.ts";
import { endpointUrl, HttpClient, HostLimiter, retryAfterMs, SourceError } from "../../src/lib/live/http.ts";
import { FAST_POLICY, fastClient } from "./helpers.ts";

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A server answering from a list of scripted replies, one per request. */
async function scripted(replies: ((res: import("node:http").ServerResponse) => void)[]): Promise<{ url: URL; hits: () => number; peak: () => number }> {
  let hits = 0;
  let inFlight = 0;
  let peak = 0;
  server = createServer((_req, res) => {
    const reply = replies[Math.min(hits, replies.length - 1)]!;
    hits++;
    inFlight++;
    peak = Math.max(peak, inFlight);
    res.on("close", () => inFlight--);
    reply(res);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: new URL(`http://127.0.0.1:${port}/thing`), hits: () => hits, peak: () => peak };
}

const ok = (body: string) => (res: import("node:http").ServerResponse) => res.end(body);
const status = (code: number, headers: Record<string, string> = {}) => (res: import("node:http").ServerResponse) => {
  res.writeHead(code, headers);
  res.end("nope");
};
const request = (url: URL) => ({ source: "test", endpoint: "thing", url });
const withBody = (code: number, body: string, contentType = "application/json") => (res: import("node:http").ServerResponse) => {
  res.writeHead(code, { "content-type": contentType });
  res.end(body);
};
// Deribit's documented JSON-RPC error envelope.
const TOO_MANY = JSON.stringify({ jsonrpc: "2.0", error: { message: "too_many_requests", code: 10028 }, usIn: 1, usOut: 2, usDiff: 1, testnet: false });
const deribitRequest = (url: URL) => ({ source: "deribit", endpoint: "public/x", url, retryCodes: new Set([10028]) });

describe("HttpClient", () => {
  it("honours Retry-After on 429 and then succeeds", async () => {
    const { url, hits } = await scripted([status(429, { "retry-after": "3" }), ok('{"a":1}')]);
    const waits: number[] = [];
    const body = await fastClient(waits).json(request(url), z.object({ a: z.number() }));
    expect(body).toEqual({ a: 1 });
    expect(waits).toEqual([3000]);
    expect(hits()).toBe(2);
  });

  it("fails at once when Retry-After is longer than the limit", async () => {
    const { url, hits } = await scripted([status(429, { "retry-after": "3600" })]);
    await expect(fastClient().text(request(url))).rejects.toThrow("test thing: rate limited (HTTP 429: nope), Retry-After 3600 s exceeds the 10 s limit");
    expect(hits()).toBe(1);
  });

  it("backs off exponentially on 5xx and gives up after the last attempt", async () => {
    const { url, hits } = await scripted([status(503)]);
    const waits: number[] = [];
    const client = fastClient(waits, { maxAttempts: 3, backoffMs: 10, timeoutMs: 500 });
    await expect(client.text(request(url))).rejects.toThrow("test thing: server error (HTTP 503: nope) (after 3 attempts)");
    expect(waits).toEqual([10, 20]);
    expect(hits()).toBe(3);
  });

  it("does not retry other 4xx answers", async () => {
    const { url, hits } = await scripted([status(400)]);
    await expect(fastClient().text(request(url))).rejects.toThrow("test thing: request rejected (HTTP 400: nope)");
    expect(hits()).toBe(1);
  });

  it("retries a request that timed out on a host that has answered before", async () => {
    const { url, hits } = await scripted([ok("first"), () => undefined]);
    const client = fastClient([], { ...FAST_POLICY, timeoutMs: 200 });
    expect(await client.text(request(url))).toBe("first");
    await expect(client.text(request(url))).rejects.toThrow("test thing: timed out after 200 ms (after 2 attempts)");
    expect(hits()).toBe(3);
  });

  it("reports invalid JSON and schema mismatches with the path that was wrong", async () => {
    const { url } = await scripted([ok('{"a":'), ok('{"a":"x"}')]);
    const client = fastClient();
    await expect(client.json(request(url), z.object({ a: z.number() }))).rejects.toThrow(/test thing: response is not valid JSON/);
    const error = await client.json(request(url), z.object({ a: z.number() })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).message).toMatch(/^test thing: unexpected response shape: a: /);
  });

  it("reports a refused connection", async () => {
    const { url } = await scripted([ok("")]);
    server!.closeAllConnections();
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    await expect(fastClient().text(request(url))).rejects.toThrow(/test thing: connection refused/);
  });

  it("keeps at most the configured number of requests in flight per host", async () => {
    const { url, peak } = await scripted([(res) => setTimeout(() => res.end("x"), 30)]);
    const client = fastClient([], { concurrencyPerHost: 2, timeoutMs: 2000 });
    await Promise.all(Array.from({ length: 7 }, () => client.text(request(url))));
    expect(peak()).toBe(2);
    expect(client.endpointUses()).toEqual([{ source: "test", endpoint: "thing", url: url.href, requests: 7 }]);
  });
});

describe("API error bodies", () => {
  it("retries Deribit's too_many_requests and reports it in its own words", async () => {
    const { url, hits } = await scripted([withBody(400, TOO_MANY)]);
    const waits: number[] = [];
    const error = await fastClient(waits).json(deribitRequest(url), z.object({})).catch((e: unknown) => e);
    expect((error as Error).message).toBe("deribit public/x: temporary API error (HTTP 400: too_many_requests (code 10028)) (after 2 attempts)");
    expect(hits()).toBe(2);
    expect(waits).toEqual([FAST_POLICY.backoffMs]);
  });

  it("retries a too_many_requests envelope that comes with HTTP 200, then reads the answer", async () => {
    const { url, hits } = await scripted([withBody(200, TOO_MANY), ok('{"jsonrpc":"2.0","result":1}')]);
    expect(await fastClient().json(deribitRequest(url), z.object({ result: z.number() }))).toEqual({ result: 1 });
    expect(hits()).toBe(2);
  });

  it("reports any other JSON-RPC error at once, Coinbase's message, and an HTML page as text", async () => {
    const invalid = JSON.stringify({ jsonrpc: "2.0", error: { message: "invalid_params", code: -32602, data: { reason: "wrong format", param: "end_timestamp" } } });
    const { url, hits } = await scripted([
      withBody(200, invalid),
      withBody(400, '{"message":"granularity too small for the requested time range"}'),
      withBody(404, "<!DOCTYPE html><html><body><h1>Not Found</h1>\n<p>No such series.</p></body></html>", "text/html"),
    ]);
    const client = fastClient();
    await expect(client.json(deribitRequest(url), z.object({}))).rejects.toThrow(
      "deribit public/x: the API answered with an error: invalid_params: wrong format (code -32602)",
    );
    await expect(client.json(request(url), z.array(z.number()))).rejects.toThrow("test thing: request rejected (HTTP 400: granularity too small for the requested time range)");
    await expect(client.text(request(url))).rejects.toThrow("test thing: request rejected (HTTP 404: Not Found No such series.)");
    expect(hits()).toBe(3);
  });

  it("says where invalid JSON broke and how the body starts", async () => {
    const body = '{"trades":[{"id":1},{"id"';
    const { url } = await scripted([ok(body)]);
    const error = (await fastClient().json(request(url), z.object({})).catch((e: unknown) => e)) as Error;
    // The parser's own words (Node's wording varies by version), then the size and the start of the body.
    expect(error.message.startsWith("test thing: response is not valid JSON (")).toBe(true);
    expect(error.message).toContain(`position ${body.length}`);
    expect(error.message.endsWith(`; ${body.length} bytes, starting ${JSON.stringify(body)})`)).toBe(true);
  });
});

describe("run limits", () => {
  const capture = (env: NodeJS.ProcessEnv, progress?: (line: string) => void) =>
    new HttpClient({ ...FAST_POLICY, timeoutMs: 5_000 }, new HostLimiter(2), async () => undefined, { deadline: deadlineFrom(CAPTURE_DEADLINE, env, Date.now()), progress });

  it("aborts a request in flight when the deadline passes, naming it", async () => {
    const { url } = await scripted([() => undefined]);
    const started = Date.now();
    const error = await capture({ REPORT_CAPTURE_DEADLINE_SECONDS: "0.3" }).text(request(url)).catch((e: unknown) => e);
    expect((error as Error).message).toBe("test thing: stopped: the capture deadline of 0.3 s (REPORT_CAPTURE_DEADLINE_SECONDS) passed while waiting for the answer");
    expect(Date.now() - started).toBeLessThan(FAST_POLICY.timeoutMs! + 5_000); // cut at the deadline, not after the 5 s timeout
  });

  it("does not start a retry whose wait outlasts the deadline, nor any request after it", async () => {
    const { url, hits } = await scripted([status(503)]);
    const client = capture({ REPORT_CAPTURE_DEADLINE_SECONDS: "1" });
    await expect(client.forRun({}).text(request(url))).rejects.toThrow(/server error/); // forRun: a new run, without the deadline
    const slow = new HttpClient({ ...FAST_POLICY, backoffMs: 60_000 }, new HostLimiter(2), async () => undefined, {
      deadline: deadlineFrom(CAPTURE_DEADLINE, { REPORT_CAPTURE_DEADLINE_SECONDS: "30" }, Date.now()),
    });
    await expect(slow.text(request(url))).rejects.toThrow(
      "test thing: server error (HTTP 503: nope); not retried: the capture deadline of 30 s (REPORT_CAPTURE_DEADLINE_SECONDS) passes within the 60 s wait",
    );
    const past = new HttpClient(FAST_POLICY, new HostLimiter(2), async () => undefined, { deadline: { at: Date.now() - 1, describe: "the test deadline" } });
    const before = hits();
    await expect(past.text(request(url))).rejects.toThrow("test thing: stopped: the test deadline passed");
    expect(hits()).toBe(before);
  });

  it("rejects a deadline that is not a positive number of seconds", () => {
    expect(() => deadlineFrom(CAPTURE_DEADLINE, { REPORT_CAPTURE_DEADLINE_SECONDS: "soon" }, 0)).toThrow(
      'REPORT_CAPTURE_DEADLINE_SECONDS="soon" is not a positive number of seconds; unset it for the default of 45 min',
    );
  });

  it("gives up on a host that has not answered once in the run at its first silence, and does not ask it again", async () => {
    const { url, hits } = await scripted([() => undefined]);
    const client = fastClient([], { ...FAST_POLICY, timeoutMs: 200 });
    await expect(client.text(request(url))).rejects.toThrow(
      `test thing: timed out after 200 ms; ${url.host} has not answered once in this run, so it is not asked again`,
    );
    expect(hits()).toBe(1);
    const other = new URL("/other", url);
    await expect(client.child().text({ source: "test", endpoint: "other", url: other })).rejects.toThrow(
      `test other: not tried: ${url.host} gave no answer earlier in this run (test thing: timed out after 200 ms)`,
    );
    expect(hits()).toBe(1);
    // A new run asks again.
    await expect(client.forRun({}).text(request(url))).rejects.toThrow(/timed out/);
    expect(hits()).toBe(2);
  });

  it("prints progress at most once per interval for each fetch", () => {
    let now = 0;
    const lines: string[] = [];
    const client = new HttpClient({ progressIntervalMs: 1_000 }, undefined, undefined, { progress: (line) => lines.push(line), now: () => now });
    for (let page = 1; page <= 5; page++, now += 400) client.progress("trades", `trades page ${page}`);
    client.progress("dvol", "dvol page 1");
    expect(lines).toEqual(["trades page 1", "trades page 4", "dvol page 1"]);
  });
});

describe("helpers", () => {
  it("reads Retry-After as seconds or as a date", () => {
    expect(retryAfterMs("2")).toBe(2000);
    expect(retryAfterMs("Wed, 21 Oct 2026 07:28:10 GMT", Date.parse("2026-10-21T07:28:00Z"))).toBe(10_000);
    expect(retryAfterMs(null)).toBeNull();
    expect(retryAfterMs("soon")).toBeNull();
  });
  it("joins base URLs that carry a path", () => {
    expect(endpointUrl("http://h/api/v2/", "/public/x", { a: 1 }).href).toBe("http://h/api/v2/public/x?a=1");
    expect(endpointUrl("http://h/graph/fredgraph.csv", "", { id: "SP500" }).href).toBe("http://h/graph/fredgraph.csv?id=SP500");
  });
});
