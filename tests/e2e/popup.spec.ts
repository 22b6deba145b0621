import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, fixture, test, type Extension } from './fixtures';

const SCREENSHOTS = resolve(import.meta.dirname, '../../screenshots');

test.beforeEach(async ({ ext }) => {
  await ext.serve('https://teams.microsoft.com/**', fixture('teams.html'));
  await ext.serve('https://www.example.com/**', fixture('plain.html'));
});

test.afterEach(({ extensionRequests }) => {
  // The extension's own pages and worker never go to the network.
  expect(extensionRequests).toEqual([]);
});

async function teamsPopup(ext: Extension): Promise<Page> {
  const { tabId } = await ext.open('https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0');
  await ext.waitForBadge(tabId, 'T');
  return ext.popup(tabId);
}

async function homePopup(ext: Extension): Promise<Page> {
  const { tabId } = await ext.open('https://www.example.com/');
  const popup = await ext.popup(tabId);
  await expect(popup.getByRole('heading', { level: 1 })).toBeVisible();
  return popup;
}

async function setLanguage(popup: Page, lang: 'de' | 'en'): Promise<void> {
  await popup.getByRole('button', { name: lang === 'de' ? 'Deutsch' : 'English' }).click();
  await expect(popup.locator('html')).toHaveAttribute('lang', lang);
}

test('1. pin Teams from its call, then find the pinned summary on an ordinary page', async ({ ext }) => {
  const popup = await teamsPopup(ext);
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Microsoft Teams');
  await popup.getByRole('button', { name: 'Pin Microsoft Teams' }).click();
  await expect(popup.getByRole('button', { name: 'Unpin Microsoft Teams' })).toHaveAttribute('aria-pressed', 'true');
  await popup.close();

  const home = await homePopup(ext);
  const pins = home.getByRole('region', { name: 'Pinned' });
  await pins.getByRole('button', { name: 'Microsoft Teams', exact: true }).click();
  await expect(home.getByRole('heading', { level: 1 })).toHaveText('Microsoft Teams');
  await expect(home.getByText('Opened from pins')).toBeVisible();
});

test('2. the language choice survives closing the popup and switches back', async ({ ext }) => {
  const storedLang = () => ext.worker.evaluate(async () => ((await chrome.storage.local.get('preferences')).preferences as { state: { lang: string } } | undefined)?.state.lang);

  /** Closes the popup, opens it again on the Teams call and checks it is still in `lang`. */
  const reopenIn = async (popup: Page, lang: 'de' | 'en'): Promise<Page> => {
    await popup.close();
    const reopened = await teamsPopup(ext);
    await expect(reopened.locator('html')).toHaveAttribute('lang', lang);
    await expect(reopened.getByRole('heading', { name: lang === 'de' ? 'Erhobene Daten' : 'Collected data' })).toBeVisible();
    return reopened;
  };

  // This browser's language is English, so German first makes the stored choice visible.
  const popup = await teamsPopup(ext);
  await setLanguage(popup, 'de');
  await expect(popup.getByRole('heading', { name: 'Erhobene Daten' })).toBeVisible();
  const reopened = await reopenIn(popup, 'de');

  // Switch to English for a colleague: it stays English after closing and reopening.
  await setLanguage(reopened, 'en');
  await expect(reopened.getByRole('heading', { name: 'Collected data' })).toBeVisible();
  await expect.poll(storedLang).toBe('en');
  const again = await reopenIn(reopened, 'en');

  // And back to German, interface and registry content alike.
  await setLanguage(again, 'de');
  await expect(again.getByRole('heading', { name: 'Erhobene Daten' })).toBeVisible();
  await expect(again.getByText('Art. 6 Abs. 1 lit. b DSGVO')).toBeVisible();
  await expect(again.getByText('Kameratyp', { exact: true })).toBeVisible();
  await expect.poll(storedLang).toBe('de');
});

test('3. search "zoom" on the home view and open the Zoom summary with the keyboard', async ({ ext }) => {
  const popup = await homePopup(ext);
  const search = popup.getByRole('searchbox', { name: 'Search tools' });
  await search.fill('zoom');
  const results = popup.locator('#tool-list button');
  await expect(results).toHaveCount(1);
  await search.press('ArrowDown');
  await expect(results.first()).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Zoom');
  await expect(popup.getByText('Opened from the list')).toBeVisible();
});

test('4. compare Teams and Zoom side by side', async ({ ext }) => {
  const popup = await teamsPopup(ext);
  await popup.getByRole('button', { name: 'Compare' }).click();
  await popup.getByRole('combobox', { name: 'Tool 2' }).selectOption({ label: 'Zoom' });
  const table = popup.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Microsoft Teams', 'Zoom']);
  for (const field of ['Legal basis', 'Retention', 'Third-country transfer', 'Data-processing agreement']) {
    await expect(table.getByRole('rowheader', { name: field })).toBeVisible();
  }
  const cells = table.locator('tbody').filter({ has: popup.getByRole('rowheader', { name: 'Legal basis' }) }).getByRole('cell');
  await expect(cells).toHaveCount(2);
  for (const cell of await cells.all()) await expect(cell).toContainText('Art. 6(1)');
  const retention = table.locator('tbody').filter({ has: popup.getByRole('rowheader', { name: 'Retention' }) }).getByRole('cell');
  for (const cell of await retention.all()) await expect(cell.getByRole('listitem').first()).toBeVisible();
});

test('5. copy the summary as Markdown', async ({ ext }) => {
  const popup = await teamsPopup(ext);
  await popup.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  // The clipboard is the browser's; read it back from an ordinary page allowed to read it.
  await ext.context.grantPermissions(['clipboard-read'], { origin: 'https://www.example.com' });
  const { page: reader } = await ext.open('https://www.example.com/');
  const markdown = await reader.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toMatch(/^# Microsoft Teams\n/);
  for (const heading of ['## Provider', '## Collected data', '## Legal basis', '## Retention', '## Data-processing agreement', '## Third-country transfer', '## Sources']) {
    expect(markdown).toContain(`\n${heading}\n`);
  }
  expect(markdown).toContain('(<https://github.com/leits/MeetingBar/blob/master/MeetingBar/Meetings/MeetingProvider.swift>)');
  expect(markdown).toContain('Data as of November 22, 2026');
});

for (const lang of ['en', 'de'] as const) {
  test(`6. home, summary and compare pass axe-core with no violations (${lang})`, async ({ ext }) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const check = async (page: Page, view: string) => {
      // Both colour schemes: contrast is checked in light and dark.
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${view} ${colorScheme}`).toEqual([]);
        await page.screenshot({ path: resolve(SCREENSHOTS, `${view}-${lang}${colorScheme === 'dark' ? '-dark' : ''}.png`) });
      }
      await page.emulateMedia({ colorScheme: 'light' });
      // No horizontal scrolling in the popup's width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), view).toBe(true);
    };

    const popup = await teamsPopup(ext);
    await setLanguage(popup, lang);
    await popup.getByRole('button', { name: lang === 'de' ? 'Microsoft Teams merken' : 'Pin Microsoft Teams' }).click();
    await check(popup, 'summary');

    await popup.getByRole('button', { name: lang === 'de' ? 'Vergleichen' : 'Compare' }).click();
    await popup.getByRole('combobox', { name: lang === 'de' ? 'Tool 2' : 'Tool 2' }).selectOption({ label: 'Zoom' });
    await expect(popup.getByRole('table')).toBeVisible();
    await check(popup, 'compare');

    await popup.getByRole('button', { name: lang === 'de' ? 'Zurück zur Übersicht' : 'Back to overview' }).click();
    await expect(popup.getByRole('searchbox')).toBeVisible();
    await check(popup, 'home');
  });
}
