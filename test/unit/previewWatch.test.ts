import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { COMMENTARY_LOADER, CONFIG_FILE, localImportGraph, watchPlan, type WatchState } from "../../src/lib/previewWatch.ts";
import { projectRoot } from "../support/tempProject.ts";

const context = { loaders: ["src/data/claims.json.ts", COMMENTARY_LOADER], configModules: new Set(["src/lib/commentary.ts", "src/lib/chartNames.ts"]) };
const shown: WatchState = { shown: "notes-v1", configStale: false };
const broken = { error: "src/commentary/x.md:4:7: front matter field \"date\" \"2026-02-30\" is not a calendar date" };

describe("watchPlan", () => {
  test("a new note, or a front-matter change, re-reads the config and reruns the commentary loader", () => {
    const plan = watchPlan(["src/commentary/new.md"], { fingerprint: "notes-v2" }, shown, context);
    expect(plan.touch.sort()).toEqual([CONFIG_FILE, COMMENTARY_LOADER].sort());
    expect(plan.messages).toEqual(["commentary changed: the sidebar and the overview's list are updated"]);
    expect(plan.state).toEqual({ shown: "notes-v2", configStale: false });
  });

  test("an edit to a note's text alone is left to Framework, which re-renders the page", () => {
    expect(watchPlan(["src/commentary/old.md", "src/commentary/old.md"], { fingerprint: "notes-v1" }, shown, context)).toEqual({ touch: [], messages: [], state: shown });
  });

  test("a ledger edit reruns every data loader and re-reads the config", () => {
    const plan = watchPlan(["data/claims.csv"], { fingerprint: "notes-v1" }, shown, context);
    expect(plan.touch.sort()).toEqual([...context.loaders, CONFIG_FILE].sort());
    expect(plan.messages).toEqual(["data/claims.csv changed: the data loaders run again for the pages that use them"]);
  });

  test("a broken note is reported and the config left alone, so the preview keeps the last good sidebar", () => {
    const plan = watchPlan(["src/commentary/x.md"], broken, shown, context);
    expect(plan.touch).toEqual([]);
    expect(plan.messages).toEqual([`${broken.error}\nthe sidebar and the overview's list keep the last good notes until this is fixed`]);
    expect(plan.state).toEqual(shown);
  });

  test("a ledger edit while a note is broken reaches the config once the note is fixed", () => {
    const whileBroken = watchPlan(["data/claims.csv"], broken, shown, context);
    expect(whileBroken.touch).not.toContain(CONFIG_FILE);
    expect(whileBroken.state.configStale).toBe(true);
    const fixed = watchPlan(["src/commentary/x.md"], { fingerprint: "notes-v1" }, whileBroken.state, context);
    expect(fixed.touch).toContain(CONFIG_FILE);
    expect(fixed.state).toEqual(shown);
  });

  test("an edit to a module the config loaded says to restart, naming it; other modules only rerun the loaders", () => {
    const plan = watchPlan(["src/lib/chartNames.ts", "src/lib/metrics/time.ts"], { fingerprint: "notes-v1" }, shown, context);
    expect(plan.touch.sort()).toEqual([...context.loaders].sort());
    expect(plan.messages).toEqual(["restart npm run dev to see src/lib/chartNames.ts in the sidebar, the footer or the commentary checks: observablehq.config.ts loaded it when the preview started"]);
  });
});

describe("localImportGraph", () => {
  const read = (file: string) => (existsSync(join(projectRoot, file)) ? readFileSync(join(projectRoot, file), "utf8") : null);

  test("follows the config's local imports through the modules they import", () => {
    const modules = localImportGraph(CONFIG_FILE, read);
    expect(modules).toContain("src/lib/commentary.ts");
    expect(modules).toContain("src/lib/chartNames.ts");
    expect(modules).toContain("src/lib/ledger/load.ts");
    expect(modules).not.toContain("src/lib/previewWatch.ts");
  });

  test("resolves .js specifiers to .ts files and ../ paths", () => {
    const files: Record<string, string> = {
      "a.ts": 'import { b } from "./lib/b.js";',
      "lib/b.ts": 'export { c } from "../c.ts";\nconst d = await import("./d.js");',
      "c.ts": "export const c = 1;",
      "lib/d.ts": "export default 1;"
    };
    expect([...localImportGraph("a.ts", (file) => files[file] ?? null)].sort()).toEqual(["c.ts", "lib/b.ts", "lib/d.ts"]);
  });
});
