import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";

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

export interface StaticSite {
  /** Base URL of the site, ending in the sub-path and a slash. */
  url: string;
  close(): Promise<void>;
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
 * Serves a built dist/ folder on 127.0.0.1 under a sub-path, the way a static host
 * would with clean URLs: /base/page serves page.html, /base/dir/ serves dir/index.html,
 * and an address under the sub-path with no file gets the site's 404.html, with status 404.
 */
export async function serveStatic(root: string, basePath = "/report/"): Promise<StaticSite> {
  const notFoundPage = join(root, "404.html");
  const findFile = (path: string) => {
    const relative = normalize(path).replace(/^(\.\.[/\\])+/, "");
    const candidates = [relative, `${relative}.html`, join(relative, "index.html")];
    return candidates.map((candidate) => join(root, candidate)).find((file) => existsSync(file) && statSync(file).isFile());
  };
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    if (!pathname.startsWith(basePath)) return void response.writeHead(404).end();
    const decoded = decodePath(pathname.slice(basePath.length));
    const found = decoded === null ? undefined : findFile(decoded);
    const file = found ?? (existsSync(notFoundPage) ? notFoundPage : undefined);
    if (!file) return void response.writeHead(404).end();
    response.writeHead(found ? 200 : 404, { "content-type": contentTypes[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
  };
}
