import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Extension } from './chromium';
const ext = await Extension.launch(resolve('.output/chrome-mv3-e2e'));
await ext.serve('https://teams.microsoft.com', readFileSync('tests/fixtures/teams.html', 'utf8'));
const { tabId } = await ext.open('https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0');
const popup = await ext.popup(tabId);
await popup.locator('article.summary').waitFor();
for (const lang of ['en', 'de']) {
  await popup.locator(`.lang-switch button[lang="${lang}"]`).click();
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: `/tmp/s/teams-${lang}.png` });
}
await ext.context.close();
