import { defineConfig } from '@playwright/test';
import { browser } from '../../playwright.config';

/**
 * The production topology (scripts/topology-test.mjs starts nginx, the web processes and
 * the worker, and passes their addresses and pids in TOPOLOGY_*). Run it through that
 * script, never alone.
 */
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  outputDir: '../../test-results/topology',
  use: {
    ...browser,
    baseURL: process.env.TOPOLOGY_URL,
    // The certificate is made for this run only; the browser is the only party that does not trust it.
    ignoreHTTPSErrors: true,
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
