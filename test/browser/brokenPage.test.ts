import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { useBuiltSite } from "../support/builtSite.ts";
import { makeTempProject } from "../support/tempProject.ts";

// Proof that the page checks catch real breakage: build a copy of the site with
// deliberately broken pages and expect each fault to be reported.
const project = makeTempProject();

beforeAll(async () => {
  const pages: Record<string, string> = {
    "throws.md": "# Throws\n\n```js\nthrow new Error(\"deliberate failure\");\n```\n",
    "offsite.md": '# Off-site\n\n<img src="https://cdn.example.com/pixel.png" alt="">\n',
    // A computed URL, so the build cannot see the missing file and the browser has to ask for it.
    "missing-file.md": "# Missing file\n\n```js\nconst name = [\"nowhere\", \"json\"].join(\".\");\nconst rows = await fetch(\"./_file/\" + name).then((r) => r.json());\n```\n"
  };
  for (const [file, markdown] of Object.entries(pages)) writeFileSync(join(project.dir, "src", file), markdown);
  await project.build();
});
afterAll(() => project.remove());

const site = useBuiltSite(() => join(project.dir, "dist"));

async function problemsOf(path: string): Promise<string[]> {
  const report = await site.open(path);
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
