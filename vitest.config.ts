import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/plotBundle.ts"],
    exclude: ["test/browser/**", "node_modules/**"]
  }
});
