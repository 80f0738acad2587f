// A browser-like DOM in Node (jsdom, the DOM Plot's own test suite renders in), so that the
// chart components draw at build time exactly as in the browser. Node only.
import { color } from "d3";
import { JSDOM } from "jsdom";
import { encodePng } from "./png.ts";

// What the components and Plot reach for through globals.
const GLOBALS = ["window", "document", "navigator", "location", "Node", "Element", "HTMLElement", "SVGElement", "DocumentFragment", "Text", "Event", "getComputedStyle"] as const;

/**
 * The 2D context Plot's colour-ramp legend paints (one fillRect per pixel) and reads back with
 * toDataURL; jsdom has no canvas.
 */
function installCanvas(window: JSDOM["window"]): void {
  const pixels = new WeakMap<HTMLCanvasElement, Uint8Array>();
  const bitmap = (canvas: HTMLCanvasElement) => {
    let rgba = pixels.get(canvas);
    if (!rgba || rgba.length !== canvas.width * canvas.height * 4) pixels.set(canvas, (rgba = new Uint8Array(canvas.width * canvas.height * 4)));
    return rgba;
  };
  const prototype = window.HTMLCanvasElement.prototype;
  prototype.getContext = function (this: HTMLCanvasElement, kind: string) {
    if (kind !== "2d") return null;
    const canvas = this;
    let fill = [0, 0, 0, 255];
    return {
      set fillStyle(value: string) {
        const rgb = color(value)?.rgb();
        if (!rgb) throw new Error(`canvas at build time: cannot read the colour ${JSON.stringify(value)}`);
        fill = [Math.round(rgb.r), Math.round(rgb.g), Math.round(rgb.b), Math.round(rgb.opacity * 255)];
      },
      fillRect(x: number, y: number, width: number, height: number) {
        const rgba = bitmap(canvas);
        for (let row = Math.max(0, y); row < Math.min(canvas.height, y + height); row++) {
          for (let column = Math.max(0, x); column < Math.min(canvas.width, x + width); column++) rgba.set(fill, (row * canvas.width + column) * 4);
        }
      }
    } as unknown as RenderingContext;
  } as typeof prototype.getContext;
  prototype.toDataURL = function (this: HTMLCanvasElement) {
    return `data:image/png;base64,${encodePng(this.width, this.height, bitmap(this)).toString("base64")}`;
  };
}

/** Puts a DOM holding `html` at `url` in the globals; returns what puts them back as they were. */
function installDom(url: string, html: string): () => void {
  const dom = new JSDOM(html, { url, pretendToBeVisual: true });
  installCanvas(dom.window);
  const scope = globalThis as Record<string, unknown>;
  const saved = GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(scope, name)] as const);
  for (const name of GLOBALS) {
    Object.defineProperty(scope, name, { value: name === "window" ? dom.window : (dom.window as unknown as Record<string, unknown>)[name], configurable: true, writable: true });
  }
  return () => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(scope, name, descriptor);
      else delete scope[name];
    }
    dom.window.close();
  };
}

const EMPTY_PAGE = "<!doctype html><html><head></head><body></body></html>";

/**
 * Runs `draw` with a DOM whose address is `url` (links drawn relative to the page come out as
 * the browser would draw them), then puts the globals back as they were.
 */
export function withServerDom<T>(url: string, draw: () => T): T {
  const restore = installDom(url, EMPTY_PAGE);
  try {
    return draw();
  } finally {
    restore();
  }
}

/** Runs `run` with the built page `html` as the document at `url`, until what it returns settles. */
export async function withPageDom<T>(url: string, html: string, run: () => Promise<T>): Promise<T> {
  const restore = installDom(url, html);
  try {
    return await run();
  } finally {
    restore();
  }
}
