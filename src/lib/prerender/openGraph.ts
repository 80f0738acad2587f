// What a shared link to a page previews: its title, its summary and its lead chart's image, as
// Open Graph and Twitter meta tags in the built page's head.
import { escapeHtml } from "../escapeHtml.ts";

export interface PagePreview {
  title: string;
  description: string;
  /** The lead chart's PNG as an absolute URL, with its size in pixels; absent without a site URL or a chart. */
  image?: { url: string; width: number; height: number };
}

const DESCRIPTION_LENGTH = 200;

const decode = (html: string) =>
  html.replace(/<[^>]*>/g, "").replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " })[name]!);

/** The built page's title, as its <title> names it. */
export function pageTitle(html: string): string {
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
  if (title === undefined) throw new Error("the page has no <title>");
  return decode(title).trim();
}

/**
 * The page's summary for a preview: `summary` (front matter) if given, else the page's first
 * paragraph whose figures are all in the HTML (one with a figure computed in the browser would
 * read with a gap), as plain text, cut after the last sentence that fits in about 200 characters.
 */
export function pageDescription(html: string, summary: string | undefined): string {
  const main = html.slice(html.indexOf('<main id="observablehq-main"'));
  const paragraph = summary ?? [...main.matchAll(/<p>([^]*?)<\/p>/g)].map((match) => match[1]!).find((text) => !text.includes("<observablehq-loading></observablehq-loading>"));
  if (paragraph === undefined) return "";
  const text = decode(paragraph).replace(/\s+/g, " ").trim();
  if (text.length <= DESCRIPTION_LENGTH) return text;
  const sentences = text.match(/[^.!?]+[.!?]+(\s|$)/g) ?? [];
  let kept = "";
  for (const sentence of sentences) {
    if ((kept + sentence).trim().length > DESCRIPTION_LENGTH) break;
    kept += sentence;
  }
  return kept.trim() || `${text.slice(0, DESCRIPTION_LENGTH).replace(/\s+\S*$/, "")}…`;
}

/** The meta tags of a page's preview. */
export function openGraphTags({ title, description, image }: PagePreview): string {
  const tag = (attribute: "name" | "property", key: string, value: string | number) => `<meta ${attribute}="${key}" content="${escapeHtml(String(value))}">`;
  return [
    ...(description ? [tag("name", "description", description)] : []),
    tag("property", "og:type", "article"),
    tag("property", "og:title", title),
    ...(description ? [tag("property", "og:description", description)] : []),
    ...(image ? [tag("property", "og:image", image.url), tag("property", "og:image:width", image.width), tag("property", "og:image:height", image.height)] : []),
    tag("name", "twitter:card", image ? "summary_large_image" : "summary")
  ].join("\n");
}

/** The page with `tags` at the end of its head. */
export function withHeadTags(html: string, tags: string): string {
  const at = html.indexOf("</head>");
  if (at < 0) throw new Error("the page has no </head>");
  return `${html.slice(0, at)}${tags}\n${html.slice(at)}`;
}
