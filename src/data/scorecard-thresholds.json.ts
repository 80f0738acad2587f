// Scorecard thresholds from data/scorecard-thresholds.csv, validated against the ledger:
// ScorecardThreshold[] (see src/lib/scorecard.ts).
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { loadLedger } from "../lib/ledger/load.ts";
import { PROJECT_ROOT } from "../lib/ledger/paths.ts";
import { parseThresholds } from "../lib/scorecard.ts";

const text = readFileSync(`${PROJECT_ROOT}data/scorecard-thresholds.csv`, "utf8");
process.stdout.write(JSON.stringify(parseThresholds(csvParse(text), loadLedger().claims)));
