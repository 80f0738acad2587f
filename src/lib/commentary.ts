// Drop-in commentary: every src/commentary/<slug>.md with valid front matter becomes a page in
// the sidebar's Commentary section and an entry in the overview's list, newest first. Read at
// config load (observablehq.config.ts) and by src/data/commentary.json.ts; Node only.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import matter from "gray-matter";
import { z } from "zod";

export const COMMENTARY_DIR = fileURLToPath(new URL("../commentary/", import.meta.url));

export interface CommentaryEntry {
  /** File name without .md; the page lives at /commentary/<slug>. */
  slug: string;
  path: string;
  title: string;
  author: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  summary: string;
}

/** A commentary file whose front matter cannot be used; the message names the file and the field. */
export class CommentaryError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | null,
    problem: string
  ) {
    super(`${file}: ${field ? `front matter field "${field}" ` : ""}${problem}`);
    this.name = "CommentaryError";
  }
}

const requiredText = (field: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `is missing; add ${field}: ... to the front matter` : "must be text") }).trim().min(1, "is empty");

/** YAML reads an unquoted 2026-02-10 as a date; accept that and quoted ISO dates, reject anything else. */
const isoDate = z
  .union([z.date(), z.string()], { error: (issue) => (issue.input === undefined ? "is missing; add date: YYYY-MM-DD to the front matter" : "must be a date, YYYY-MM-DD") })
  .transform((value, context) => {
    const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10)) : value.trim();
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
    if (!valid) {
      context.addIssue({ code: "custom", message: `"${String(value)}" is not a calendar date in the form YYYY-MM-DD` });
      return z.NEVER;
    }
    return text;
  });

const frontMatterSchema = z.object({
  title: requiredText("title"),
  author: requiredText("author"),
  date: isoDate,
  summary: requiredText("summary"),
  charts: z.number({ error: "must be the number of charts the page draws (0 if none)" }).int().min(0)
});

/** Validates one commentary file's front matter. `file` is the path shown in errors. */
export function parseCommentary(source: string, file: string): CommentaryEntry {
  if (!/^---\r?\n/.test(source)) throw new CommentaryError(file, null, "has no front matter; start the file with a --- block holding title, author, date, summary and charts");
  let data: Record<string, unknown>;
  try {
    // An options object keeps gray-matter from caching (and sharing) parsed results by content.
    data = matter(source, {}).data;
  } catch (error) {
    const reason = (error as Error).message.split("\n")[0];
    throw new CommentaryError(file, null, `front matter is not valid YAML: ${reason}`);
  }
  const result = frontMatterSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new CommentaryError(file, String(issue.path[0] ?? ""), issue.message);
  }
  const slug = path.basename(file, ".md");
  const { title, author, date, summary } = result.data;
  return { slug, path: `/commentary/${slug}`, title, author, date, summary };
}

/** Newest first; same-day pages by title. */
export function byNewest(a: CommentaryEntry, b: CommentaryEntry): number {
  return b.date.localeCompare(a.date) || a.title.localeCompare(b.title);
}

/** Every commentary page in `dir`, validated, newest first. Throws on the first bad file. */
export function loadCommentary(dir: string = COMMENTARY_DIR): CommentaryEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(".md"));
  } catch {
    return [];
  }
  const projectRoot = path.resolve(dir, "../..");
  return names
    .map((name) => {
      const file = path.join(dir, name);
      return parseCommentary(readFileSync(file, "utf8"), path.relative(projectRoot, file));
    })
    .sort(byNewest);
}

/** The sidebar section for observablehq.config.ts. */
export function commentarySection(entries: readonly CommentaryEntry[]): { name: string; open: boolean; pages: { name: string; path: string }[] } {
  return { name: "Commentary", open: true, pages: entries.map(({ title, path }) => ({ name: title, path })) };
}
