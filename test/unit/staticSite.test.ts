import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { acceptsGzip, contentType, isCompressible, serveSite, siteFile, sitePages, UNKNOWN_PATH, type StaticSite } from "../../scripts/staticSite.ts";

/** A built site in miniature: pages, a folder index, a note, the 404 page and Framework's own folders. */
const FILES: Record<string, string> = {
  "index.html": "<p>Overview</p>",
  "macro.html": `<p>${"Macro. ".repeat(200)}</p>`,
  "404.html": "<p>There is no page at this address.</p>",
  "commentary/index.html": "<p>Notes</p>",
  "commentary/a-note.html": "<p>A note</p>",
  "_observablehq/client.js": "export const client = 1;",
  "_import/style.css": "body { color: black; }",
  "_file/favicon.png": "\u0089PNG",
  "_observablehq/theme.html": "<p>not a page</p>"
};

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "static-site-"));
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(join(root, file, ".."), { recursive: true });
    writeFileSync(join(root, file), text);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("content negotiation", () => {
  test("gzip is accepted when named or matched by *, unless refused with q=0", () => {
    expect(acceptsGzip("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsGzip("br;q=1.0, GZIP;q=0.5")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0, *")).toBe(false);
    expect(acceptsGzip("*;q=0")).toBe(false);
    expect(acceptsGzip("br, deflate")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  test("text is compressed, images and fonts are not", () => {
    for (const file of ["a.html", "a.js", "a.css", "a.json", "a.csv", "a.svg"]) expect(isCompressible(contentType(file)), file).toBe(true);
    for (const file of ["a.png", "a.woff2", "a.bin"]) expect(isCompressible(contentType(file)), file).toBe(false);
  });
});

describe("clean URLs", () => {
  test.each([
    ["", "index.html"],
    ["macro", "macro.html"],
    ["macro.html", "macro.html"],
    ["commentary/", "commentary/index.html"],
    ["commentary/a-note", "commentary/a-note.html"],
    ["_import/style.css", "_import/style.css"]
  ])("%j serves %s", (path, file) => {
    expect(siteFile(root, path)).toEqual({ file: join(root, file), status: 200 });
  });

  test.each(["no-such-page", "commentary/missing", "../../etc/passwd", "%E0%A4%A"])("%j gets the 404 page with status 404", (path) => {
    expect(siteFile(root, path)).toEqual({ file: join(root, "404.html"), status: 404 });
  });

  test("lists every page by its clean URL, the 404 page at an unknown address, and nothing from Framework's folders", () => {
    expect(sitePages(root)).toEqual([
      { file: "index.html", path: "" },
      { file: "commentary/index.html", path: "commentary/" },
      { file: "commentary/a-note.html", path: "commentary/a-note" },
      { file: "macro.html", path: "macro" },
      { file: "404.html", path: UNKNOWN_PATH }
    ]);
  });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

describe("the server", () => {
  let site: StaticSite;
  beforeAll(async () => {
    site = await serveSite(root, { gzip: true, basePath: "/site/" });
  });
  afterAll(() => site.close());

  test("sends text gzip-compressed to a client that accepts it, with its type and length", async () => {
    const reply = await get(`${site.url}macro`, { "accept-encoding": "gzip, deflate, br" });
    expect(reply.status).toBe(200);
    expect(reply.headers["content-encoding"]).toBe("gzip");
    expect(reply.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(reply.headers.vary).toBe("Accept-Encoding");
    expect(Number(reply.headers["content-length"])).toBe(reply.body.length);
    expect(reply.body.length).toBeLessThan(FILES["macro.html"]!.length / 10);
    expect(gunzipSync(reply.body).toString()).toBe(FILES["macro.html"]);
  });

  test("sends the file as it is to a client that does not accept gzip", async () => {
    const reply = await get(`${site.url}macro`, { "accept-encoding": "br, gzip;q=0" });
    expect(reply.headers["content-encoding"]).toBeUndefined();
    expect(reply.body.toString()).toBe(FILES["macro.html"]);
  });

  test("does not compress an image", async () => {
    const reply = await get(`${site.url}_file/favicon.png`, { "accept-encoding": "gzip" });
    expect(reply.headers["content-type"]).toBe("image/png");
    expect(reply.headers["content-encoding"]).toBeUndefined();
  });

  test("answers an unknown address with the 404 page, compressed too, and one outside the sub-path with a bare 404", async () => {
    const missing = await get(`${site.url}${UNKNOWN_PATH}`, { "accept-encoding": "gzip" });
    expect(missing.status).toBe(404);
    expect(gunzipSync(missing.body).toString()).toBe(FILES["404.html"]);
    const outside = await get(new URL("/macro", site.url).href);
    expect(outside.status).toBe(404);
    expect(outside.body.length).toBe(0);
  });

  test("serves without compression unless asked to", async () => {
    const plain = await serveSite(root);
    try {
      const reply = await get(`${plain.url}commentary/a-note`, { "accept-encoding": "gzip" });
      expect(reply.headers["content-encoding"]).toBeUndefined();
      expect(reply.body.toString()).toBe(FILES["commentary/a-note.html"]);
    } finally {
      await plain.close();
    }
  });
});
