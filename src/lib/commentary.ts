// Drop-in commentary: every src/commentary/<slug>.md with valid front matter becomes a page in
// the sidebar's Commentary section and an entry in the overview's list, newest first. Read at
// config load (observablehq.config.ts), by src/data/commentary.json.ts and by `npm run dev`'s
// watcher; Node only. Every problem is reported as file:line:column: what is wrong; the fix.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import matter from "gray-matter";
import { z } from "zod";
import { EMBEDDABLE_CHART_NAMES, type EmbeddableChartName } from "./chartNames.ts";
import { escapeHtml } from "./escapeHtml.ts";
import { IssuesError, sortIssues, type LedgerIssue } from "./ledger/errors.ts";
import { loadLedger } from "./ledger/load.ts";
import { isIsoDate } from "./ledger/schema.ts";
import { nearNames } from "./nearNames.ts";

export const COMMENTARY_DIR = fileURLToPath(new URL("../commentary/", import.meta.url));

export interface CommentaryEntry {
  /** File name without .md; the page lives at /commentary/<slug>. */
  slug: string;
  path: string;
  title: string;
  author: string;
  /** ISO date, YYYY-MM-DD, exactly as written. */
  date: string;
  summary: string;
  tags: string[];
  /** Ledger claim ids the note discusses, each in data/claims.csv. */
  figures: string[];
  /** Report charts the note discusses, by their chartEmbed name. */
  charts: EmbeddableChartName[];
}

/** Every problem found in the commentary files, one file:line:column issue per line. */
export class CommentaryError extends IssuesError {}

const REQUIRED_FIELDS = ["title", "author", "date", "summary"];
const OPTIONAL_FIELDS = ["tags", "figures", "charts"];
const FIELD_LIST = `${REQUIRED_FIELDS.join(", ")} (required) and ${OPTIONAL_FIELDS.join(", ")} (optional)`;

const text = (field: string, example: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `is missing; add a line ${field}: ${example}` : `must be text; write it on one line, in quotes if it starts with a digit or holds a colon: ${field}: "${example}"`) })
    .trim()
    .min(1, `is empty; write it after the colon: ${field}: ${example}`);

const list = (example: string) => ({ error: () => `must be a list: ${example}` });

// `charts: N` was the count of charts the page draws, required until the tests counted them.
const chartList = (example: string) => ({
  error: (issue: { input?: unknown }) =>
    typeof issue.input === "number"
      ? `is a number (${issue.input}): a count of charts is no longer needed, the tests count the charts on the page. Delete the line, or list the charts the note discusses by name: ${example}`
      : `must be a list: ${example}`
});

function frontMatterSchema(claimIds: () => ReadonlySet<string>) {
  return z.strictObject({
    title: text("title", "What the note argues"),
    author: text("author", "Your Name"),
    // Checked as written: YAML would turn an unquoted 2026-02-30 into March 2 (see rawScalar).
    date: z
      .string({ error: (issue) => (issue.input === undefined ? "is missing; add a line date: YYYY-MM-DD (the day you publish)" : "must be a date: YYYY-MM-DD") })
      .refine(isIsoDate, { error: (issue) => `"${String(issue.input)}" is not a calendar date${daysInMonthHint(String(issue.input))}; write the day you publish as YYYY-MM-DD` }),
    summary: text("summary", "One or two sentences for the overview's list."),
    tags: z.array(z.string({ error: "must be words; put a tag that is a number in quotes" }).trim().min(1, "is empty; delete it"), list("tags: [open interest, leverage]")).optional(),
    figures: z
      .array(
        z.string({ error: "must be a claim id from data/claims.csv" }).check((context) => {
          if (claimIds().has(context.value)) return;
          const near = nearNames(context.value, [...claimIds()]);
          context.issues.push({
            code: "custom",
            input: context.value,
            message: `"${context.value}" is not a figure in data/claims.csv; ${near.length > 0 ? `did you mean ${near.map((id) => `"${id}"`).join(" or ")}? Copy` : "copy"} the id from the first column of data/claims.csv`
          });
        }),
        list("figures: [btc-low-2026-02-06]")
      )
      .optional(),
    charts: z
      .array(
        z.string({ error: "must be a chart name" }).check((context) => {
          if ((EMBEDDABLE_CHART_NAMES as readonly string[]).includes(context.value)) return;
          context.issues.push({ code: "custom", input: context.value, message: unknownChart(context.value) });
        }),
        chartList("charts: [priceWaypoints]")
      )
      .optional(),
    // Framework's own page options, which Framework checks.
    draft: z.boolean({ error: "must be true or false" }).optional(),
    toc: z.unknown().optional(),
    sidebar: z.unknown().optional(),
    index: z.unknown().optional(),
    keywords: z.unknown().optional(),
    sql: z.unknown().optional(),
    head: z.unknown().optional(),
    header: z.unknown().optional(),
    footer: z.unknown().optional(),
    pager: z.unknown().optional(),
    style: z.unknown().optional(),
    theme: z.unknown().optional()
  });
}

function unknownChart(name: string): string {
  const near = nearNames(name, EMBEDDABLE_CHART_NAMES);
  return `no chart named "${name}"; ${near.length > 0 ? `did you mean ${near.map((n) => `"${n}"`).join(" or ")}? The` : "the"} charts are ${EMBEDDABLE_CHART_NAMES.join(", ")} (docs/authoring.md, "Charts you can embed")`;
}

/** " (February 2026 has 28 days)" for a well-formed day past the month's end; "" otherwise. */
function daysInMonthHint(value: string): string {
  const match = /^(\d{4})-(\d{2})-\d{2}$/.exec(value);
  if (!match) return "";
  const [year, month] = [Number(match[1]), Number(match[2])];
  if (month < 1 || month > 12) return ` (there is no month ${month})`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const name = new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString("en-US", { month: "long", timeZone: "UTC" });
  return ` (${name} ${year} has ${days} days)`;
}

interface FrontMatterBlock {
  /** The lines between the --- fences; line i is the file's line i + 2. */
  lines: string[];
  /** 1-based line of the closing fence. */
  endLine: number;
}

function frontMatterBlock(source: string): FrontMatterBlock | null {
  const lines = source.split(/\r?\n/);
  if (lines[0] !== "---") return null;
  const end = lines.indexOf("---", 1);
  return end < 0 ? null : { lines: lines.slice(1, end), endLine: end + 1 };
}

/** Where a top-level field sits: 1-based line, and the column its value starts at. */
function fieldPosition(block: FrontMatterBlock, field: string): { line: number; column: number } | null {
  const index = block.lines.findIndex((line) => new RegExp(`^${field}\\s*:`).test(line));
  if (index < 0) return null;
  const match = new RegExp(`^${field}\\s*:\\s*`).exec(block.lines[index]!)!;
  return { line: index + 2, column: match[0].length + 1 };
}

/** The line and column of a list item (a figure id, a tag) at or below its field's line. */
function itemPosition(block: FrontMatterBlock, field: string, item: unknown): { line: number; column: number } | null {
  const start = fieldPosition(block, field);
  if (!start || typeof item !== "string") return start;
  for (let index = start.line - 2; index < block.lines.length; index++) {
    if (index > start.line - 2 && /^\S/.test(block.lines[index]!)) break;
    const column = block.lines[index]!.indexOf(item);
    if (column >= 0) return { line: index + 2, column: column + 1 };
  }
  return start;
}

/** A one-line scalar as written after `field:`, without quotes or a trailing comment. */
function rawScalar(block: FrontMatterBlock, field: string): string | null {
  const line = block.lines.find((candidate) => new RegExp(`^${field}\\s*:`).test(candidate));
  if (line === undefined) return null;
  const value = line.replace(new RegExp(`^${field}\\s*:`), "").replace(/\s+#.*$/, "").trim();
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? quoted[2]! : value || null;
}

/** A file name a web address carries as is: letters, digits, hyphens and underscores. */
const SAFE_SLUG = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** "Café crème?" -> "cafe-creme". */
function slugSuggestion(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "my-note";
}

/** The problem with a commentary file's name, or null when a web address can carry it. */
export function fileNameIssue(file: string): LedgerIssue | null {
  const slug = path.basename(file, ".md");
  if (SAFE_SLUG.test(slug)) return null;
  const bad = [...new Set([...slug].filter((character) => !/[A-Za-z0-9_-]/.test(character)))];
  const problem = bad.length > 0 ? `has characters a web address cannot carry as they are (${bad.map((c) => (c === " " ? "a space" : `"${c}"`)).join(", ")})` : "must start with a letter or a digit";
  const renamed = path.join(path.dirname(file), `${slugSuggestion(slug)}.md`).split(path.sep).join("/");
  return { file, line: 1, column: 1, message: `the file name "${slug}" ${problem}; rename the file to lowercase words joined by hyphens, e.g. ${renamed}` };
}

/** Every chartEmbed("<name>", …) call outside non-JavaScript code blocks, checked against the chart names. */
export function chartEmbedIssues(source: string, file: string): LedgerIssue[] {
  const issues: LedgerIssue[] = [];
  const lines = source.split(/\r?\n/);
  const first = frontMatterBlock(source)?.endLine ?? 0;
  let fence: { marker: string; js: boolean } | null = null;
  lines.forEach((line, index) => {
    if (index < first) return;
    const opening = /^\s*(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
    if (fence === null && opening) {
      fence = { marker: opening[1]!, js: /^(js|javascript)$/i.test(opening[2]!) };
      return;
    }
    if (fence !== null && line.trim().startsWith(fence.marker) && line.trim().replace(/[`~]/g, "") === "") {
      fence = null;
      return;
    }
    if (fence !== null && !fence.js) return;
    for (const call of line.matchAll(/\bchartEmbed\s*\(\s*/g)) {
      const rest = line.slice(call.index + call[0].length);
      const at = { file, line: index + 1, column: call.index + call[0].length + 1 };
      const name = /^(["'])([^"'\n]*)\1/.exec(rest)?.[2];
      if (name === undefined) {
        issues.push({ ...at, message: `the first argument of chartEmbed must be the chart's name in quotes, e.g. chartEmbed("${EMBEDDABLE_CHART_NAMES[0]}", claims, [...], { width })` });
      } else if (!(EMBEDDABLE_CHART_NAMES as readonly string[]).includes(name)) {
        issues.push({ ...at, message: `chartEmbed: ${unknownChart(name)}` });
      }
    }
  });
  return issues;
}

export interface CommentaryOptions {
  /** The ledger's claim ids; read from data/claims.csv, only when a note lists figures. */
  claimIds?: () => ReadonlySet<string>;
}

/** The ledger's claim ids, read once per check and only when asked (`npm run dev` checks again after a ledger edit). */
function ledgerClaimIds(): () => ReadonlySet<string> {
  let ids: ReadonlySet<string> | null = null;
  return () => (ids ??= new Set(loadLedger().claims.map((claim) => claim.id)));
}

/**
 * Validates one commentary file: its name, its front matter and the chart names its code embeds.
 * `file` is the path shown in errors. Returns the entry, or the file's issues (never both).
 */
export function checkCommentary(source: string, file: string, { claimIds = ledgerClaimIds() }: CommentaryOptions = {}): { entry: CommentaryEntry | null; draft: boolean; issues: LedgerIssue[] } {
  const nameIssue = fileNameIssue(file);
  const block = frontMatterBlock(source);
  if (!block) {
    const issue = { file, line: 1, column: 1, message: `has no front matter; start the file with a --- block holding ${REQUIRED_FIELDS.join(", ")}, and close it with ---` };
    return { entry: null, draft: false, issues: [...(nameIssue ? [nameIssue] : []), issue] };
  }
  let data: Record<string, unknown>;
  try {
    // An options object keeps gray-matter from caching (and sharing) parsed results by content.
    data = { ...matter(source, {}).data };
  } catch (error) {
    const { reason, mark } = error as { reason?: string; mark?: { line: number; column: number } };
    const issue = { file, line: (mark?.line ?? -1) + 2, column: (mark?.column ?? 0) + 1, message: `the front matter is not valid YAML (${reason ?? (error as Error).message}); write each field as name: value on its own line` };
    return { entry: null, draft: false, issues: [...(nameIssue ? [nameIssue] : []), issue] };
  }
  if (data.date !== undefined) data.date = rawScalar(block, "date") ?? data.date;
  const result = frontMatterSchema(claimIds).safeParse(data);
  const issues: LedgerIssue[] = nameIssue ? [nameIssue] : [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          const near = nearNames(key, [...REQUIRED_FIELDS, ...OPTIONAL_FIELDS]);
          const at = fieldPosition(block, key) ?? { line: 1, column: 1 };
          issues.push({ file, ...at, column: 1, message: `front matter field "${key}" is not one a note uses; ${near.length > 0 ? `did you mean "${near[0]}"? ` : ""}The fields are ${FIELD_LIST}` });
        }
        continue;
      }
      const [field, index] = issue.path as [string, number | undefined];
      const missing = data[field] === undefined;
      const at = missing ? { line: block.endLine, column: 1 } : index === undefined ? fieldPosition(block, field) : itemPosition(block, field, (data[field] as unknown[])[index]);
      issues.push({ file, ...(at ?? { line: 1, column: 1 }), message: `front matter field "${field}"${index === undefined ? "" : `, item ${index + 1}:`} ${issue.message}` });
    }
  }
  issues.push(...chartEmbedIssues(source, file));
  if (!result.success || issues.length > 0) return { entry: null, draft: false, issues: sortIssues(issues) };
  const slug = path.basename(file, ".md");
  const { title, author, date, summary, tags = [], figures = [], charts = [], draft = false } = result.data;
  return { entry: { slug, path: `/commentary/${slug}`, title, author, date, summary, tags, figures, charts: charts as EmbeddableChartName[] }, draft, issues: [] };
}

/** Validates one commentary file; throws CommentaryError listing every problem in it. */
export function parseCommentary(source: string, file: string, options: CommentaryOptions = {}): CommentaryEntry {
  const { entry, issues } = checkCommentary(source, file, options);
  if (!entry) throw new CommentaryError(issues);
  return entry;
}

/** Newest first; same-day pages by title. */
export function byNewest(a: CommentaryEntry, b: CommentaryEntry): number {
  return b.date.localeCompare(a.date) || a.title.localeCompare(b.title);
}

/**
 * Every published commentary page in `dir` (drafts left out, as Framework leaves them out of
 * the build), newest first. Throws CommentaryError listing every problem in every file.
 */
export function loadCommentary(dir: string = COMMENTARY_DIR, { claimIds = ledgerClaimIds() }: CommentaryOptions = {}): CommentaryEntry[] {
  let names: string[];
  try {
    // Dot files are editors' lock and swap files; Framework skips them too.
    names = readdirSync(dir)
      .filter((name) => name.endsWith(".md") && !name.startsWith("."))
      .sort();
  } catch {
    return [];
  }
  const projectRoot = path.resolve(dir, "../..");
  const checked = names.map((name) => {
    const file = path.join(dir, name);
    return checkCommentary(readFileSync(file, "utf8"), path.relative(projectRoot, file).split(path.sep).join("/"), { claimIds });
  });
  const issues = checked.flatMap((result) => result.issues);
  if (issues.length > 0) throw new CommentaryError(issues);
  return checked.flatMap(({ entry, draft }) => (entry && !draft ? [entry] : [])).sort(byNewest);
}

/** The sidebar section for observablehq.config.ts. */
export function commentarySection(entries: readonly CommentaryEntry[]): { name: string; open: boolean; pages: { name: string; path: string }[] } {
  return { name: "Commentary", open: true, pages: entries.map(({ title, path }) => ({ name: title, path })) };
}

/** The part of markdown-it a plugin touches (Framework does not export its types). */
interface MarkdownToken {
  type: string;
  tag: string;
  info: string;
  content: string;
}
interface MarkdownIt {
  core: {
    ruler: {
      push(name: string, rule: (state: { env?: { path?: string }; tokens: MarkdownToken[]; Token: new (type: string, tag: string, nesting: number) => MarkdownToken }) => void): void;
    };
  };
}

/**
 * A markdown-it plugin for the config's `markdownIt` option. Under each note's title it puts the
 * byline (author and date, from the front matter); a note that lists tags, figures or charts
 * ends with a code cell drawing them (src/components/commentaryDiscussed.ts). The cell declares
 * no name, so it cannot clash with the note's own cells.
 */
export function commentaryMarkdown(entries: readonly CommentaryEntry[]): <T extends MarkdownIt>(md: T) => T {
  const bySlug = new Map(entries.map((entry) => [entry.slug, entry]));
  return (md) => {
    md.core.ruler.push("commentary-note", (state) => {
      const slug = /^\/?commentary\/([^/]+?)(\.md)?$/.exec(state.env?.path ?? "")?.[1];
      const entry = slug === undefined ? undefined : bySlug.get(slug);
      if (!entry) return;
      const { author, date, tags, figures, charts } = entry;
      const byline = new state.Token("html_block", "", 0);
      byline.content = `<p class="commentary-byline">${escapeHtml(author)} · <time datetime="${date}">${date}</time></p>\n`;
      const title = state.tokens.findIndex((token) => token.type === "heading_close" && token.tag === "h1");
      state.tokens.splice(title + 1, 0, byline);
      if (tags.length + figures.length + charts.length === 0) return;
      const discussed = new state.Token("fence", "code", 0);
      discussed.info = "js";
      discussed.content = `display((await import("../components/commentaryDiscussed.js")).commentaryDiscussed(await FileAttachment("../data/claims.json").json(), ${JSON.stringify({ tags, figures, charts })}));\n`;
      state.tokens.push(discussed);
    });
    return md;
  };
}
