import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { CommentaryError, commentarySection, loadCommentary, parseCommentary } from "../../src/lib/commentary.ts";

const file = "src/commentary/a-note.md";
const page = (frontMatter: string) => `---\n${frontMatter}\n---\n\n# Body\n`;
const valid = 'title: Open interest fell in dollars, not in coins\nauthor: A. Researcher\ndate: 2026-02-10\nsummary: The drop was price.\ncharts: 1';

describe("parseCommentary", () => {
  test("reads title, author, date, summary and derives the path from the file name", () => {
    expect(parseCommentary(page(valid), file)).toEqual({
      slug: "a-note",
      path: "/commentary/a-note",
      title: "Open interest fell in dollars, not in coins",
      author: "A. Researcher",
      date: "2026-02-10",
      summary: "The drop was price."
    });
  });

  test("accepts a quoted ISO date", () => {
    expect(parseCommentary(page(valid.replace("2026-02-10", '"2026-02-10"')), file).date).toBe("2026-02-10");
  });

  test.each(["title", "author", "date", "summary", "charts"])("a missing %s is named with the file", (field) => {
    const without = valid.split("\n").filter((line) => !line.startsWith(`${field}:`)).join("\n");
    expect(() => parseCommentary(page(without), file)).toThrow(new RegExp(`^src/commentary/a-note\\.md: front matter field "${field}" `));
  });

  test.each([
    ["date", "date: 10 Feb 2026", /field "date" "10 Feb 2026" is not a calendar date in the form YYYY-MM-DD/],
    ["date", 'date: "2026-02-30"', /field "date" "2026-02-30" is not a calendar date/],
    ["title", 'title: ""', /field "title" is empty/],
    ["author", "author: [a, b]", /field "author" must be text/],
    ["charts", "charts: two", /field "charts" must be the number of charts/]
  ])("a malformed %s is named: %s", (field, line, message) => {
    const changed = valid.split("\n").map((l) => (l.startsWith(`${field}:`) ? line : l)).join("\n");
    expect(() => parseCommentary(page(changed), file)).toThrow(message);
  });

  test("a file without front matter, or with broken YAML, is named", () => {
    expect(() => parseCommentary("# Just a heading\n", file)).toThrow(/^src\/commentary\/a-note\.md: has no front matter/);
    expect(() => parseCommentary(page("title: [unclosed\nauthor: x"), file)).toThrow(/^src\/commentary\/a-note\.md: front matter is not valid YAML/);
    expect(() => parseCommentary("# x", file)).toThrow(CommentaryError);
  });
});

describe("loadCommentary", () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test("lists every page newest first, then by title, with paths relative to the project", () => {
    root = mkdtempSync(join(tmpdir(), "commentary-"));
    const dir = join(root, "src/commentary");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "older.md"), page(valid.replace("2026-02-10", "2026-02-08").replace(/^title: .*/m, "title: Older")));
    writeFileSync(join(dir, "b.md"), page(valid.replace(/^title: .*/m, "title: Beta")));
    writeFileSync(join(dir, "a.md"), page(valid.replace(/^title: .*/m, "title: Alpha")));
    writeFileSync(join(dir, "notes.txt"), "not a page");
    const entries = loadCommentary(dir);
    expect(entries.map((e) => e.title)).toEqual(["Alpha", "Beta", "Older"]);
    expect(commentarySection(entries)).toEqual({
      name: "Commentary",
      open: true,
      pages: [
        { name: "Alpha", path: "/commentary/a" },
        { name: "Beta", path: "/commentary/b" },
        { name: "Older", path: "/commentary/older" }
      ]
    });
    writeFileSync(join(dir, "broken.md"), page(valid.replace(/^summary: .*\n/m, "")));
    expect(() => loadCommentary(dir)).toThrow('src/commentary/broken.md: front matter field "summary" is missing');
  });

  test("a missing folder means no commentary", () => {
    root = mkdtempSync(join(tmpdir(), "commentary-"));
    expect(loadCommentary(join(root, "nowhere"))).toEqual([]);
  });
});

test("the shipped commentary pages are valid", () => {
  expect(loadCommentary().length).toBeGreaterThan(0);
});
