// Words the adapters put in titles and labels. Browser-safe.
import { claimPublisher, creditedParties, formatClaimValue, periodWords } from "../../lib/claims.js";
import type { CitedClaim } from "../../lib/ledger/types.js";
import { shortUtcDay } from "../../lib/metrics/time.js";
import { claimWhen } from "../reportedBound.js";
import type { DayRange } from "./options.js";

/** "Feb 4 to Feb 7, 2026", or "Dec 20, 2025 to Feb 7, 2026" across a new year. */
export function spanWords({ from, to }: DayRange): string {
  const [fromYear, toYear] = [from.slice(0, 4), to.slice(0, 4)];
  return fromYear === toYear ? `${shortUtcDay(from)} to ${shortUtcDay(to)}, ${toYear}` : `${shortUtcDay(from)}, ${fromYear} to ${shortUtcDay(to)}, ${toYear}`;
}

/** A level named by its ledger metric and figure, "key level $70,000", unless the note gives the words. */
export function levelLabel(claim: CitedClaim, words: Record<string, string>): string {
  return `${words[claim.id] ?? claim.metric.replaceAll("_", " ")} ${formatClaimValue(claim)}`;
}

/** A short row label for a reported figure, one fact a line: who, when, over what span; or the note's words. */
export function figureLabel(claim: CitedClaim, words: Record<string, string>): string {
  return words[claim.id] ?? [creditedParties(claim) ?? claimPublisher(claim), claimWhen(claim), periodWords(claim)].filter((part) => part !== "").join("\n");
}
