// What loaders read from data/public/: a series' validated rows and the line that credits it.
import { readExtract, readProvenance, publicDir } from "./store.ts";
import { seriesById } from "./series.ts";
import type { ExtractRow } from "./extract.ts";

export interface PublicSource {
  series: string;
  title: string;
  upstream: string;
  /** "owner/name@commit:path", the place a reader can check the rows against. */
  mirror: string;
  licence: string;
}

export function publicRows(id: string, dir: string = publicDir()): ExtractRow[] {
  return readExtract(id, dir);
}

export function publicSource(id: string, dir: string = publicDir()): PublicSource {
  const spec = seriesById(id);
  const row = readProvenance(dir).find((candidate) => candidate.series === id);
  if (!row) throw new Error(`data/public/provenance.csv has no row for series ${id}`);
  return { series: id, title: spec.title, upstream: row.upstream, mirror: `${row.repo}@${row.commit}:${row.path}`, licence: row.licence };
}

export { COIN_METRICS_ATTRIBUTION } from "./attribution.ts";
