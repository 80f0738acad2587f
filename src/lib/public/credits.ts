// A chart's data credit in words a reader knows ("Yahoo Finance, 10 daily series"), with the
// repositories, commits and paths behind a disclosure. Browser-safe.
import { requiredAttributions } from "./attribution.js";
import type { PublicSource } from "./load.js";

/** Who measured the data, by how its upstream (or API source) name begins; the first match wins. */
const PROVIDERS: readonly [prefix: string, name: string][] = [
  ["yahoo finance", "Yahoo Finance"],
  ["binance", "Binance"],
  ["coin metrics", "Coin Metrics"],
  ["alternative.me", "Alternative.me"],
  ["cboe", "Cboe"],
  ["us energy information administration", "the US Energy Information Administration"],
  ["coinbase via fred", "Coinbase via FRED"],
  ["coinbase", "Coinbase Exchange"],
  ["fred", "FRED"],
  ["deribit", "Deribit"],
  ["mempool", "mempool.space"],
];

/** One series behind a chart: who measured it, and where exactly it was read. */
export interface CreditedSeries {
  /** The provider's name, or the series' own title when its mirror does not name one. */
  provider: string;
  /** "Silver futures, Yahoo Finance SI=F: data/SI=F.csv in flippe2/blank-app at commit … (licence: …)". */
  detail: string;
  /** The public repository it was read from; null for an API capture. */
  repository: string | null;
}

export interface DataCredit {
  /** "Computed from public data: Yahoo Finance (10 daily series) and Binance (2), …" */
  summary: string;
  /** One line per series, for the disclosure. */
  details: string[];
  /** Licence attributions the shown values owe (Coin Metrics' CC BY-NC). */
  attributions: string[];
}

function providerOf(upstream: string, fallback: string): string {
  const known = PROVIDERS.find(([prefix]) => upstream.toLowerCase().startsWith(prefix));
  return known ? known[1] : `${fallback.charAt(0).toLowerCase()}${fallback.slice(1)} (provider not named by its mirror)`;
}

/** "owner/name@commit:path" as "path in owner/name at commit …"; anything else unchanged. */
function mirrorInWords(mirror: string): string {
  const parts = /^([^@\s]+)@([0-9a-f]+):(.+)$/.exec(mirror);
  return parts ? `${parts[3]} in ${parts[1]} at commit ${parts[2]}` : mirror;
}

/** The public extracts behind a chart, one entry each. */
export function publicSeriesCredits(sources: readonly PublicSource[]): CreditedSeries[] {
  return sources.map((source) => ({
    provider: providerOf(source.upstream, source.title),
    detail: `${source.title}: ${mirrorInWords(source.mirror)} (licence: ${source.licence})`,
    repository: source.mirror.split("@")[0]!,
  }));
}

/**
 * A market dataset's endpoints ({source, endpoint}): an API capture, or the public-extract
 * fallback, whose endpoint reads "via owner/name@commit:path".
 */
export function endpointCredits(uses: readonly { source: string; endpoint: string }[]): CreditedSeries[] {
  return uses.map(({ source, endpoint }) => ({
    provider: providerOf(source, source.split(";")[0]!),
    detail: `${source}: ${mirrorInWords(endpoint.replace(/^via /, ""))}`,
    repository: /^via ([^@\s]+)@/.exec(endpoint)?.[1] ?? null,
  }));
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** "read from two public repositories at fixed commits", or how an API capture was taken. */
function whereRead(series: readonly CreditedSeries[], captured?: string): string {
  const repositories = new Set(series.flatMap((entry) => (entry.repository ? [entry.repository] : [])));
  if (repositories.size === 0) return captured ?? "";
  const count = ["", "a public repository at a fixed commit", "two public repositories at fixed commits", "three public repositories at fixed commits"][repositories.size];
  return `read from ${count ?? `${repositories.size} public repositories at fixed commits`}`;
}

/**
 * "Market series computed from Yahoo Finance (10 series), Binance (2 series) and Coin Metrics
 * (3 series), read from three public repositories at fixed commits." `use` says whether the
 * chart draws the values as they are ("drawn") or something computed from them ("computed");
 * `captured` says how an API capture was taken, when the series come from one.
 */
export function dataCredit(series: readonly CreditedSeries[], { use, captured }: { use: "computed" | "drawn"; captured?: string }): DataCredit {
  const byProvider = new Map<string, number>();
  for (const { provider } of series) byProvider.set(provider, (byProvider.get(provider) ?? 0) + 1);
  const providers = [...byProvider].map(([provider, n]) => (n > 1 ? `${provider} (${n} series)` : provider));
  const where = whereRead(series, captured);
  return {
    summary: `Market series ${use} from ${listInWords(providers)}${where ? `, ${where}` : ""}.`,
    details: series.map((entry) => entry.detail),
    attributions: requiredAttributions(series.map((entry) => entry.provider)),
  };
}

/** Puts the credit into a chart figure's caption, before its download links, with the details folded away. */
export function appendDataCredit(figure: HTMLElement, credit: DataCredit): void {
  const caption = figure.querySelector("figcaption");
  if (!caption) throw new Error("the chart figure has no caption to credit its data in");
  const line = document.createElement("span");
  line.className = "data-credit";
  line.append(` ${credit.summary} `);
  const details = document.createElement("details");
  details.className = "data-credit-details";
  const summary = document.createElement("summary");
  summary.textContent = "Which series, where";
  const list = document.createElement("ul");
  for (const detail of credit.details) {
    const item = document.createElement("li");
    item.textContent = detail;
    list.append(item);
  }
  details.append(summary, list);
  line.append(...credit.attributions.map((text) => `${text} `), details);
  caption.insertBefore(line, caption.querySelector("a.chart-download"));
}
