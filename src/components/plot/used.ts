// The parts of Plot the charts draw with. Framework loads an npm package whole, and Plot imports
// all of d3: about 160 kB gzip before any chart could draw. scripts/plotBundle.ts builds this
// list into one module, ./index.js (generated, not committed), keeping only the code these names
// reach: about 90 kB. A chart that needs another mark adds its name here.
export { arrow, barX, barY, cell, dot, legend, line, lineY, link, plot, pointer, pointerX, pointerY, rect, rectX, rectY, ruleX, ruleY, scale, text, tip } from "@observablehq/plot";
export type * from "@observablehq/plot";
