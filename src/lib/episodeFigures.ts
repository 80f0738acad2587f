// The articles' own figures for the three sell-offs, and the row of the episode table each sits in:
// one list for the Overview's table and for chartEmbed("episodeTable"). Browser-safe.
import type { EpisodeReported, MeasuredRow } from "../components/episodeComparison.js";
import { claimById } from "./claims.js";
import type { CitedClaim } from "./ledger/types.ts";

interface EpisodeFigure {
  /** A measured row to sit beside, or the label of a row of printed figures only. */
  row: MeasuredRow | string;
  claimId: string;
  bound?: "low" | "high";
  why?: string;
}

const sameLowElsewhere = "Another venue or price feed: the article names none.";

export const EPISODE_FIGURES: readonly { episode: string; figures: readonly EpisodeFigure[] }[] = [
  {
    episode: "oct-2025",
    figures: [{ row: "Bitcoin futures liquidated", claimId: "btc-liquidations-2025-10-rally-71k", why: "For the crash as a whole; no day is printed." }]
  },
  {
    episode: "nov-2025",
    figures: [
      {
        row: "priorHigh",
        claimId: "btc-correction-range-2025-11-21-rally-71k",
        bound: "high",
        why: "The fall's start: lower than the highest high of the weeks before; its day and venue are not printed."
      },
      { row: "low", claimId: "btc-correction-range-2025-11-21-rally-71k", bound: "low", why: sameLowElsewhere },
      { row: "drawdown", claimId: "btc-correction-2025-11-21-rally-71k", why: "Measured from the article's lower start price." },
      { row: "Options skew, put minus call", claimId: "btc-skew-2025-11-21-rally-71k" }
    ]
  },
  {
    episode: "feb-2026",
    figures: [
      { row: "low", claimId: "btc-low-2026-02-06" },
      { row: "low", claimId: "btc-low-2026-02-06-rally-71k", why: sameLowElsewhere },
      { row: "drawdown", claimId: "btc-drawdown-framework-translation", why: "A fall over a window the article does not print, not from the high of the weeks before." },
      { row: "rebound-0", claimId: "btc-rebound-pct-rally-71k", why: "From the article's own low to the price when it was written." },
      { row: "Bitcoin futures liquidated", claimId: "btc-liquidations-5d-rally-71k", why: "Long positions over five days, not one crash." },
      { row: "Options skew, put minus call", claimId: "btc-skew-2026-02-06-rally-71k" }
    ]
  }
];

/** The printed figures of the given episodes, with their ledger rows, for episodeTable. */
export function episodeReported(claims: readonly CitedClaim[], episodes: readonly string[] = EPISODE_FIGURES.map((entry) => entry.episode)): EpisodeReported[] {
  return EPISODE_FIGURES.filter((entry) => episodes.includes(entry.episode)).map(({ episode, figures }) => ({
    episode,
    figures: figures.map(({ claimId, ...figure }) => ({ ...figure, claim: claimById(claims, claimId) }))
  }));
}
