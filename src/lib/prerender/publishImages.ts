// A chart drawn at build time as an image that stands alone, for a newsletter or a social
// preview: its title, the chart, its source line and the site's name on the theme's background,
// with no page CSS (colours resolved, fonts named with a generic fallback). Laid out from the
// wide drawing's figure (staticChart.ts), top to bottom as the page shows it.
import { resolveColours, type Theme, PALETTES } from "./publishTheme.ts";
import { textWidth } from "./rasterise.ts";

const PAD = 16;
/** The wide drawing's width (STATIC_WIDTHS.wide) and the padding around it. */
export const IMAGE_WIDTH = 704 + 2 * PAD;
const CONTENT = IMAGE_WIDTH - 2 * PAD;
const FONT = "system-ui, sans-serif";
// Text is wrapped a little short of the width it measures in Inter, so that a viewer's own
// sans-serif, a little wider, does not run past the edge either.
const SLACK = 1.06;

interface Text { kind: "text"; lines: string[]; size: number; weight: 400 | 600; colour: string; lineHeight: number }
interface Graphics { kind: "graphics"; svgs: Element[] }
interface Legend { kind: "legend"; items: { swatch: Element; label: string }[] }
type Block = Text | Graphics | Legend;

const escapeXml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** `text` broken into lines no wider than `width` at `size` px. */
export function wrap(text: string, width: number, size: number, weight: 400 | 600 = 400): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of squash(text).split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, weight) * SLACK > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return line ? [...lines, line] : lines;
}

function text(content: string, size: number, weight: 400 | 600, colour: string): Text {
  return { kind: "text", lines: wrap(content, CONTENT, size, weight), size, weight, colour, lineHeight: Math.round(size * 1.4) };
}

/** The figure's body in reading order: its notes, its legends and its drawings (side by side where the page puts them so). */
function bodyBlocks(element: Element, theme: Theme): Block[] {
  const colours = PALETTES[theme];
  if (element.tagName.toLowerCase() === "svg") return [{ kind: "graphics", svgs: [element] }];
  if ([...element.classList].some((name) => name.endsWith("-swatches"))) {
    const items = [...element.querySelectorAll("[class$='-swatch']")].flatMap((item) => {
      const swatch = item.querySelector("svg");
      return swatch ? [{ swatch, label: squash(item.textContent ?? "") }] : [];
    });
    return [{ kind: "legend", items }];
  }
  if (element.tagName.toLowerCase() === "style") return [];
  if (!element.querySelector("svg")) {
    const content = squash(element.textContent ?? "");
    if (!content) return [];
    // A panel's own heading is set in semibold on the page.
    return /\b600\b|bold/.test(element.getAttribute("style") ?? "") ? [text(content, 13, 600, colours["theme-foreground"]!)] : [text(content, 12, 400, colours["theme-foreground-muted"]!)];
  }
  const blocks = [...element.children].flatMap((child) => bodyBlocks(child, theme));
  // Drawings next to each other share a row while they fit in the width, as a flex row shows them.
  return blocks.reduce<Block[]>((merged, block) => {
    const last = merged.at(-1);
    const width = (svgs: Element[]) => svgs.reduce((sum, svg) => sum + Number(svg.getAttribute("width") ?? CONTENT), 0);
    if (block.kind === "graphics" && last?.kind === "graphics" && width(last.svgs) + width(block.svgs) <= CONTENT) last.svgs.push(...block.svgs);
    else merged.push(block);
    return merged;
  }, []);
}

/** An svg element as standalone markup placed at x, y, without Plot's stylesheet or the page's inline style. */
function placed(svg: Element, x: number, y: number): string {
  const copy = svg.cloneNode(true) as Element;
  for (const style of copy.querySelectorAll("style")) style.remove();
  copy.removeAttribute("style");
  copy.removeAttribute("class");
  copy.setAttribute("x", String(x));
  copy.setAttribute("y", String(y));
  return new svg.ownerDocument.defaultView!.XMLSerializer().serializeToString(copy).replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, "");
}

function textLines(block: Text, y: number): string {
  return block.lines
    .map((line, i) => `<text x="${PAD}" y="${y + i * block.lineHeight + block.size}" font-size="${block.size}"${block.weight === 600 ? ' font-weight="600"' : ""} fill="${block.colour}">${escapeXml(line)}</text>`)
    .join("");
}

/** The markup of one block at y, and the height it takes. */
function drawBlock(block: Block, y: number, theme: Theme): [string, number] {
  if (block.kind === "text") return [textLines(block, y), block.lines.length * block.lineHeight];
  if (block.kind === "graphics") {
    let x = PAD;
    const markup = block.svgs.map((svg) => {
      const at = x;
      x += Number(svg.getAttribute("width"));
      return placed(svg, at, y);
    });
    return [markup.join(""), Math.max(...block.svgs.map((svg) => Number(svg.getAttribute("height"))))];
  }
  // Legend items flow into lines, as Plot's wrapping swatches do.
  const ROW = 20;
  let x = PAD;
  let row = 0;
  const markup = block.items.map(({ swatch, label }) => {
    const width = 15 + 6 + textWidth(label, 10) * SLACK;
    if (x > PAD && x + width > PAD + CONTENT) [x, row] = [PAD, row + 1];
    const top = y + row * ROW;
    const item = `${placed(swatch, x, top + 2)}<text x="${x + 21}" y="${top + 13}" font-size="10" fill="${PALETTES[theme]["theme-foreground"]}">${escapeXml(label)}</text>`;
    x += width + 10;
    return item;
  });
  return [markup.join(""), (row + 1) * ROW];
}

/** The source line as the caption reads, without its download links or the disclosure of repositories and commits. */
function sourceLine(caption: Element | null): string {
  if (!caption) return "";
  const copy = caption.cloneNode(true) as Element;
  for (const left of copy.querySelectorAll("a.chart-download, details")) left.remove();
  return squash(copy.textContent ?? "").replace(/(\s*·)+$/, "");
}

/**
 * The standalone SVG of the chart in `root` (one chart's drawing, as staticChart.ts writes it) in
 * `theme`, or null when it holds no drawing (a table). `what` names the chart in errors.
 */
export function publishableSvg(root: Element, theme: Theme, site: string, what: string): string | null {
  const figure = root.querySelector("figure.report-chart");
  if (!figure) return null;
  const colours = PALETTES[theme];
  const body = [...figure.children].filter((child) => !["h3", "figcaption"].includes(child.tagName.toLowerCase()));
  const blocks = body.flatMap((child) => bodyBlocks(child, theme));
  if (!blocks.some((block) => block.kind === "graphics")) return null;
  const title = figure.querySelector(":scope > h3")?.textContent ?? "";
  const source = sourceLine(figure.querySelector(":scope > figcaption"));
  const all: Block[] = [
    ...(title ? [text(title, 16, 600, colours["theme-foreground"]!)] : []),
    ...blocks,
    ...(source ? [text(source, 12, 400, colours["theme-foreground-muted"]!)] : []),
    text(site, 12, 600, colours["theme-foreground-muted"]!)
  ];
  let y = PAD;
  const parts = all.map((block, i) => {
    const [markup, height] = drawBlock(block, y, theme);
    y += height + (i === 0 ? 10 : 8);
    return markup;
  });
  const height = Math.ceil(y - 8 + PAD);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${IMAGE_WIDTH}" height="${height}" viewBox="0 0 ${IMAGE_WIDTH} ${height}" font-family="${FONT}" font-size="10">` +
    `<rect width="100%" height="100%" fill="${colours["theme-background"]}"/>${parts.join("")}</svg>`;
  return resolveColours(svg, theme, what);
}

/**
 * The image's file name: the page, the chart, a number from the second drawing of the same
 * chart on that page on, and the theme ("macro-dailyRanges-light", "index-pricePath-2-dark").
 */
export function chartImageName(pageFile: string, chart: string, occurrence: number, theme: Theme): string {
  const page = pageFile.replace(/\.html$/, "").replaceAll("/", "-");
  return `${page}-${chart}${occurrence > 1 ? `-${occurrence}` : ""}-${theme}`;
}
