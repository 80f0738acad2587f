import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";

const root = new URL("../../", import.meta.url);
const rows = csvParse(readFileSync(new URL("data/claims.csv", root), "utf8"));
process.stdout.write(JSON.stringify(rows.map((r, i) => ({ ...r, value: Number(r.value), asOf: r.as_of, line: i + 2, source: { id: r.source_id, outlet: "x" } }))));
