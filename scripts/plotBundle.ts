// Builds src/components/plot/used.ts, the Plot marks and d3 helpers the charts use, into one
// tree-shaken module, src/components/plot/index.js, that the pages load instead of all of Plot
// and d3. Run on `npm install`, and before every build, preview and unit test run, so a name
// added to used.ts is there at once. The file is rewritten only when its content changes, so a
// running preview does not reload for nothing.
import { build } from "esbuild";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("../src/components/plot/used.ts", import.meta.url));
export const PLOT_BUNDLE = fileURLToPath(new URL("../src/components/plot/index.js", import.meta.url));

// Plot and d3 are ISC-licensed, and their sources carry no notice of their own for esbuild to keep.
const licences = ["@observablehq/plot", "d3"].map((name) => {
  const manifest = new URL(`../node_modules/${name}/package.json`, import.meta.url);
  const { version, license } = JSON.parse(readFileSync(manifest, "utf8")) as { version: string; license: string };
  return `${name} ${version} (${license} licence)`;
});

/** Writes the bundle if it is missing or out of date; returns whether it wrote. */
export async function writePlotBundle(): Promise<boolean> {
  const { outputFiles } = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    banner: { js: `/* Built from ${licences.join("; ")} */` },
    logLevel: "error"
  });
  const code = outputFiles[0]!.text;
  if (existsSync(PLOT_BUNDLE) && readFileSync(PLOT_BUNDLE, "utf8") === code) return false;
  writeFileSync(`${PLOT_BUNDLE}.tmp`, code);
  renameSync(`${PLOT_BUNDLE}.tmp`, PLOT_BUNDLE);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await writePlotBundle();
