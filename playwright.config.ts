import { defineConfig, devices } from '@playwright/test';
import { launchOptions } from './tests/e2e/browser.ts';

/**
 * Browser tests run against the built site (never the dev server), built from the test-fixture
 * dataset, served by the real node server (dist/server/entry.mjs, as `npm run serve`: redirects, headers, compression).
 * Debian's Chromium is used where it is installed; elsewhere (a laptop) Playwright's own browser.
 */
const port = Number(process.env['E2E_PORT'] ?? 4329);
/** Where the fixture build goes; set it to run two suites side by side. */
const outDir = process.env['E2E_OUT_DIR'] ?? './dist-test';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    ...devices['Desktop Chrome'],
    launchOptions,
  },
  webServer: {
    // The session store starts empty each run; the API tests open it (tests/e2e/api-helpers.ts).
    // No per-device log quota: the fuzz test alone sends 5,000 requests from one device.
    // PREVIEW_UNREVIEWED=1 on the build: a build must ignore it (tests/e2e/preview.spec.ts greps the output).
    command: `OUT_DIR=${outDir} PREVIEW_UNREVIEWED=1 npm run build:test && rm -rf ${outDir}-data && LOG_QUOTA_PER_HOUR=1000000 LOG_BATCHES_PER_MINUTE=100000 DATA_DIR=${outDir}-data HOST=127.0.0.1 PORT=${port} exec node --disable-warning=ExperimentalWarning ${outDir}/server/entry.mjs`,
    url: `http://127.0.0.1:${port}/vi/`,
    timeout: 240_000,
    reuseExistingServer: !process.env['CI'],
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
