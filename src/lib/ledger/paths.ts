import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, found from this file so loaders work from any cwd. */
export const PROJECT_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export const DEFAULT_DATA_DIR = path.join(PROJECT_ROOT, "data");

/** The source articles live beside the repository, in ../shared/seeds; REPORT_SEEDS_DIR points elsewhere (a project copy in a temporary folder). */
export const DEFAULT_SEEDS_DIR = process.env.REPORT_SEEDS_DIR ? path.resolve(process.env.REPORT_SEEDS_DIR) : path.resolve(PROJECT_ROOT, "../shared/seeds");

/** A path as a researcher would type it: relative to the project root when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(PROJECT_ROOT, file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative.split(path.sep).join("/");
}
