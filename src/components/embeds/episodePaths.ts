import { episodePaths } from "../episodeComparison.js";
import { someOf } from "./options.js";
import { episodeIds } from "./overview.js";
import { defineChart } from "./spec.js";

export const episodePathsEmbed = defineChart(["episodes"])({
  about: "Daily closes around each sell-off's low (October 2025, November 2025, February 2026), against the high before it.",
  pages: ["/"],
  options: { episodes: someOf('which sell-offs: `"oct-2025"`, `"nov-2025"`, `"feb-2026"`; default all three.', episodeIds) },
  example: { episodes: ["nov-2025", "feb-2026"] },
  draw({ episodes: data }, { episodes }, width) {
    const chosen = data.episodes.filter((episode) => episodes.includes(episode.id));
    return episodePaths(
      data.paths.filter((row) => episodes.includes(row.episode)),
      { width, episodes: chosen, pathDays: data.rules.pathDays, sources: [data.sources.daily] }
    );
  }
});
