import { defineConfig } from 'vitest/config';

// Four suites, run in this order by `npm test`: pure rules, services on real ledger files, Excel/Word
// round trips, and the browser end-to-end tests (which need the built renderer and Chromium).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      // Tests on the demo year build it first (thousands of audited records, seconds): hence the longer limits.
      { test: { name: 'ledger', include: ['test/ledger/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      { test: { name: 'exchange', include: ['test/exchange/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      { test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false } },
    ],
  },
});
