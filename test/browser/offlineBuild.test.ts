import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, expect, test } from "vitest";
import { makeTempProject, projectRoot } from "../support/tempProject.ts";

const project = makeTempProject();
afterAll(() => project.remove());

// Framework writes each data file's modification time into the pages (FileAttachment's
// lastModified), and into the hash that names a module attaching a data loader's output
// (src/components/chartEmbed.ts): those are the only things allowed to differ between two
// builds. Scripts are compared by their contents, without the hash in their names.
const moduleHash = /([\w/.-]+?)\.[0-9a-f]{8}\.js/g;
const withoutFileTimes = (content: Buffer) => content.toString("latin1").replace(/"lastModified":\d+/g, '"lastModified":0').replace(moduleHash, "$1.js");

function fingerprint(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(root, path).replace(moduleHash, "$1.js")] = createHash("sha256").update(withoutFileTimes(readFileSync(path))).digest("hex");
    }
  };
  walk(root);
  return files;
}

test("the build reaches no other host and reproduces dist/", async () => {
  const noNetwork = join(projectRoot, "test/support/no-network.cjs");
  await project.build({ NODE_OPTIONS: `--require ${noNetwork}` });
  // dist/ was built by `npm run build` from the same tree just before the browser tests.
  expect(fingerprint(join(project.dir, "dist"))).toEqual(fingerprint(join(projectRoot, "dist")));
});
