import { defineConfig } from "vitest/config";

// Browser tests open the built dist/ in headless Chromium; `npm run build` must run first.
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Two cores: one Chromium and one build at a time.
    fileParallelism: false
  }
});
