import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * The HTML files of a built site, as paths below its root with "/" separators ("macro.html",
 * "commentary/a-note.html", "404.html"). Framework's own folders (_observablehq, _import, _node,
 * _file…) hold no pages.
 */
export function builtPageFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .map((file) => file.split("\\").join("/"))
    .filter((file) => file.endsWith(".html") && !file.split("/").some((part) => part.startsWith("_")));
}

/** The site's root as a link in a built page writes it: "." for "macro.html", ".." for "commentary/a-note.html". */
export function siteRootFrom(pageFile: string): string {
  return path.posix.relative(path.posix.dirname(pageFile), ".") || ".";
}
