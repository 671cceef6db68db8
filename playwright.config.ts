import { defineConfig, devices } from '@playwright/test';

/**
 * Browser journeys (tests/e2e) in Debian's Chromium against a production build on a
 * fresh, seeded embedded database (scripts/e2e-server.mjs).
 *
 * Projects:
 * - `chromium`       every journey, JavaScript on.
 * - `chromium-nojs`  JavaScript off; only journeys tagged `@nojs` (the forms must work as plain HTML).
 * - `screenshots`    only with E2E_SCREENSHOTS=1: writes docs/screenshots/*.png for the README.
 */
const port = process.env.E2E_PORT ?? '3100';
const baseURL = `http://127.0.0.1:${port}`;
const ci = !!process.env.CI;

/** Debian's Chromium as the journeys use it (tests/topology reuses it). */
export const browser = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1280, height: 800 },
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: /.*\.spec\.ts$/,
  // 2 cores: the browser and the server share them.
  workers: 2,
  // Each test on its own: the long journeys spread over both workers instead of queueing behind one file.
  fullyParallel: true,
  forbidOnly: ci,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  outputDir: 'test-results',
  use: {
    baseURL,
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'chromium', use: { ...browser } },
    { name: 'chromium-nojs', grep: /@nojs/, use: { ...browser, javaScriptEnabled: false } },
    ...(process.env.E2E_SCREENSHOTS === '1'
      ? [{ name: 'screenshots', testMatch: /screenshots\.shoot\.ts$/, use: { ...browser } }]
      : []),
  ],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `${baseURL}/login`,
    env: { E2E_PORT: port },
    reuseExistingServer: !ci,
    // next build (≈ 25 s alone, minutes when the 2 cores are shared) + seed + first start
    timeout: 480_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
