// Commentary notes that embed report charts by name, for the chartEmbed browser test and
// scripts/chart-pictures.ts. They go into a temporary project copy, never into src/.
import { EMBEDDABLE_CHART_NAMES } from "../../src/lib/chartNames.ts";
import { everyChartEmbed } from "../../src/components/embeds/registry.ts";

const CHART_EMBEDS = await everyChartEmbed();

export interface Embed {
  chart: string;
  /** Left out: the chart as its page draws it. */
  options?: Record<string, unknown>;
}

/** A note with only the four required fields, embedding each chart in its own cell. */
export function embedNote(title: string, embeds: readonly Embed[]): string {
  const cells = embeds.map(({ chart, options }) => `\`\`\`js\nchartEmbed(${JSON.stringify(chart)}${options ? `, ${JSON.stringify(options)}` : ""})\n\`\`\``);
  return [
    "---",
    `title: ${title}`,
    "author: Test Researcher",
    "date: 2099-01-01",
    "summary: Report charts embedded by name.",
    "---",
    "",
    `# ${title}`,
    "",
    "```js",
    'import { chartEmbed } from "../components/chartEmbed.js";',
    "```",
    "",
    ...cells.flatMap((cell) => [cell, ""])
  ].join("\n");
}

/** Every chart, with the options its registry entry gives as an example. */
export const EVERY_EXAMPLE: readonly Embed[] = EMBEDDABLE_CHART_NAMES.map((chart) => ({ chart, options: CHART_EMBEDS[chart].example }));

/** Every chart a page draws, with no options: it should match its page. */
export const EVERY_DEFAULT: readonly Embed[] = EMBEDDABLE_CHART_NAMES.filter((chart) => CHART_EMBEDS[chart].pages.length > 0).map((chart) => ({ chart }));
