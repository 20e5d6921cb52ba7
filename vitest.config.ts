import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Every worker's output and every spawned process's output is scanned for secrets at the end.
    globalSetup: ["test/helpers/secret-scan.ts"],
    setupFiles: ["test/helpers/capture-setup.ts"],
  },
});
