import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, fixture, test, type Extension } from './fixtures';

const SCREENSHOTS = resolve(import.meta.dirname, '../../screenshots');

test.beforeEach(async ({ ext }) => {
  await ext.serve('https://teams.microsoft.com', fixture('teams.html'));
  await ext.serve('https://www.example.com', fixture('plain.html'));
});

async function teamsPopup(ext: Extension): Promise<Page> {
  const { tabId } = await ext.open('https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0');
  await expect.poll(async () => (await ext.badge(tabId)).text).toBe('T');
  const popup = await ext.popup(tabId);
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Microsoft Teams');
  return popup;
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

const KEY_FACTS = {
  en: ['Who processes', 'Where data goes', 'Recording and transcripts', 'AI features', 'End-to-end encryption', 'Data-processing agreement'],
  de: ['Wer verarbeitet', 'Wohin Daten gehen', 'Aufzeichnung und Transkript', 'KI-Funktionen', 'Ende-zu-Ende-Verschlüsselung', 'Auftragsverarbeitungsvertrag'],
};

for (const lang of ['en', 'de'] as const) {
  test(`on a Teams call, every key fact is on the first 400×600 screen, below the tool's name (${lang})`, async ({ ext }) => {
    const popup = await teamsPopup(ext);
    await setLanguage(popup, lang);
    const viewport = popup.viewportSize()!;
    const title = (await popup.getByRole('heading', { level: 1 }).boundingBox())!;
    const bar = (await popup.locator('.app-bar').boundingBox())!;
    expect(title.y).toBeGreaterThanOrEqual(bar.y + bar.height);
    const rows = popup.locator('.key-facts .fact');
    await expect(rows.locator('.fact-label')).toHaveText(KEY_FACTS[lang].map((label) => `${label}: `));
    for (const row of await rows.all()) {
      const box = (await row.boundingBox())!;
      expect(box.y).toBeGreaterThan(title.y);
      expect(box.y + box.height, await row.innerText()).toBeLessThanOrEqual(viewport.height);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    }
    // Nothing has been scrolled to get there.
    expect(await popup.evaluate(() => window.scrollY)).toBe(0);
  });
}

test('the Teams summary is at most 1,500 px tall before anything is opened, and every section opens with its content', async ({ ext }) => {
  const popup = await teamsPopup(ext);
  expect(await popup.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1500);
  const sections = popup.locator('details.section');
  expect(await sections.count()).toBeGreaterThanOrEqual(9);
  for (const section of await sections.all()) {
    await section.locator('summary').click();
    await expect(section.locator('.section-body')).not.toBeEmpty();
  }
  await expect(popup.getByText('MAC addresses')).toBeVisible();
});

test('a key fact opens its details and brings them into view below the sticky bar', async ({ ext }) => {
  const popup = await teamsPopup(ext);
  await popup.getByRole('button', { name: /End-to-end encryption/ }).click();
  const features = popup.locator('#section-features');
  await expect(features).toHaveAttribute('open', '');
  await expect(features.locator('summary')).toBeFocused();
  const [bar, heading] = [(await popup.locator('.app-bar').boundingBox())!, (await features.locator('summary').boundingBox())!];
  expect(heading.y).toBeGreaterThanOrEqual(bar.y + bar.height);
});

test('pin Teams from its call, then find the pinned summary on an ordinary page', async ({ ext }) => {
  const popup = await teamsPopup(ext);
  await popup.getByRole('button', { name: 'Pin Microsoft Teams' }).click();
  await expect(popup.getByRole('button', { name: 'Unpin Microsoft Teams' })).toHaveAttribute('aria-pressed', 'true');
  await popup.close();

  const home = await homePopup(ext);
  await home.getByRole('region', { name: 'Pinned' }).getByRole('button', { name: 'Microsoft Teams', exact: true }).click();
  await expect(home.getByRole('heading', { level: 1 })).toHaveText('Microsoft Teams');
  await expect(home.getByText('Opened from pins')).toBeVisible();
});

test('the language choice and the opened sections survive closing the popup', async ({ ext }) => {
  const popup = await teamsPopup(ext);
  await setLanguage(popup, 'de');
  await popup.getByText('Erhobene Daten').click();
  await expect(popup.getByText('Kameratyp', { exact: true })).toBeVisible();
  await popup.close();

  const reopened = await teamsPopup(ext);
  await expect(reopened.locator('html')).toHaveAttribute('lang', 'de');
  await expect(reopened.getByText('Kameratyp', { exact: true })).toBeVisible();
  await setLanguage(reopened, 'en');
  await reopened.close();

  const again = await teamsPopup(ext);
  await expect(again.locator('html')).toHaveAttribute('lang', 'en');
  await expect(again.getByText('Camera type', { exact: true })).toBeVisible();
});

test('search "zoom" on the home view and open the Zoom summary with the keyboard', async ({ ext }) => {
  const popup = await homePopup(ext);
  const search = popup.getByRole('searchbox', { name: 'Search tools' });
  await search.fill('zoom');
  const results = popup.locator('#tool-list button');
  await expect(results).toHaveCount(1);
  await expect(popup.getByText('1 tool', { exact: true })).toBeVisible();
  await search.press('ArrowDown');
  await expect(results.first()).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Zoom');
  await expect(popup.getByText('Opened from the list')).toBeVisible();
});

test('compare Teams and Zoom on the same key-fact rows', async ({ ext }) => {
  const popup = await teamsPopup(ext);
  await popup.getByRole('button', { name: 'Compare' }).click();
  await popup.getByRole('combobox', { name: 'Tool 2' }).selectOption({ label: 'Zoom' });
  const table = popup.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Microsoft Teams', 'Zoom']);
  await expect(table.getByRole('rowheader')).toHaveText(KEY_FACTS.en);
  for (const fact of ['where', 'e2ee']) await expect(table.locator(`tbody[data-fact="${fact}"] td .mark`)).toHaveCount(2);
});

test('copy the summary as Markdown', async ({ ext }) => {
  const popup = await teamsPopup(ext);
  await popup.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  // The clipboard is the browser's; read it back from an ordinary page allowed to read it.
  await ext.context.grantPermissions(['clipboard-read'], { origin: 'https://www.example.com' });
  const { page: reader } = await ext.open('https://www.example.com/');
  const markdown = await reader.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toMatch(/^# Microsoft Teams\n/);
  for (const heading of ['## Key facts', '## Service and provider', '## Collected data', '## Legal bases', '## Retention', '## Data-processing agreement', '## Sources']) {
    expect(markdown).toContain(`\n${heading}\n`);
  }
  expect(markdown).toContain('(<https://github.com/leits/MeetingBar/blob/master/MeetingBar/Meetings/MeetingProvider.swift>)');
  expect(markdown).toContain('Data as of 23 November 2026');
});

for (const lang of ['en', 'de'] as const) {
  test(`every view passes axe-core with no violations, light and dark, with every section open (${lang})`, async ({ ext }) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const check = async (page: Page, view: string) => {
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
    await check(popup, 'summary');
    for (const summary of await popup.locator('details.section > summary').all()) await summary.click();
    await check(popup, 'summary-open');

    await popup.getByRole('button', { name: lang === 'de' ? 'Vergleichen' : 'Compare' }).click();
    await popup.getByRole('combobox', { name: 'Tool 2' }).selectOption({ label: 'Zoom' });
    await expect(popup.getByRole('table')).toBeVisible();
    await check(popup, 'compare');

    await popup.getByRole('button', { name: lang === 'de' ? 'Zurück zur Übersicht' : 'Back to overview' }).click();
    await expect(popup.getByRole('searchbox')).toBeVisible();
    await check(popup, 'home');
  });
}
