import { defineConfig } from '@playwright/test';

export default defineConfig({
  outputDir: 'tests/e2e/.results',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // The machines CI runs on are often busy: waits for an eventual state get room, and no assertion times work.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  projects: [
    // Chromium, driven by Playwright, against .output/chrome-mv3-e2e and the shipped build's files.
    { name: 'chromium', testDir: 'tests/e2e' },
    // Firefox ESR, driven over WebDriver BiDi by puppeteer-core, against .output/firefox-mv2-e2e.
    { name: 'firefox', testDir: 'tests/e2e-firefox' },
  ],
});
