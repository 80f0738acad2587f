// Scorecard thresholds from data/scorecard-thresholds.csv, validated against the ledger and the
// articles: ScorecardThreshold[] (see src/lib/scorecard.ts).
import { loadThresholds } from "../lib/scorecardData.ts";

process.stdout.write(JSON.stringify(loadThresholds()));
