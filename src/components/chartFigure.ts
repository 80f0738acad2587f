import { claimAttribution, claimDate, claimPublisher, formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { appendDataCredit, dataCredit, endpointCredits, publicSeriesCredits } from "../lib/public/credits.js";
import type { PublicSource } from "../lib/public/load.js";

/** What a src/data/market-*.json loader emits (see src/lib/snapshot/loader.ts). */
export interface MarketDataset<Row = Record<string, unknown>> {
  dataset: string;
  mode: "snapshot" | "live" | "public" | "absent";
  asOf: string | null;
  meta: { sources: { source: string; endpoint: string }[]; method: string } | null;
  rows: Row[];
}

export interface ChartFigureOptions {
  /** Short title shown above the chart. */
  title?: string;
  /** File name (without extension) for the CSV download. */
  filename: string;
  /** Market series drawn over the reported figures; those with no rows are left out of the caption. */
  market?: MarketDataset<object> | readonly MarketDataset<object>[];
  /** Series drawn from the public extracts (data/public/), credited to their upstream and mirror. */
  public?: PublicData | readonly PublicData[];
}

/** Rows computed from public extracts, with the series they came from. */
export interface PublicData {
  /** Names the CSV download: "hourly", "funding". */
  dataset: string;
  rows: readonly object[];
  sources: readonly PublicSource[];
}


// Components are served from <site root>/_import/components/, wherever the site is published.
const siteRootPath = new URL("../../", import.meta.url).pathname;

/**
 * The way from a page to the site root: "./" from a top-level page, "../" from one a folder
 * down (commentary/…). Links drawn at run time are not rewritten by the build, so they add it.
 */
export function pathToRoot(pagePath: string, rootPath: string = siteRootPath): string {
  if (!pagePath.startsWith(rootPath)) return "./";
  const depth = pagePath.slice(rootPath.length).split("/").length - 1;
  return depth === 0 ? "./" : "../".repeat(depth);
}

/** The sources page, linked from the page being drawn. */
const sourcesPage = () => `${pathToRoot(globalThis.location?.pathname ?? "")}sources`;

/** Link to a claim's entry on the sources page; the anchor is stable per claim id. */
export function claimHref(id: string): string {
  return `${sourcesPage()}#claim-${id}`;
}

/** Link to several claims' entries: the sources page opens them all and shows the first. */
export function claimsHref(ids: readonly string[]): string {
  return ids.length === 1 ? claimHref(ids[0]!) : `${sourcesPage()}?figures=${ids.map(encodeURIComponent).join(",")}#claim-${ids[0]}`;
}

export { claimAttribution };

/** Tip channels for a mark drawn from claims: the figure as stated, its date and its source. */
export const claimTipChannels = {
  figure: (claim: CitedClaim) => formatClaimValue(claim),
  date: (claim: CitedClaim) => claimDate(claim),
  source: (claim: CitedClaim) => claimAttribution(claim)
};

/**
 * A caption naming who reported the drawn claims in words ("CoinGlass via an unnamed outlet"),
 * each name linking to its figures' entries on the sources page.
 */
export function sourceCaption(claims: readonly CitedClaim[]): HTMLElement {
  const caption = document.createElement("figcaption");
  caption.className = "chart-caption";
  // A chart drawn from market or public data alone names its sources in their own lines.
  if (claims.length === 0) {
    caption.append("Dates in UTC.");
    return caption;
  }
  const byAttribution = new Map<string, string[]>();
  for (const claim of claims) {
    const key = claimAttribution(claim);
    const ids = byAttribution.get(key) ?? [];
    if (!ids.includes(claim.id)) ids.push(claim.id);
    byAttribution.set(key, ids);
  }
  caption.append(byAttribution.size === 1 ? "Source: " : "Sources: ");
  [...byAttribution].forEach(([attribution, ids], i) => {
    if (i > 0) caption.append("; ");
    const link = document.createElement("a");
    link.href = claimsHref(ids);
    link.textContent = attribution;
    caption.append(link);
  });
  caption.append(". Dates in UTC.");
  return caption;
}

const csvColumns = ["id", "metric", "asset", "side", "kind", "value", "low", "high", "label", "unit", "asOf", "period", "attributedTo", "outlet", "quote"] as const;

function csvCell(value: unknown): string {
  const text = value == null ? "" : String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The drawn claims as CSV, one row per claim, with the quote that shows each figure. */
export function claimsCsv(claims: readonly CitedClaim[]): string {
  const rows = claims.map((claim) =>
    csvColumns.map((column) => csvCell(column === "outlet" ? claimPublisher(claim) : claim[column])).join(",")
  );
  return [csvColumns.join(","), ...rows].join("\n") + "\n";
}

/** Market rows as CSV, with the union of their fields as columns. */
export function rowsCsv(rows: readonly object[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const lines = rows.map((row) => columns.map((column) => csvCell((row as Record<string, unknown>)[column])).join(","));
  return [columns.join(","), ...lines].join("\n") + "\n";
}

function downloadLink(csv: string, filename: string, label: string): HTMLAnchorElement {
  const link = document.createElement("a");
  link.className = "chart-download";
  link.download = `${filename}.csv`;
  link.href = `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
  link.textContent = label;
  return link;
}

/**
 * "Deribit public/get_tradingview_chart_data (snapshot, fetched 2026-03-02 10:00 UTC)", or for
 * a public extract "Yahoo Finance BTC-USD (hourly) via owner/name@commit:path (public dataset extract)".
 */
export function marketAttribution(market: MarketDataset<object>): string {
  const endpoints = (market.meta?.sources ?? []).map(({ source, endpoint }) => `${source} ${endpoint}`);
  const when = market.asOf ? `, fetched ${market.asOf.slice(0, 16).replace("T", " ")} UTC` : "";
  const mode = market.mode === "public" ? "public dataset extract" : market.mode;
  return `${endpoints.join("; ") || market.dataset} (${mode}${when})`;
}

/** One credit per series: "Yahoo Finance ^GSPC via owner/name@commit:path (licence: …)". */
export function publicCredits(sources: readonly PublicSource[]): string[] {
  return sources.map((source) => `${source.upstream} via ${source.mirror} (licence: ${source.licence})`);
}

/** Wraps a chart in a figure with its title, a source caption and a CSV download of its data. */
export function chartFigure(chart: Element, claims: readonly CitedClaim[], options: ChartFigureOptions): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = "report-chart";
  if (options.title) {
    const title = document.createElement("h3");
    title.textContent = options.title;
    figure.append(title);
  }
  const caption = sourceCaption(claims);
  const markets = [options.market ?? []].flat().filter((market) => market.rows.length > 0);
  const publicData = [options.public ?? []].flat();
  const publicSources = [...new Map(publicData.flatMap((data) => data.sources).map((source) => [source.series, source])).values()];
  const downloads = [
    ...(claims.length > 0 ? [downloadLink(claimsCsv(claims), options.filename, "Download reported figures (CSV)")] : []),
    ...markets.map((market) => downloadLink(rowsCsv(market.rows), `${options.filename}-${market.dataset}`, `Download ${market.dataset} series (CSV)`)),
    ...publicData.map((data) => downloadLink(rowsCsv(data.rows), `${options.filename}-${data.dataset}`, `Download ${data.dataset} series (CSV)`)),
  ];
  downloads.forEach((link, i) => caption.append(i === 0 ? " " : " · ", link));
  figure.append(chart, caption);
  // Market data are credited in words (who measured them); repositories, commits and paths sit behind a disclosure.
  const series = [...markets.flatMap((market) => endpointCredits(market.meta?.sources ?? [])), ...publicSeriesCredits(publicSources)];
  if (series.length > 0) {
    const capturedAt = markets.find((market) => market.mode !== "public")?.asOf;
    const captured = markets.some((market) => market.mode !== "public") ? `captured from the APIs${capturedAt ? ` on ${capturedAt.slice(0, 10)}` : ""}` : undefined;
    appendDataCredit(figure, dataCredit(series, { use: "computed", ...(captured ? { captured } : {}) }));
  }
  return figure;
}
