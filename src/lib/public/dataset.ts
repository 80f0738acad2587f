// One public series as a loader emits it: its validated rows and the line that credits it.
import type { ExtractRow } from "./extract.ts";
import { publicRows, publicSource, type PublicSource } from "./load.ts";

export interface PublicDataset<Row = ExtractRow> {
  source: PublicSource;
  rows: Row[];
}

export function publicDataset(id: string): PublicDataset {
  return { source: publicSource(id), rows: publicRows(id) };
}
