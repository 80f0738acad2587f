import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { expect, test } from "vitest";
import { builtPageFiles } from "../../src/lib/builtPages.ts";
import { scanSite } from "../support/offsite.ts";
import { projectRoot } from "../support/tempProject.ts";

const dist = join(projectRoot, "dist");

test("the built site references no off-site resource", () => {
  expect(scanSite(dist)).toEqual([]);
});

// Headless Chromium never asks for an icon, so the page tests cannot see a missing one; a
// reader's browser would ask the host for /favicon.ico and log a 404 on every page.
test("every page names an icon that is in dist/", () => {
  const pages = builtPageFiles(dist);
  expect(pages.length).toBeGreaterThan(5);
  for (const page of pages) {
    const href = /<link rel="icon" href="([^"]+)"/.exec(readFileSync(join(dist, page), "utf8"))?.[1];
    expect(href, `${page} has no <link rel="icon">`).toBeDefined();
    // 404.html resolves its links against <base href>, the site's root.
    const from = page === "404.html" ? dist : dirname(join(dist, page));
    expect(existsSync(join(from, href!)), `${page}: ${href} is not in dist/ (${relative(dist, join(from, href!))})`).toBe(true);
  }
});

// Link previews (src/lib/prerender/openGraph.ts): every page but the 404 has a title and a
// summary; an image, when the build knew the site's address, is a chart PNG in dist/.
test("every page has a link preview whose image, if named, is in dist/", () => {
  for (const page of builtPageFiles(dist).filter((file) => file !== "404.html")) {
    const html = readFileSync(join(dist, page), "utf8");
    const meta = (key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html)?.[1];
    expect(meta("og:title"), page).toMatch(/\S/);
    expect(meta("og:description")?.length ?? 0, page).toBeGreaterThan(40);
    expect(meta("description"), page).toBe(meta("og:description"));
    const image = meta("og:image");
    if (image === undefined) continue;
    const file = /\/(_file\/charts\/[\w-]+-light\.png)$/.exec(image)?.[1];
    expect(file, `${page}: og:image ${image}`).toBeDefined();
    expect(existsSync(join(dist, file!)), `${page}: ${file} is not in dist/`).toBe(true);
    expect(meta("twitter:card"), page).toBe("summary_large_image");
  }
});
