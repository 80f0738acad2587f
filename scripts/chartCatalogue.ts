// The "Charts you can embed" section of docs/authoring.md, written from the chart registry so that
// the names, options and examples it lists are the ones chartEmbed accepts. Used by
// scripts/chart-pictures.ts, which rewrites the section, and by a unit test that compares it.
import config from "../observablehq.config.ts";
import { everyChartEmbed } from "../src/components/embeds/registry.ts";
import { DATA_FILES } from "../src/components/embeds/spec.ts";
import { EMBEDDABLE_CHART_NAMES } from "../src/lib/chartNames.ts";

const CHART_EMBEDS = await everyChartEmbed();

export const CATALOGUE_HEADING = "## Charts you can embed";

/** Where the pictures live, relative to docs/. */
export const pictureFile = (chart: string) => `images/charts/${chart}.png`;

interface PageSpec {
  name: string;
  path?: string;
  pages?: PageSpec[];
}

const pageNames = new Map<string, string>(
  (config.pages as PageSpec[]).flatMap(function flatten(page): [string, string][] {
    return [...(page.path ? [[page.path.replace(/^\/(?=.)/, ""), page.name] as [string, string]] : []), ...(page.pages ?? []).flatMap(flatten)];
  })
);

/** An option value as a note writes it: `{ range: ["2026-02-01", "2026-02-10"] }`. */
export function jsValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsValue).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${jsValue(item)}`);
    return `{ ${entries.join(", ")} }`;
  }
  return JSON.stringify(value);
}

export function embedCall(chart: string, options: Record<string, unknown>): string {
  return `chartEmbed(${JSON.stringify(chart)}${Object.keys(options).length > 0 ? `, ${jsValue(options)}` : ""})`;
}

function chartEntry(chart: (typeof EMBEDDABLE_CHART_NAMES)[number]): string {
  const spec = CHART_EMBEDS[chart];
  const where = spec.pages.length > 0 ? `Drawn on: ${spec.pages.map((path) => pageNames.get(path) ?? path).join(", ")}.` : "Drawn on no page.";
  const options = Object.entries(spec.optionDocs);
  return [
    `### ${chart}`,
    "",
    `${spec.about} ${where} Loads ${spec.needs.map((key) => `\`${DATA_FILES[key]}\``).join(", ")}.`,
    "",
    ...(options.length > 0 ? ["| option | what it chooses |", "| --- | --- |", ...options.map(([name, doc]) => `| \`${name}\` | ${doc.replaceAll("|", "\\|")} |`), ""] : []),
    "```js",
    embedCall(chart, spec.example),
    "```",
    "",
    `![${chart}, drawn by the example above](${pictureFile(chart)})`
  ].join("\n");
}

export function chartCatalogue(): string {
  return [
    CATALOGUE_HEADING,
    "",
    "Every chart of the report can be drawn in a note by name, with the same caption, sources and",
    "credits as on its page. Import `chartEmbed` once, then give each chart a cell of its own holding",
    "only the call; the chart is drawn at the width of the page:",
    "",
    "````md",
    "```js",
    'import { chartEmbed } from "../components/chartEmbed.js";',
    "```",
    "",
    "```js",
    embedCall("pricePath", { range: ["2026-02-01", "2026-02-10"] }),
    "```",
    "````",
    "",
    "- The first argument is the chart's name, written as a string literal: the build checks every",
    "  name in a note against the list below (`src/lib/chartNames.ts`) and stops at an unknown one.",
    "- The second, optional, holds its options. A chart with none given is drawn as on its page.",
    "  Ledger figures are chosen by id (find them on the Sources page or in `data/claims.csv`).",
    "- A bad option fails the cell with the chart, the option and the values to use, for example",
    '  `chartEmbed("skewReadings"): option "conventions" has "call_minus_put", which is not one of its values; use some of: "rr25", "put_minus_call"`.',
    "- Each chart loads only the files it lists below.",
    "- A cell holding only the call, with options written as literals (strings, numbers, lists,",
    "  `{ … }`), is also drawn when the site is built: the chart shows with the text, and to",
    "  readers without JavaScript, and the live chart takes its place at the same size once the",
    "  page's scripts have loaded. A chart whose options name a variable of the note, or one inside",
    "  `display(…)` or `resize(…)`, is drawn in the browser only.",
    '- A range can end on `"last"`, the last day of the chart\'s data: `{ range: ["2026-01-01", "last"] }`.',
    "- The form notes used before still works for the charts of ledger figures that had it",
    "  (`priceWaypoints`, `openInterestUsdVsBtc`, `openInterestScopes`, `skewReadings`, `basisVsNeutral`,",
    "  `longShortRatios`, `liquidationTotals`, `liquidationsBySide`, `etfFlows`), with claims the note",
    '  has loaded: `display(resize((width) => chartEmbed("etfFlows", claims, ids, { width })))` draws what',
    '  `chartEmbed("etfFlows", { ids })` draws.',
    "- The scorecard's cards, the Overview's key readings and the Methodology's notes tables are not",
    "  charts and cannot be embedded; cite their figures with `citedFigure`.",
    "",
    "The charts, in the order of the site's pages; each entry below gives its options, an example and",
    "a picture of what the example draws (made by `npm run chart-pictures`, which builds a copy of the",
    "project with a note embedding every chart and rewrites this section):",
    "",
    "| chart | what it draws |",
    "| --- | --- |",
    ...EMBEDDABLE_CHART_NAMES.map((chart) => `| [\`${chart}\`](#${chart.toLowerCase()}) | ${CHART_EMBEDS[chart].about} |`),
    "",
    ...EMBEDDABLE_CHART_NAMES.flatMap((chart) => [chartEntry(chart), ""])
  ].join("\n");
}
