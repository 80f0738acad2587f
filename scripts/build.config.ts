// The site's config with the output folder scripts/build.ts stages the build in before it
// swaps that folder in as dist/. Run the build with `npm run build`, not with this file.
import config from "../observablehq.config.ts";

const output = process.env.REPORT_BUILD_OUTPUT;
if (!output) throw new Error("scripts/build.config.ts: REPORT_BUILD_OUTPUT is not set; build with npm run build");

export default { ...config, output };
