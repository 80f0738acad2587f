import { episodeReported } from "../../lib/episodeFigures.js";
import { episodeTable } from "../episodeComparison.js";
import { someOf } from "./options.js";
import { episodeIds } from "./overview.js";
import { defineChart } from "./spec.js";

export const episodeTableEmbed = defineChart(["episodes", "claims"])({
  about: "The three sell-offs measured on the daily series (low day, prior high, fall, rebounds, DVOL, funding), with the articles' own figures under each value.",
  pages: ["/"],
  fixedWidth: true,
  options: { episodes: someOf('which sell-offs, one column each: `"oct-2025"`, `"nov-2025"`, `"feb-2026"`; default all three.', episodeIds) },
  example: { episodes: ["oct-2025", "feb-2026"] },
  draw({ episodes: data, claims }, { episodes }) {
    return episodeTable(
      data.episodes.filter((episode) => episodes.includes(episode.id)),
      {
        lookbackDays: data.rules.lookbackDays,
        sources: [data.sources.daily, data.sources.hourly, data.sources.dvol, data.sources.funding],
        reported: episodeReported(claims, episodes)
      }
    );
  }
});
