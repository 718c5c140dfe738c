import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The app keeps per-machine files in the user-data folder (经办人.json, the ledgers it has opened, the
// audit anchors and their key). Tests, and the CLI processes and browser hosts they start, get a folder of
// their own for each run instead of the tester's real one.
// Set on this process, so every worker and every process a test starts inherits it.
const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-test-userdata-'));
process.env.XDG_CONFIG_HOME = userData;
process.env.APPDATA = userData;

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
