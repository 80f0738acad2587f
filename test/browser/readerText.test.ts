import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { csvParse } from "d3-dsv";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { useBuiltSite } from "../support/builtSite.ts";
import { projectRoot } from "../support/tempProject.ts";

// Working notes belong in the ledger's note columns, never on a page. This reads every built
// page as a reader sees it (text, captions, hover titles and chart tips) and lists any note.

const distDir = join(projectRoot, "dist");
const site = useBuiltSite(() => distDir);

/** Every page of the built site, as a path under the site root ("/" for the home page). */
function builtPages(dir: string): string[] {
  if (!existsSync(dir)) throw new Error(`${relative(projectRoot, dir)}/ is missing: run npm run build first`);
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      if (entry.name.startsWith("_")) return []; // Framework's assets, data and modules
      // Served for unknown addresses, against the base it was built for: notFound.test.ts opens it.
      if (folder === dir && entry.name === "404.html") return [];
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.name.endsWith(".html") ? [relative(dir, path).replace(/\.html$/, "")] : [];
    });
  return walk(dir)
    .map((page) => (page === "index" ? "/" : `/${page.replace(/(^|\/)index$/, "$1")}`))
    .sort();
}

/** Ids the ledger uses internally: claims, conflicts, and the hyphenated source ids. */
function ledgerIds(): string[] {
  const ids = (file: string) => csvParse(readFileSync(join(projectRoot, "data", file), "utf8")).map((row) => row.id ?? "");
  return [...ids("claims.csv"), ...ids("conflicts.csv"), ...ids("sources.csv").filter((id) => id.includes("-"))].filter((id) => id !== "");
}

interface Rule {
  kind: string;
  pattern: RegExp;
}

const quote = `["'\`‘’“”]`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const RULES: Rule[] = [
  // A function call with a quoted argument, or any camelCase name called: toConvention(-13, 'rr25').
  { kind: "code call", pattern: new RegExp(`\\b[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*\\([^()]*${quote}[^()]*\\)`, "g") },
  { kind: "code call", pattern: /\b[a-z]+[A-Z][A-Za-z0-9]*\(/g },
  // Notes addressed to whoever writes the page.
  { kind: "instruction to the writer", pattern: /\b(?:Never|TODO|FIXME|TBD|XXX)\b/g },
  { kind: "instruction to the writer", pattern: /\bShow both\b|\b(?:and|then) say so\b|\bdo not interpret\b/gi },
  {
    kind: "instruction to the writer",
    pattern: /\b(?:Do not|Don't) (?:add|chart|draw|convert|flip|sign-flip|sum|combine|print|type|pin|place|date|interpret|cite|mix)\b/g
  },
  { kind: "instruction to the writer", pattern: /(?:^|[.;:!?]\s+)(?:Quote|Cite|Record|Treat|Keep) (?:it|them|both|each)\b/gm },
  // 001 and 002 are one story published twice.
  { kind: "one story counted twice", pattern: /\btwo (?:other )?(?:reports|outlets)\b/gi },
  { kind: "ledger id", pattern: new RegExp(`(?<![\\w-])(?:${ledgerIds().map(escape).join("|")})(?![\\w-])`, "g") }
];

/** Each match of each rule in the text, with a little context either side. */
function workingNotes(text: string): string[] {
  return RULES.flatMap(({ kind, pattern }) =>
    [...text.matchAll(pattern)].map((match) => {
      const start = Math.max(0, match.index - 40);
      const context = text.slice(start, match.index + match[0].length + 40).replace(/\s+/g, " ").trim();
      return `${kind}: “${match[0].trim()}” in “…${context}…”`;
    })
  );
}

/**
 * What a reader can see on a page: its rendered text with every <details> open, every title
 * attribute and SVG <title> (hover text), and the chart tips that appear under the pointer.
 */
async function readerText(page: Page): Promise<string> {
  const text = await page.evaluate(() => {
    for (const details of document.querySelectorAll("details")) details.open = true;
    const titles = [...document.querySelectorAll("[title]")].map((element) => element.getAttribute("title") ?? "");
    const svgTitles = [...document.querySelectorAll("svg title")].map((title) => title.textContent ?? "");
    return [document.body.innerText, ...titles, ...svgTitles].join("\n");
  });
  const tips = new Set<string>();
  for (const svg of await page.locator("figure.report-chart svg").all()) {
    await svg.scrollIntoViewIfNeeded();
    const box = await svg.boundingBox();
    if (!box || box.width < 40 || box.height < 40) continue;
    for (const fx of [0.1, 0.25, 0.4, 0.55, 0.7, 0.85, 0.95]) {
      for (const fy of [0.2, 0.5, 0.8]) {
        await page.mouse.move(box.x + fx * box.width, box.y + fy * box.height);
        // Plot separates a tip's name and value with zero-width spaces.
        for (const tip of await page.locator('g[aria-label="tip"]').allTextContents()) if (tip.trim()) tips.add(tip.replaceAll("\u200b", " "));
      }
    }
  }
  return [text, ...tips].join("\n");
}

describe("working notes", () => {
  test("are found in the forms the issue lists", () => {
    const notes = (text: string) => workingNotes(text).map((note) => note.split(":")[0]);
    expect(notes("toConvention(-13, 'rr25', 'put_minus_call') = 13")).toContain("code call");
    expect(notes('The low is fig("btc-low-2026-02-06").')).toEqual(["code call", "ledger id"]);
    expect(notes("Show both with fear pointing one way and say so.")).toEqual(["instruction to the writer", "instruction to the writer"]);
    expect(notes("Never add or chart them as one series.")).toEqual(["instruction to the writer"]);
    expect(notes("Quote it, do not interpret.")).toEqual(["instruction to the writer", "instruction to the writer"]);
    expect(notes("Two reports put the five days at $1.8B.")).toEqual(["one story counted twice"]);
    expect(notes("Sources: Glassnode (btc-absorption-cluster-glassnode).")).toEqual(["ledger id"]);
  });

  test("leave reader-facing prose alone", () => {
    const prose = [
      "The cards say so, and the methodology explains how each measure is defined.",
      "Hover any bar for its value, window, date and source.",
      'Derive\'s Shaun Dawson (printed "Deliv\'s") told Reuters the downside demand was "extreme".',
      "Bloomberg's Mike McGlone said a mean reversion of $10,000 would not be abnormal.",
      "The open interest (527,850 BTC) held; btc-open-interest-rose is not an id."
    ];
    for (const text of prose) expect(workingNotes(text)).toEqual([]);
  });
});

describe("reader text", () => {
  const pages = builtPages(distDir);

  test("covers every built page", () => {
    expect(pages).toContain("/");
    expect(pages.length).toBeGreaterThan(5);
  });

  test.each(pages)("%s shows no working notes", async (path) => {
    const report = await site.open(path, { width: 1280 });
    const notes = workingNotes(await readerText(report.page));
    await report.page.context().close();
    expect(report.problems).toEqual([]);
    // The message lists every note, one a line.
    expect(notes, `working notes on ${path}:\n${notes.join("\n")}\n`).toEqual([]);
  });
});
