// Standalone chart SVGs rasterised to PNG, and text measured in the font they are rasterised
// with, by resvg (a prebuilt binary in its npm package). Node only.
import { createRequire } from "node:module";
import { Resvg, type ResvgRenderOptions } from "@resvg/resvg-js";

// A fresh machine (CI) has no system fonts, so text is set in Inter, read from its npm package:
// the same text on every machine. Files by weight; resvg picks one by the text's font-weight.
const require = createRequire(import.meta.url);
const INTER = ["400Regular", "600SemiBold"].map((weight) => require.resolve(`@expo-google-fonts/inter/${weight}/Inter_${weight}.ttf`));

const FONT: ResvgRenderOptions["font"] = { loadSystemFonts: false, fontFiles: INTER, defaultFontFamily: "Inter", sansSerifFamily: "Inter" };

/** The PNG of a standalone SVG, at `scale` times its size (2: sharp on high-density screens). */
export function rasterise(svg: string, scale = 2): Buffer {
  return new Resvg(svg, { font: FONT, fitTo: { mode: "zoom", value: scale } }).render().asPng();
}

const widths = new Map<string, number>();

/** The width of `text` at `size` px in Inter of `weight` (400 or 600), summed from its characters' widths. */
export function textWidth(text: string, size: number, weight: 400 | 600 = 400): number {
  let total = 0;
  for (const character of text) {
    const key = `${weight}:${character}`;
    if (!widths.has(key)) widths.set(key, characterWidth(character, weight));
    total += widths.get(key)!;
  }
  return (total * size) / 100;
}

/** A character's advance at 100 px: the width of ten of them between two bars, less the bars. */
function characterWidth(character: string, weight: 400 | 600): number {
  const bars = (inner: string) => {
    const escaped = inner.replaceAll("&", "&amp;").replaceAll("<", "&lt;");
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="200"><text x="0" y="150" font-size="100" font-weight="${weight}" xml:space="preserve">|${escaped}|</text></svg>`;
    return new Resvg(svg, { font: FONT }).getBBox()?.width ?? 0;
  };
  return (bars(character.repeat(10)) - bars("")) / 10;
}
