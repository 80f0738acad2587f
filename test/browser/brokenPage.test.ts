import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchChromium, openPage } from "../support/browser.ts";
import { serveStatic, type StaticSite } from "../support/staticServer.ts";
import { makeTempProject, type TempProject } from "../support/tempProject.ts";

// Proof that the page checks catch real breakage: build a copy of the site with
// deliberately broken pages and expect each fault to be reported.
let project: TempProject;
let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  project = makeTempProject();
  const pages: Record<string, string> = {
    "throws.md": "# Throws\n\n```js\nthrow new Error(\"deliberate failure\");\n```\n",
    "offsite.md": '# Off-site\n\n<img src="https://cdn.example.com/pixel.png" alt="">\n',
    // A computed URL, so the build cannot see the missing file and the browser has to ask for it.
    "missing-file.md": "# Missing file\n\n```js\nconst name = [\"nowhere\", \"json\"].join(\".\");\nconst rows = await fetch(\"./_file/\" + name).then((r) => r.json());\n```\n"
  };
  for (const [file, markdown] of Object.entries(pages)) writeFileSync(join(project.dir, "src", file), markdown);
  await project.build();
  site = await serveStatic(join(project.dir, "dist"));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  project?.remove();
});

async function problemsOf(path: string): Promise<string[]> {
  const report = await openPage(browser, new URL(path, site.url).href);
  await report.page.context().close();
  return report.problems;
}

test("a page whose cell throws is reported with the error", async () => {
  const problems = await problemsOf("throws");
  expect(problems).toContainEqual(expect.stringMatching(/^error cell: .*deliberate failure/));
  expect(problems).toContainEqual(expect.stringMatching(/^page error|^console error/));
});

test("a page that loads from another host is reported and the request never leaves", async () => {
  expect(await problemsOf("offsite")).toContain("off-site request: https://cdn.example.com/pixel.png");
});

test("a page that requests a file the site lacks is reported", async () => {
  expect(await problemsOf("missing-file")).toContainEqual(expect.stringMatching(/^HTTP 404: .*nowhere\.json/));
});

test("the unbroken home page of the same build has no problem", async () => {
  expect(await problemsOf("")).toEqual([]);
});
