// The types of ./index.js, the module scripts/plotBundle.ts builds from ./used.ts.
export * from "./used.ts";
