// Which signals turned after the crash: each scorecard bucket's reading beside what the committed
// public series and the undated follow-up show later (SignalTurns, see src/lib/scorecard.ts),
// with `credits`, the public series it was computed from.
import { loadSignalTurns } from "../lib/scorecardData.ts";

process.stdout.write(JSON.stringify(loadSignalTurns()));
