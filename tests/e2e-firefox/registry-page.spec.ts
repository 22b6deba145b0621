import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { eventually, expect, fixture, test } from './fixtures';

const TOOL_COUNT = readdirSync(resolve(import.meta.dirname, '../../data/tools')).filter((file) =>
  file.endsWith('.json'),
).length;
const rowCount = (page: Page) => page.$$eval('#registry-table tbody tr', (rows) => rows.length);
const visibleTools = (page: Page) =>
  page.$$eval('#registry-table tbody tr', (rows) => rows.map((row) => row.getAttribute('data-tool')));

/** Replaces the field's value as a user typing it would (puppeteer's type appends). */
async function search(page: Page, selector: string, query: string): Promise<void> {
  await page.$eval(selector, (input) => ((input as HTMLInputElement).value = ''));
  await page.click(selector);
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.type(selector, query);
}

test('the registry page lists every tool, and a filter narrows the list', async ({ firefox }) => {
  const page = await firefox.page('registry.html');
  await eventually(() => rowCount(page), TOOL_COUNT);
  await page.click('input[name="filter"][value="eu-only"]');
  await eventually(async () => {
    const count = await rowCount(page);
    return count > 0 && count < TOOL_COUNT;
  }, true);
});

test('a comparison of three tools downloads as CSV with one row per fact', async ({ firefox }) => {
  const page = await firefox.page('registry.html?pick=microsoft-teams&pick=zoom&pick=webex');
  await page.waitForSelector('.comparison table tbody tr');
  const facts = await page.$$eval('.comparison table tbody tr', (rows) => rows.length);
  expect(facts).toBeGreaterThan(6);
  // The download is a Blob behind an object URL: keep the Blob to read what would be saved.
  await page.evaluate(() => {
    const create = URL.createObjectURL.bind(URL);
    const kept: Blob[] = ((globalThis as unknown as { kept: Blob[] }).kept = []);
    URL.createObjectURL = (blob: Blob | MediaSource) => (kept.push(blob as Blob), create(blob));
    HTMLAnchorElement.prototype.click = () => {};
  });
  const [button] = await page.$$('.comparison .export-actions button');
  await button!.click();
  const csv = await page.evaluate(() => (globalThis as unknown as { kept: Blob[] }).kept[0]!.text());
  const records = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(records).toHaveLength(facts + 1);
  expect(records[0]).toBe('Fact,Microsoft Teams,Zoom,Webex');
});

test('"Copy summary" of Teams is plain text without backslashes or asterisks', async ({ firefox }) => {
  firefox.serve('https://teams.microsoft.com', fixture('teams.html'));
  const { tabId } = await firefox.open('https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0');
  await eventually(async () => (await firefox.badge(tabId)).text, 'T');
  const popup = await firefox.popup(tabId);
  await popup.evaluate(() => {
    navigator.clipboard.writeText = async (text: string) =>
      void ((globalThis as unknown as { copied: string }).copied = text);
  });
  const buttons = await popup.$$('.summary-actions button');
  const labels = await Promise.all(buttons.map((button) => button.evaluate((element) => element.textContent)));
  await buttons[labels.indexOf('Copy summary')]!.click();
  await eventually(() => popup.evaluate(() => typeof (globalThis as unknown as { copied?: string }).copied), 'string');
  const text = await popup.evaluate(() => (globalThis as unknown as { copied: string }).copied);
  expect(text).toMatch(/^Microsoft Teams\n/);
  expect(text).not.toMatch(/[\\*]/);
});

for (const lang of ['en', 'de'] as const) {
  test(`searching "zom", "BBB" and "cisco" finds Zoom, BigBlueButton and Webex (${lang})`, async ({ firefox }) => {
    const page = await firefox.page('registry.html');
    await page.click(`.lang-switch button[lang="${lang}"]`);
    await page.waitForFunction((wanted) => document.documentElement.lang === wanted, {}, lang);
    for (const [query, id] of [
      ['zom', 'zoom'],
      ['BBB', 'bigbluebutton'],
      ['cisco', 'webex'],
    ] as const) {
      await search(page, 'input[type=search]', query);
      await eventually(async () => (await visibleTools(page)).includes(id), true);
    }
  });
}
