import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { builtPageFiles } from "../src/lib/builtPages.ts";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".csv": "text/csv",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2"
};

/** The content type a static host would send for a file, by its extension. */
export function contentType(file: string): string {
  return contentTypes[extname(file)] ?? "application/octet-stream";
}

/** Text compresses; images and fonts are compressed already. */
export function isCompressible(type: string): boolean {
  return /^text\/|^application\/json|\+xml$/.test(type.split(";")[0]!.trim());
}

/** Whether an Accept-Encoding header accepts gzip ("gzip, br", "*"), unless it refuses it with q=0. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  const quality = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").toLowerCase().split(",")) {
    const [coding, ...parameters] = part.split(";").map((piece) => piece.trim());
    if (!coding) continue;
    const q = parameters.find((parameter) => parameter.startsWith("q="));
    quality.set(coding, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  return (quality.get("gzip") ?? quality.get("*") ?? 0) > 0;
}

/** A decoded request path; null when its percent-encoding cannot be read (%E0%A4%A). */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/**
 * The file a static host with clean URLs serves for a path below the site root: `page` serves
 * page.html, `dir/` serves dir/index.html; with no such file, the site's 404.html with status 404.
 * Undefined when there is neither.
 */
export function siteFile(root: string, path: string): { file: string; status: 200 | 404 } | undefined {
  const decoded = decodePath(path);
  if (decoded !== null) {
    const relative = normalize(decoded).replace(/^(\.\.[/\\])+/, "");
    const candidates = [relative, `${relative}.html`, join(relative, "index.html")].map((candidate) => join(root, candidate));
    const found = candidates.find((file) => existsSync(file) && statSync(file).isFile());
    if (found) return { file: found, status: 200 };
  }
  const notFoundPage = join(root, "404.html");
  return existsSync(notFoundPage) ? { file: notFoundPage, status: 404 } : undefined;
}

/** An address no page has, where the site's 404 page is served. */
export const UNKNOWN_PATH = "no-such-page";

/**
 * Every page of a built site by its clean URL below the site root ("" for index.html, "macro" for
 * macro.html, "commentary/" for commentary/index.html), and the 404 page at an unknown address.
 * Framework's own folders (_observablehq, _import, _node, _file…) hold no pages.
 */
export function sitePages(root: string): { file: string; path: string }[] {
  return builtPageFiles(root)
    .map((file) => ({ file, path: file === "404.html" ? UNKNOWN_PATH : file.replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, "") }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

export interface StaticSite {
  /** Base URL of the site, ending in the sub-path and a slash. */
  url: string;
  close(): Promise<void>;
}

export interface ServeSiteOptions {
  /** The sub-path the site is served under; "/" by default. */
  basePath?: string;
  /** Compress text with gzip for clients that accept it, as a static host would. */
  gzip?: boolean;
}

/** Serves a built site folder on 127.0.0.1 with clean URLs (see siteFile), at a free port. */
export async function serveSite(root: string, { basePath = "/", gzip = false }: ServeSiteOptions = {}): Promise<StaticSite> {
  // Compressed once per file, as a host serving precompressed files would, so the timing of a
  // page load does not include the server's compression.
  const compressed = new Map<string, Buffer>();
  const respond = (request: IncomingMessage, response: ServerResponse) => {
    const pathname = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const found = pathname.startsWith(basePath) ? siteFile(root, pathname.slice(basePath.length)) : undefined;
    if (!found) return void response.writeHead(404).end();
    const type = contentType(found.file);
    const headers: Record<string, string> = { "content-type": type };
    let body: Buffer = readFileSync(found.file);
    if (gzip && isCompressible(type)) {
      headers.vary = "Accept-Encoding";
      if (acceptsGzip(request.headers["accept-encoding"])) {
        if (!compressed.has(found.file)) compressed.set(found.file, gzipSync(body));
        body = compressed.get(found.file)!;
        headers["content-encoding"] = "gzip";
      }
    }
    response.writeHead(found.status, { ...headers, "content-length": String(body.length) }).end(body);
  };
  const server = createServer(respond);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
  };
}
