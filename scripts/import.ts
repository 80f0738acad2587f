// npm run import -- <series> <upstream file> --commit <40-hex commit> [--part]
// Reads an upstream file as published, validates and converts it, trims it to the window and
// writes data/public/<series>.csv with its provenance row; on any problem it writes nothing.
// One import at a time (data/.public.lock); data/public/ is replaced whole.
import { readFileSync } from "node:fs";
import path from "node:path";
import { acquireLock } from "../src/lib/files/lock.ts";
import { onStop } from "../src/lib/files/onStop.ts";
import { removeLeftovers } from "../src/lib/files/replaceFolder.ts";
import { displayPath } from "../src/lib/ledger/paths.ts";
import { DataError, formatExtract, parseUpstream } from "../src/lib/public/extract.ts";
import { SERIES, seriesById } from "../src/lib/public/series.ts";
import { publicDir, READ_PART, READ_WHOLE, sha256, writeExtract } from "../src/lib/public/store.ts";
import { PUBLIC_WINDOW } from "../src/lib/window.ts";

const USAGE = `usage: npm run import -- <series> <file> --commit <40-hex commit> [--part]
  --part   the file holds the upstream header and the window's lines only (no whole-file checksum)
series: ${SERIES.map((series) => series.id).join(", ")}`;

function main(argv: string[]): number {
  const positional = argv.filter((arg, i) => !arg.startsWith("--") && argv[i - 1] !== "--commit");
  const commit = argv[argv.indexOf("--commit") + 1];
  const [id, file] = positional;
  if (!id || !file || !argv.includes("--commit") || !commit || !/^[0-9a-f]{40}$/.test(commit)) {
    console.error(USAGE);
    return 2;
  }
  const part = argv.includes("--part");
  const dir = publicDir();
  try {
    const lock = acquireLock(dir, "npm run import");
    process.on("exit", lock.release);
    onStop(lock.release);
    if (lock.tookOver) console.error(lock.tookOver);
    for (const line of removeLeftovers(dir)) console.error(line);
    const spec = seriesById(id);
    const text = readFileSync(file, "utf8");
    const rows = parseUpstream(spec, text, file, PUBLIC_WINDOW);
    if (rows.length === 0) throw new DataError([{ file, line: 1, column: 1, message: `no rows inside the window ${PUBLIC_WINDOW.start} to ${PUBLIC_WINDOW.end}` }]);
    const row = writeExtract(dir, spec, formatExtract(spec, rows), rows, {
      commit,
      read: part ? READ_PART : READ_WHOLE,
      sourceSha256: part ? null : sha256(readFileSync(file)),
    });
    console.log(`${row.series}: ${row.rows} rows, ${row.first} to ${row.last}, written to ${displayPath(path.join(dir, row.file))}`);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    console.error("nothing was written");
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
