import { defineConfig, devices } from '@playwright/test';
import { launchOptions } from './tests/e2e/browser.ts';

/**
 * Browser tests run against the built site (never the dev server), built from the test-fixture
 * dataset, served by the real node server with compression (scripts/serve.ts, as `npm run serve`).
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
  reporter: process.env['CI'] ? [['list']] : [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    ...devices['Desktop Chrome'],
    launchOptions,
  },
  webServer: {
    // The session store starts empty each run; the API tests open it (tests/e2e/api-helpers.ts).
    command: `OUT_DIR=${outDir} npm run build:test && rm -rf ${outDir}-data && OUT_DIR=${outDir} DATA_DIR=${outDir}-data HOST=127.0.0.1 PORT=${port} exec node --experimental-strip-types --disable-warning=ExperimentalWarning scripts/serve.ts`,
    url: `http://127.0.0.1:${port}/vi/`,
    timeout: 240_000,
    reuseExistingServer: !process.env['CI'],
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
