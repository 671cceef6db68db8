import { defineConfig } from '@playwright/test';
import { browser } from '../../playwright.config';

/**
 * The `results` suite of npm run bench (issue 19 item 3; README "Benchmarks"): its own
 * port and a kept data folder, whose server.log holds the callbacks' `callback.received`
 * lines the bench times from. Reuses the e2e server script and the production build.
 */
const port = process.env.BENCH_RESULTS_PORT ?? '3295';
export const RESULTS_DATA_DIR = process.env.BENCH_RESULTS_DATA_DIR ?? '/tmp/realname-bench-results';

export default defineConfig({
  testDir: '.',
  testMatch: /results\.bench\.ts$/,
  workers: 1,
  retries: 0,
  timeout: 1_800_000,
  expect: { timeout: 20_000 },
  reporter: 'list',
  outputDir: '/tmp/realname-bench-results-output',
  use: { ...browser, baseURL: `http://127.0.0.1:${port}`, actionTimeout: 20_000, navigationTimeout: 60_000 },
  webServer: {
    // Run from this folder (Playwright's default): the script moves to the project root itself.
    command: 'node ../e2e-server.mjs',
    url: `http://127.0.0.1:${port}/login`,
    env: { E2E_PORT: port, E2E_DATA_DIR: RESULTS_DATA_DIR, E2E_SKIP_BUILD: process.env.BENCH_BUILD === '1' ? '0' : '1' },
    reuseExistingServer: false,
    timeout: 600_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
