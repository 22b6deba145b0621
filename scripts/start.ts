/**
 * `npm start`: opens Chromium with the built extension on a bundled demo Teams meeting. Without a
 * display it writes screenshots of the popup instead and says where.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { extensionArgs, findChromium } from './chromium';

const root = resolve(import.meta.dirname, '..');
const extensionDir = resolve(root, '.output/chrome-mv3');
const demoUrl = 'https://teams.microsoft.com/v2/';
const demoPage = readFileSync(resolve(root, 'tests/fixtures/teams.html'), 'utf8');
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

const context = await chromium.launchPersistentContext('', {
  executablePath: findChromium(),
  headless,
  args: extensionArgs(extensionDir),
  viewport: headless ? { width: 400, height: 600 } : null,
});
// The demo meeting is served from this repository at Teams' real address; nothing is fetched.
await context.route(`${demoUrl}**`, (route) => route.fulfill({ contentType: 'text/html', body: demoPage }));
await context.route(/^https?:\/\/(?!teams\.microsoft\.com\/)/, (route) => route.abort());

const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(demoUrl);

if (!headless) {
  console.log('Chromium is open on a demo Teams meeting. Click the extension icon (puzzle piece → Meeting Privacy Lens).');
  console.log('Close the browser window to stop.');
  await new Promise((done) => context.on('close', done));
} else {
  await page.bringToFront();
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
  const outDir = resolve(root, 'screenshots');
  mkdirSync(outDir, { recursive: true });
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html?tabId=${tabId}`);
  const written: string[] = [];
  for (const lang of ['en', 'de'] as const) {
    await popup.locator(`.lang-switch button[lang="${lang}"]`).click();
    await popup.locator('article.summary').waitFor();
    const file = resolve(outDir, `start-popup-teams-${lang}.png`);
    await popup.screenshot({ path: file, fullPage: true });
    written.push(file);
  }
  console.log('No display found, so the popup was rendered headless. Screenshots:');
  for (const file of written) console.log(`  ${file}`);
  await context.close();
}
