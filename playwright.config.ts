import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium (no browser download), against the
 * portal as `./portal test` starts it: the backend serving the production
 * app bundle on one port, on a fresh data folder.
 */
const port = Number(process.env.E2E_PORT ?? 7017);
const baseURL = process.env.PLAYWRIGHT_URL ?? `http://localhost:${port}`;

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [
    ['list'],
    ['json', { outputFile: 'node_modules/.cache/e2e/results.json' }],
  ],
  outputDir: 'node_modules/.cache/e2e/artifacts',
  globalSetup: './packages/app/e2e-tests/globalSetup.ts',
  // One worker runs the files of a project in alphabetical order, and the
  // projects one after the other in this order. personalData.test.ts erases
  // a demo peer for good, so it has a project of its own that comes last
  // (without depending on the first, so that it runs even when a test there
  // fails).
  projects: [
    { name: 'portal', testIgnore: /personalData\.test\.ts$/ },
    { name: 'personal-data', testMatch: /personalData\.test\.ts$/ },
  ],
  use: {
    baseURL,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: process.env.PLAYWRIGHT_URL
    ? undefined
    : {
        command: 'node scripts/e2e-server.js',
        url: `${baseURL}/.backstage/health/v1/readiness`,
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: 'ignore',
        stderr: 'pipe',
        env: { E2E_PORT: String(port) },
      },
});
