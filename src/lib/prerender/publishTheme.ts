// The site's two themes as plain colours, for chart images that are viewed without the page's
// CSS: Framework's "air" (light) and "near-midnight" (dark), chosen in src/style.css, with the
// mixes their stylesheets compute (@observablehq/framework/dist/style/abstract-*.css).
import { interpolateRgb, rgb } from "d3";

export type Theme = "light" | "dark";
export const THEMES: readonly Theme[] = ["light", "dark"];

/** `foreground` mixed into `background` at `share` (CSS color-mix(in srgb, fg share, bg)). */
function mix(foreground: string, share: number, background: string): string {
  return rgb(interpolateRgb(background, foreground)(share)).formatHex();
}

function palette(foreground: string, focus: string, ground: string, light: boolean): Record<string, string> {
  // Air's background is its ground colour, its alternate a tint; near-midnight has them the other way round.
  const tint = mix(foreground, 0.04, ground);
  const background = light ? ground : tint;
  return {
    "theme-foreground": foreground,
    "theme-foreground-focus": focus,
    "theme-foreground-alt": mix(foreground, 0.9, ground),
    "theme-foreground-muted": mix(foreground, 0.6, ground),
    "theme-foreground-faint": mix(foreground, 0.5, ground),
    "theme-foreground-fainter": mix(foreground, 0.3, ground),
    "theme-foreground-faintest": mix(foreground, 0.14, ground),
    "theme-background": background,
    "theme-background-alt": light ? tint : ground,
    "plot-background": background,
    "theme-blue": "#4269d0",
    "theme-green": "#3ca951",
    "theme-red": "#ff725c",
    "theme-yellow": "#efb118",
    "sans-serif": "system-ui, sans-serif"
  };
}

/** Each theme's CSS variables by name (without "--"). Near-midnight's focus is oklch(0.7126 0.2577 265.76), clipped to sRGB. */
export const PALETTES: Record<Theme, Readonly<Record<string, string>>> = {
  light: palette("#1b1e23", "#3b5fc0", "#ffffff", true),
  dark: palette("#dfdfd6", "#5590ff", "#161616", false)
};

/**
 * `markup` with every var(--name) (or its fallback) and currentColor replaced by the theme's
 * colour; a variable the theme does not define and that has no fallback is an error.
 */
export function resolveColours(markup: string, theme: Theme, what: string): string {
  const colours = PALETTES[theme];
  return markup
    .replace(/var\(--([\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\))?[^()]*))?\)/g, (whole, name: string, fallback: string | undefined) => {
      const value = colours[name] ?? fallback?.trim();
      if (value === undefined) throw new Error(`${what}: ${whole} has no value in the ${theme} theme (src/lib/prerender/publishTheme.ts)`);
      return value;
    })
    .replace(/currentColor/g, colours["theme-foreground"]!);
}
