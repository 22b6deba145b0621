/**
 * `npm start`: opens Chromium with the built extension on a bundled demo Teams meeting. Without a
 * display it writes screenshots of the popup instead and says where.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Extension } from './chromium';

const root = resolve(import.meta.dirname, '..');
/** A Teams meeting address, so the demo shows what a participant in a call sees. */
const demoUrl = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_demo%40thread.v2/0';
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

const ext = await Extension.launch(resolve(root, '.output/chrome-mv3'), {
  headless,
  viewport: headless ? { width: 400, height: 600 } : null,
});
// The demo meeting is served from this repository at Teams' real address; nothing is fetched.
await ext.serve('https://teams.microsoft.com', readFileSync(resolve(root, 'tests/fixtures/teams.html'), 'utf8'));
await ext.context.route(/^https?:\/\/(?!teams\.microsoft\.com\/)/, (route) => route.abort());
const { tabId } = await ext.open(demoUrl);

if (!headless) {
  console.log(
    'Chromium is open on a demo Teams meeting. Click the extension icon (puzzle piece → Meeting Privacy Lens), or press Alt+Shift+X.',
  );
  console.log('Close the browser window to stop.');
  await new Promise((done) => ext.context.on('close', done));
} else {
  const outDir = resolve(root, 'screenshots');
  mkdirSync(outDir, { recursive: true });
  const popup = await ext.popup(tabId);
  const written: string[] = [];
  for (const lang of ['en', 'de'] as const) {
    await popup.locator(`.lang-switch button[lang="${lang}"]`).click();
    await popup.locator('article.summary').waitFor();
    const file = resolve(outDir, `start-popup-teams-${lang}.png`);
    await popup.screenshot({ path: file });
    written.push(file);
  }
  console.log('No display found, so the popup was rendered headless. Screenshots:');
  for (const file of written) console.log(`  ${file}`);
  await ext.context.close();
}
