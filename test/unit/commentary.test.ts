import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { EMBEDDABLE_CHART_NAMES } from "../../src/lib/chartNames.ts";
import { CommentaryError, commentaryMarkdown, commentarySection, loadCommentary, parseCommentary, type CommentaryEntry } from "../../src/lib/commentary.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";

const file = "src/commentary/a-note.md";
const page = (frontMatter: string, body = "# Body\n") => `---\n${frontMatter}\n---\n\n${body}`;
const valid = "title: Open interest fell in dollars, not in coins\nauthor: A. Researcher\ndate: 2026-02-10\nsummary: The drop was price.";
/** The file's line holding a front matter line: the opening --- is line 1. */
const lineOf = (frontMatter: string, start: string) => frontMatter.split("\n").findIndex((line) => line.startsWith(start)) + 2;
const withLine = (field: string, line: string) => valid.split("\n").map((l) => (l.startsWith(`${field}:`) ? line : l)).join("\n");
const problems = (source: string, name = file) => {
  try {
    parseCommentary(source, name);
  } catch (error) {
    expect(error).toBeInstanceOf(CommentaryError);
    return (error as Error).message;
  }
  throw new Error("expected the note to be refused");
};

const ledgerIds = loadLedger().claims.map((claim) => claim.id);
const knownId = ledgerIds[0]!;

describe("the required front matter", () => {
  test("title, author, date and summary are enough; the path comes from the file name", () => {
    expect(parseCommentary(page(valid), file)).toEqual({
      slug: "a-note",
      path: "/commentary/a-note",
      title: "Open interest fell in dollars, not in coins",
      author: "A. Researcher",
      date: "2026-02-10",
      summary: "The drop was price.",
      tags: [],
      figures: [],
      charts: []
    } satisfies CommentaryEntry);
  });

  test("a quoted date reads the same", () => {
    expect(parseCommentary(page(withLine("date", 'date: "2026-02-10"')), file).date).toBe("2026-02-10");
  });

  test.each(["title", "author", "date", "summary"])("a missing %s is named with the file, the line of the closing --- and the line to add", (field) => {
    const without = valid.split("\n").filter((line) => !line.startsWith(`${field}:`)).join("\n");
    expect(problems(page(without))).toMatch(new RegExp(`^src/commentary/a-note\\.md:5:1: front matter field "${field}" is missing; add a line ${field}: `));
  });

  test.each([
    ["unquoted", "date: 2026-02-30"],
    ["quoted", 'date: "2026-02-30"']
  ])("an impossible date (%s) is refused as written, never rolled over to March 2", (_, line) => {
    const message = problems(page(withLine("date", line)));
    expect(message).toBe(`src/commentary/a-note.md:${lineOf(valid, "date")}:7: front matter field "date" "2026-02-30" is not a calendar date (February 2026 has 28 days); write the day you publish as YYYY-MM-DD`);
    expect(message).not.toContain("2026-03-02");
  });

  test.each([
    ["date", "date: 10 Feb 2026", ':7: front matter field "date" "10 Feb 2026" is not a calendar date; write the day you publish as YYYY-MM-DD'],
    ["date", "date: 2026-13-01", ':7: front matter field "date" "2026-13-01" is not a calendar date (there is no month 13)'],
    ["title", 'title: ""', ':8: front matter field "title" is empty; write it after the colon'],
    ["author", "author: [a, b]", ':9: front matter field "author" must be text'],
    ["summary", "summary: 2026", ':10: front matter field "summary" must be text; write it on one line, in quotes']
  ])("a malformed %s is named with its line and column: %s", (field, line, message) => {
    expect(problems(page(withLine(field, line)))).toContain(`src/commentary/a-note.md:${lineOf(valid, field)}${message}`);
  });

  test("a field no note uses is named, with the field it most likely meant", () => {
    const frontMatter = `${valid}\ntag: [leverage]`;
    expect(problems(page(frontMatter))).toBe(
      `src/commentary/a-note.md:${lineOf(frontMatter, "tag:")}:1: front matter field "tag" is not one a note uses; did you mean "tags"? The fields are title, author, date, summary (required) and tags, figures, charts (optional)`
    );
  });

  test("Framework's own page options are allowed", () => {
    expect(parseCommentary(page(`${valid}\ntoc: false\nkeywords: [oi]`), file).title).toBe("Open interest fell in dollars, not in coins");
  });

  test("every problem in a file is listed, in line order", () => {
    const frontMatter = valid.replace("date: 2026-02-10", "date: 2026-02-31").replace("author: A. Researcher", 'author: ""');
    const lines = problems(page(frontMatter)).split("\n");
    expect(lines.map((line) => line.split(": ")[0])).toEqual([`${file}:${lineOf(frontMatter, "author")}:9`, `${file}:${lineOf(frontMatter, "date")}:7`]);
  });

  test("a file without front matter, or with broken YAML, is named with the line", () => {
    expect(problems("# Just a heading\n")).toMatch(/^src\/commentary\/a-note\.md:1:1: has no front matter; start the file with a --- block holding title, author, date, summary/);
    expect(problems(page("title: [unclosed\nauthor: x"))).toMatch(/^src\/commentary\/a-note\.md:4:1: the front matter is not valid YAML \(.+\); write each field as name: value/);
  });
});

describe("the optional front matter", () => {
  test("tags, ledger figures and chart names are read as lists", () => {
    const frontMatter = `${valid}\ntags: [open interest, leverage]\nfigures:\n  - ${knownId}\ncharts: [${EMBEDDABLE_CHART_NAMES[0]}]`;
    expect(parseCommentary(page(frontMatter), file)).toMatchObject({ tags: ["open interest", "leverage"], figures: [knownId], charts: [EMBEDDABLE_CHART_NAMES[0]] });
  });

  test("tags written as one line of text must be a list", () => {
    expect(problems(page(`${valid}\ntags: open interest`))).toContain(':6:7: front matter field "tags" must be a list: tags: [open interest, leverage]');
  });

  test("an unknown figure is named with its line, the field and the ledger ids nearest to it", () => {
    const typo = `${knownId.slice(0, -1)}x`;
    const frontMatter = `${valid}\nfigures:\n  - ${knownId}\n  - ${typo}`;
    const message = problems(page(frontMatter));
    expect(message).toContain(`src/commentary/a-note.md:${lineOf(frontMatter, `  - ${typo}`)}:5: front matter field "figures", item 2: "${typo}" is not a figure in data/claims.csv; did you mean "${knownId}"`);
    expect(message).toContain("Copy the id from the first column of data/claims.csv");
  });

  test("an unknown chart name lists the known ones", () => {
    const message = problems(page(`${valid}\ncharts: [priceWaypoint]`));
    expect(message).toContain(':6:10: front matter field "charts", item 1: no chart named "priceWaypoint"; did you mean "priceWaypoints"?');
    expect(message).toContain(`The charts are ${EMBEDDABLE_CHART_NAMES.join(", ")}`);
  });

  test("a number in charts: says the count is no longer needed", () => {
    expect(problems(page(`${valid}\ncharts: 2`))).toBe(
      'src/commentary/a-note.md:6:9: front matter field "charts" is a number (2): a count of charts is no longer needed, the tests count the charts on the page. Delete the line, or list the charts the note discusses by name: charts: [priceWaypoints]'
    );
  });
});

describe("chartEmbed calls in the body", () => {
  const body = (call: string) => `# Body\n\n\`\`\`js\nconst claims = FileAttachment("../data/claims.json").json();\n\`\`\`\n\n\`\`\`js\ndisplay(resize((width) => ${call}));\n\`\`\`\n`;
  // The call's line: front matter (6 lines), a blank line, "# Body", a blank line, a 3-line block, a blank line, the fence.
  const callLine = 6 + 1 + 1 + 1 + 3 + 1 + 1 + 1;

  test("a known chart passes", () => {
    expect(parseCommentary(page(valid, body(`chartEmbed("${EMBEDDABLE_CHART_NAMES.at(-1)}", claims, ["${knownId}"], { width })`)), file).slug).toBe("a-note");
  });

  test("an unknown chart is named with the file, line and column and the known names", () => {
    const message = problems(page(valid, body('chartEmbed("bubbleMap", claims, [], { width })')));
    expect(message).toBe(`src/commentary/a-note.md:${callLine}:38: chartEmbed: no chart named "bubbleMap"; the charts are ${EMBEDDABLE_CHART_NAMES.join(", ")} (docs/authoring.md, "Charts you can embed")`);
  });

  test("a near miss is suggested before the list", () => {
    expect(problems(page(valid, body('chartEmbed("pricePath2", claims, [], { width })')))).toContain('no chart named "pricePath2"; did you mean "pricePath"? The charts are');
  });

  test("a name that is not a literal in quotes is refused", () => {
    expect(problems(page(valid, body("chartEmbed(name, claims, [], { width })")))).toContain(`:${callLine}:38: the first argument of chartEmbed must be the chart's name in quotes`);
  });

  test("calls shown in a non-JavaScript block are prose, not checked", () => {
    expect(parseCommentary(page(valid, '```md\nchartEmbed("anything", claims, [])\n```\n'), file).slug).toBe("a-note");
  });
});

describe("file names", () => {
  test.each([
    ["what now?", '(a space, "?")', "what-now"],
    ["50%-drop", '("%")', "50-drop"],
    ["#1 note", '("#", a space)', "1-note"],
    ["café-crème", '("é", "è")', "cafe-creme"]
  ])("%s.md is refused with the characters and a name to use", (name, characters, suggestion) => {
    expect(problems(page(valid), `src/commentary/${name}.md`)).toBe(
      `src/commentary/${name}.md:1:1: the file name "${name}" has characters a web address cannot carry as they are ${characters}; rename the file to lowercase words joined by hyphens, e.g. src/commentary/${suggestion}.md`
    );
  });

  test("a name must start with a letter or a digit", () => {
    expect(problems(page(valid), "src/commentary/_draft.md")).toContain('the file name "_draft" must start with a letter or a digit');
  });
});

describe("loadCommentary", () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const folder = () => {
    root = mkdtempSync(join(tmpdir(), "commentary-"));
    const dir = join(root, "src/commentary");
    mkdirSync(dir, { recursive: true });
    return dir;
  };

  test("lists every page newest first, then by title, leaving out drafts and editors' dot files", () => {
    const dir = folder();
    writeFileSync(join(dir, "older.md"), page(valid.replace("2026-02-10", "2026-02-08").replace(/^title: .*/m, "title: Older")));
    writeFileSync(join(dir, "b.md"), page(valid.replace(/^title: .*/m, "title: Beta")));
    writeFileSync(join(dir, "a.md"), page(valid.replace(/^title: .*/m, "title: Alpha")));
    writeFileSync(join(dir, "unfinished.md"), page(`${valid}\ndraft: true`));
    writeFileSync(join(dir, ".#a.md"), "lock");
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
  });

  test("lists the problems of every bad file at once, with paths relative to the project", () => {
    const dir = folder();
    writeFileSync(join(dir, "good.md"), page(valid));
    writeFileSync(join(dir, "broken.md"), page(valid.split("\n").filter((line) => !line.startsWith("summary:")).join("\n")));
    writeFileSync(join(dir, "what now?.md"), page(valid));
    expect(() => loadCommentary(dir)).toThrow(
      [
        'src/commentary/broken.md:5:1: front matter field "summary" is missing; add a line summary: One or two sentences for the overview\'s list.',
        'src/commentary/what now?.md:1:1: the file name "what now?" has characters a web address cannot carry as they are (a space, "?"); rename the file to lowercase words joined by hyphens, e.g. src/commentary/what-now.md'
      ].join("\n")
    );
  });

  test("a missing folder means no commentary", () => {
    root = mkdtempSync(join(tmpdir(), "commentary-"));
    expect(loadCommentary(join(root, "nowhere"))).toEqual([]);
  });

  test("the shipped commentary pages are valid", () => {
    expect(loadCommentary().length).toBeGreaterThan(0);
  });
});

describe("commentaryMarkdown", () => {
  class Token {
    info = "";
    content = "";
    constructor(
      readonly type: string,
      readonly tag: string
    ) {}
  }
  /** Runs the plugin's rule on a page at `path` holding `tokens`, and returns the tokens after it. */
  function rendered(entries: CommentaryEntry[], path: string, tokens: Token[] = [new Token("heading_open", "h1"), new Token("inline", ""), new Token("heading_close", "h1"), new Token("paragraph_open", "p")]) {
    let rule: ((state: never) => void) | undefined;
    commentaryMarkdown(entries)({ core: { ruler: { push: (_: string, added: (state: never) => void) => (rule = added) } } });
    const state = { env: { path }, tokens: [...tokens], Token };
    rule!(state as never);
    return state.tokens;
  }
  const entry = parseCommentary(page(`${valid}\ntags: [leverage]\nfigures: [${knownId}]\ncharts: [etfFlows]`), file);
  const bare = parseCommentary(page(valid), file);

  test("puts the author and date under the note's title, escaped", () => {
    const tokens = rendered([{ ...bare, author: "A <b>Researcher</b> & co" }], "/commentary/a-note");
    expect(tokens.map((token) => token.type)).toEqual(["heading_open", "inline", "heading_close", "html_block", "paragraph_open"]);
    expect(tokens[3]!.content).toBe(`<p class="commentary-byline">A &lt;b&gt;Researcher&lt;/b&gt; &amp; co · <time datetime="${bare.date}">${bare.date}</time></p>\n`);
  });

  test("puts the byline first on a note with no title heading", () => {
    const [byline, ...rest] = rendered([bare], "/commentary/a-note", []);
    expect(byline!.content).toContain(`${bare.author} · `);
    expect(rest).toEqual([]);
  });

  test("ends a note that lists tags, figures or charts with a cell drawing them", () => {
    const cell = rendered([entry], "/commentary/a-note").at(-1)!;
    expect(cell).toMatchObject({ type: "fence", info: "js" });
    expect(cell.content).toContain('await import("../components/commentaryDiscussed.js")');
    expect(cell.content).toContain(JSON.stringify({ tags: ["leverage"], figures: [knownId], charts: ["etfFlows"] }));
  });

  test("leaves other pages as they are, and adds no cell to a note that lists nothing", () => {
    expect(rendered([entry], "/macro", [])).toEqual([]);
    expect(rendered([bare], "/commentary/a-note", []).map((token) => token.type)).toEqual(["html_block"]);
  });
});
