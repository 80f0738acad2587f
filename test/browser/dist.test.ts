import { join } from "node:path";
import { expect, test } from "vitest";
import { scanSite } from "../support/offsite.ts";
import { projectRoot } from "../support/tempProject.ts";

test("the built site references no off-site resource", () => {
  expect(scanSite(join(projectRoot, "dist"))).toEqual([]);
});
