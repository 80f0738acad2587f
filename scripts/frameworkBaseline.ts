// The baseline of npm run bench:pages: what a user of Framework gets for a page with one Plot
// chart, built in a throwaway folder with this project's Framework and Plot.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

export const BASELINE_DESCRIPTION =
  "a bare Framework project: one page with a paragraph and display(Plot.lineY([1, 3, 2]).plot()), Plot imported " +
  "from node_modules (the implicit npm: import would need the network at build time); Framework's default config " +
  "and theme except globalStylesheets: [] (the default loads a font from a CDN)";

const PAGE = `# A chart

A paragraph of text, long enough to count as the page's first paragraph, above a chart of three values.

\`\`\`js
import * as Plot from "@observablehq/plot";
\`\`\`

\`\`\`js
display(Plot.lineY([1, 3, 2]).plot());
\`\`\`
`;

const CONFIG = "export default { globalStylesheets: [] };\n";

export interface BaselineSite {
  dist: string;
  remove(): void;
}

/** Builds the baseline page with the Framework in `projectRoot`'s node_modules; rejects with its output when the build fails. */
export async function buildBaseline(projectRoot: string): Promise<BaselineSite> {
  const dir = mkdtempSync(join(tmpdir(), "bench-baseline-"));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "src/index.md"), PAGE);
    writeFileSync(join(dir, "observablehq.config.js"), CONFIG);
    symlinkSync(join(projectRoot, "node_modules"), join(dir, "node_modules"), "dir");
    const framework = createRequire(join(projectRoot, "package.json")).resolve("@observablehq/framework/dist/bin/observable.js");
    await promisify(execFile)(process.execPath, [framework, "build"], { cwd: dir, maxBuffer: 16 * 1024 * 1024 }).catch((error: Error & { stdout?: string; stderr?: string }) => {
      throw new Error(`the baseline's Framework build failed:\n${error.stdout ?? ""}${error.stderr ?? error.message}`);
    });
    return { dist: join(dir, "dist"), remove };
  } catch (error) {
    remove();
    throw error;
  }
}
