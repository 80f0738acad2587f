import { mkdirSync, rmSync } from "node:fs";

// Framework's client names optional libraries (React, ECharts, Leaflet ...) that pages load
// only through `npm:` imports or implicit globals, which this site never uses. To write
// their versions into the client, the build asks the npm registry for each one's latest
// release unless its version cache already holds one. Seeding the cache with fixed versions
// keeps the build off the network and its output identical from one day to the next.
const clientLibraryVersions: Record<string, string> = {
  "@observablehq/plot": "0.6.17",
  "@observablehq/sample-datasets": "1.0.1",
  "apache-arrow": "21.2.0",
  arquero: "8.0.3",
  d3: "7.9.2",
  "d3-dsv": "3.0.2",
  echarts: "6.1.0",
  htl: "1.0.0",
  leaflet: "1.9.4",
  lodash: "4.18.1",
  "mapbox-gl": "3.32.0",
  "parquet-wasm": "0.8.0",
  react: "19.3.1",
  "react-dom": "19.3.1",
  "topojson-client": "3.1.0"
};

// Loader output is cached by the loader file's age alone, so a changed ledger or snapshot
// would not reach the site: start every build from an empty cache.
const cache = new URL("../src/.observablehq/cache/", import.meta.url);
rmSync(cache, { recursive: true, force: true });
for (const [name, version] of Object.entries(clientLibraryVersions)) {
  mkdirSync(new URL(`_npm/${name}@${version}/`, cache), { recursive: true });
}
