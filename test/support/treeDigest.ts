import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Every file under `dir` (relative path → sha256 of its bytes), sorted by path; null when the
 * folder does not exist. Fault tests compare the digest before and after a failure to show
 * that the snapshot, the extracts and dist/ are byte-for-byte unchanged.
 */
export function treeDigest(dir: string): Record<string, string> | null {
  if (!existsSync(dir)) return null;
  const digest: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else digest[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(dir);
  return digest;
}
