import { serveSite, type StaticSite } from "../../scripts/staticSite.ts";

export type { StaticSite };

/** Serves a built dist/ folder under a sub-path, so that a link that assumes the site root fails a test. */
export function serveStatic(root: string, basePath = "/report/"): Promise<StaticSite> {
  return serveSite(root, { basePath });
}
