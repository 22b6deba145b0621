import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, fixture, test, type Extension } from './fixtures';

const ROOT = resolve(import.meta.dirname, '../..');
const TOOL_COUNT = readdirSync(resolve(ROOT, 'data/tools')).filter((file) => file.endsWith('.json')).length;

async function registryPage(ext: Extension, search = ''): Promise<Page> {
  const page = await ext.page(`registry.html${search}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  return page;
}

const rows = (page: Page) => page.locator('#registry-table tbody tr');

test('the registry page lists every tool, and a filter narrows the list to tools that pass it', async ({ ext }) => {
  const page = await registryPage(ext);
  await expect(rows(page)).toHaveCount(TOOL_COUNT);
  await page.getByRole('checkbox', { name: /EU only/ }).check();
  const narrowed = await rows(page).count();
  expect(narrowed).toBeGreaterThan(0);
  expect(narrowed).toBeLessThan(TOOL_COUNT);
  // Every tool left keeps its data in the EU/EEA: its "where" cell carries the ✓ mark.
  await expect(page.locator('#registry-table tbody td[data-column="where"] .mark-ok')).toHaveCount(narrowed);
  await page.getByRole('checkbox', { name: /EU only/ }).uncheck();
  await expect(rows(page)).toHaveCount(TOOL_COUNT);
});

test('a column sorts both ways from its header button, and says so to screen readers', async ({ ext }) => {
  const page = await registryPage(ext);
  const header = page.locator('th[data-column="tool"]');
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const first = await rows(page).first().getAttribute('data-tool');
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(rows(page).last()).toHaveAttribute('data-tool', first!);
});

test('three tools compared export as CSV with one row per fact', async ({ ext }) => {
  const page = await registryPage(ext, '?pick=microsoft-teams');
  for (const id of ['zoom', 'webex'])
    await page.locator(`#registry-table tr[data-tool="${id}"] input[type=checkbox]`).check();
  // A fourth tool cannot be added.
  await expect(page.locator('#registry-table tr[data-tool="google-meet"] input[type=checkbox]')).toBeDisabled();
  const comparison = page.getByRole('region', { name: 'Compare tools' });
  const facts = comparison.locator('table tbody tr');
  await expect(comparison.locator('table thead th')).toHaveCount(4);
  const factCount = await facts.count();
  expect(factCount).toBeGreaterThan(6);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    comparison
      .getByRole('group', { name: 'Export the comparison' })
      .getByRole('button', { name: 'Download CSV' })
      .click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const records = csv.slice(1).trimEnd().split('\r\n');
  expect(records).toHaveLength(factCount + 1);
  expect(records[0]).toBe('Fact,Microsoft Teams,Zoom,Webex');
});

for (const lang of ['en', 'de'] as const) {
  test(`searching "zom", "BBB" and "cisco" finds Zoom, BigBlueButton and Webex on the page and in the popup (${lang})`, async ({
    ext,
  }) => {
    await ext.serve('https://www.example.com', fixture('plain.html'));
    const { tabId } = await ext.open('https://www.example.com/');
    const popup = await ext.popup(tabId);
    await popup.getByRole('button', { name: lang === 'de' ? 'Deutsch' : 'English' }).click();
    await expect(popup.locator('html')).toHaveAttribute('lang', lang);
    const page = await registryPage(ext);
    // One language preference, shared with the popup.
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    for (const [query, id, name] of [
      ['zom', 'zoom', 'Zoom'],
      ['BBB', 'bigbluebutton', 'BigBlueButton'],
      ['cisco', 'webex', 'Webex'],
    ]) {
      await page.getByRole('searchbox').fill(query!);
      await expect(page.locator(`#registry-table tr[data-tool="${id}"]`)).toBeVisible();
      await popup.getByRole('searchbox').fill(query!);
      await expect(popup.locator('#tool-list button').first()).toHaveText(name!);
    }
  });
}

for (const lang of ['en', 'de'] as const) {
  test(`the registry page passes axe-core with no violations, light and dark, with a comparison open (${lang})`, async ({
    ext,
  }) => {
    // Four axe runs over a 50-row table: on a busy machine they take longer than a minute.
    test.setTimeout(180_000);
    const page = await registryPage(ext, '?pick=microsoft-teams&pick=zoom&pick=jitsi-meet');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: lang === 'de' ? 'Deutsch' : 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(
      page.getByRole('region', { name: lang === 'de' ? 'Tools vergleichen' : 'Compare tools' }).locator('table'),
    ).toBeVisible();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(
        violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        colorScheme,
      ).toEqual([]);
    }
  });
}

test('"Copy summary" of Teams is plain text: the popup\'s signs and sentences, no backslashes, no asterisks', async ({
  ext,
}) => {
  await ext.serve('https://teams.microsoft.com', fixture('teams.html'));
  await ext.serve('https://www.example.com', fixture('plain.html'));
  const { tabId } = await ext.open('https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0');
  await expect.poll(async () => (await ext.badge(tabId)).text).toBe('T');
  const popup = await ext.popup(tabId);
  await popup.getByRole('button', { name: 'Copy summary' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  await ext.context.grantPermissions(['clipboard-read'], { origin: 'https://www.example.com' });
  const { page: reader } = await ext.open('https://www.example.com/');
  const text = await reader.evaluate(() => navigator.clipboard.readText());
  expect(text).toMatch(/^Microsoft Teams\n/);
  expect(text).not.toMatch(/[\\*]/);
  for (const fact of await popup.locator('.key-facts .fact').all()) {
    const sign = await fact.locator('.mark').innerText();
    // The row's sentence, without its "not confirmed" marker.
    const sentence = await fact.locator('.fact-text').evaluate((element) => element.firstChild?.textContent ?? '');
    expect(text).toContain(`\n${sign} `);
    expect(text).toContain(sentence.trim());
  }
  expect(text).toMatch(/\n {4}https:\/\/\S+\n/);
});
