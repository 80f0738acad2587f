import { readdirSync, readFileSync } from "node:fs";
import { extname, join, relative } from "node:path";

// XML namespace identifiers appear as strings in SVG code; browsers never request them.
const namespaceUris = new Set([
  "http://www.w3.org/1999/xhtml",
  "http://www.w3.org/2000/svg",
  "http://www.w3.org/1999/xlink",
  "http://www.w3.org/2000/xmlns/",
  "http://www.w3.org/XML/1998/namespace",
  "http://www.w3.org/1998/Math/MathML"
]);

// Files a browser loads as markup, code or style. Data files (JSON, CSV) are left out: a
// URL there is a value (an article's address), loaded only if code asks, and the browser
// tests catch any such request.
const resourceExtensions = new Set([".html", ".js", ".css", ".svg"]);

export interface OffsiteReference {
  file: string;
  url: string;
}

/**
 * Off-site URLs in one file's text. Allowed: plain outbound links (`<a href>` in HTML),
 * a link preview's image (`<meta property="og:image">`, which only a crawler fetches) and
 * XML namespace identifiers. Anything else could make a reader's browser fetch from another host.
 */
export function offsiteUrls(text: string, isHtml: boolean): string[] {
  const allowed = new Set(
    isHtml ? [...text.matchAll(/<a\s[^>]*href="(https?:\/\/[^"]+)"/gi), ...text.matchAll(/<meta property="og:image" content="(https?:\/\/[^"]+)">/gi)].map((match) => match[1]) : []
  );
  return [...text.matchAll(/(?:https?:)?\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:\/[^\s"'`)<>\\]*)?/gi)]
    .map((match) => match[0])
    .filter((url) => /^https?:/i.test(url) || /^\/\/[a-z0-9-]+\.[a-z]{2,}/i.test(url))
    .filter((url) => !namespaceUris.has(url) && !allowed.has(url));
}

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Every off-site reference in a built site. */
export function scanSite(root: string): OffsiteReference[] {
  const references: OffsiteReference[] = [];
  for (const path of files(root)) {
    if (!resourceExtensions.has(extname(path))) continue;
    for (const url of offsiteUrls(readFileSync(path, "utf8"), extname(path) === ".html")) {
      references.push({ file: relative(root, path), url });
    }
  }
  return references;
}
