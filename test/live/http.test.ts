import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { endpointUrl, retryAfterMs, SourceError } from "../../src/lib/live/http.ts";
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

  it("times out a silent server", async () => {
    const { url } = await scripted([() => undefined]);
    await expect(fastClient().text(request(url))).rejects.toThrow(`test thing: timed out after ${FAST_POLICY.timeoutMs} ms (after 2 attempts)`);
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
