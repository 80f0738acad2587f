import type { LoadFigures, TargetFigure } from "./pageFigures.ts";

export interface TableRow {
  page: string;
  figures: LoadFigures;
  /** Figures to mark as missing their target. */
  misses?: ReadonlySet<TargetFigure>;
}

const kB = (bytes: number | null) => (bytes === null ? null : (bytes / 1000).toFixed(1));
const seconds = (value: number | null) => (value === null ? null : value.toFixed(2));

const COLUMNS: { heading: string; cell: (figures: LoadFigures) => string | null; target?: TargetFigure }[] = [
  { heading: "HTML kB", cell: (figures) => kB(figures.bytes.html) },
  { heading: "JS kB", cell: (figures) => kB(figures.bytes.js), target: "js" },
  { heading: "CSS kB", cell: (figures) => kB(figures.bytes.css) },
  { heading: "data kB", cell: (figures) => kB(figures.bytes.data) },
  { heading: "paint s", cell: (figures) => seconds(figures.firstPaintSeconds) },
  { heading: "text s", cell: (figures) => seconds(figures.textSeconds) },
  { heading: "chart s", cell: (figures) => seconds(figures.chartSeconds), target: "chartSeconds" },
  { heading: "live s", cell: (figures) => seconds(figures.liveSeconds) },
  { heading: "CLS", cell: (figures) => figures.layoutShift.toFixed(3), target: "layoutShift" },
  { heading: "JS before chart kB", cell: (figures) => kB(figures.jsBeforeChartBytes), target: "jsBeforeChartBytes" }
];

export const MISS_MARK = "*";

/**
 * The figures as a plain-text table, one row per page and the baseline last, below a rule.
 * A figure that did not occur (no chart) shows as "—"; one that misses its target ends in "*".
 */
export function formatTable(rows: readonly TableRow[], baseline: TableRow): string {
  const cells = (row: TableRow) => [
    row.page,
    ...COLUMNS.map((column) => `${column.cell(row.figures) ?? "—"}${column.target && row.misses?.has(column.target) ? MISS_MARK : " "}`)
  ];
  const header = ["page", ...COLUMNS.map((column) => `${column.heading} `)];
  const body = rows.map(cells);
  const last = cells(baseline);
  const widths = header.map((_, i) => Math.max(...[header, ...body, last].map((line) => line[i]!.length)));
  const format = (line: string[]) => line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ").trimEnd();
  const rule = "-".repeat(format(header).length);
  return [format(header), rule, ...body.map(format), rule, format(last)].join("\n");
}
