import type { Page } from 'puppeteer-core';
import { ACME_POLICY, ACME_TEAMS_STATEMENTS } from '../../scripts/policy-files';
import { eventually, expect, fixture, test, type FirefoxExtension } from './fixtures';

/**
 * The organisation's policy in Firefox, deployed as administrators do: `3rdparty.Extensions.<add-on id>` in
 * the policies.json of Firefox's distribution folder, read at start-up and exposed through `storage.managed`.
 */
test.use({ policy: ACME_POLICY });

const text = (page: Page, selector: string) => page.$eval(selector, (element) => element.textContent?.trim() ?? '');
const texts = (page: Page, selector: string) =>
  page.$$eval(selector, (elements) => elements.map((element) => element.textContent?.trim() ?? ''));

async function popupOn(firefox: FirefoxExtension, url: string, html: string): Promise<Page> {
  firefox.serve(new URL(url).origin, html);
  const { tabId } = await firefox.open(url);
  await eventually(async () => (await firefox.badge(tabId)).text !== '', true);
  return firefox.popup(tabId);
}

test('the first screen says ACME GmbH approved Teams and did not approve Zoom, in both languages', async ({
  firefox,
}) => {
  const teams = await popupOn(
    firefox,
    'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0',
    fixture('meeting.html'),
  );
  await teams.waitForSelector('.verdict');
  expect(await text(teams, '.verdict')).toBe('✓Approved by ACME GmbH');
  await teams.click('.lang-switch button[lang="de"]');
  await teams.waitForFunction(() => document.querySelector('.verdict')?.textContent === '✓Von ACME GmbH freigegeben');
  await teams.click('.lang-switch button[lang="en"]');

  const zoom = await popupOn(firefox, 'https://app.zoom.us/wc/12345678901/join', fixture('meeting.html'));
  expect(await text(zoom, 'h1')).toBe('Zoom');
  await zoom.waitForSelector('.verdict');
  expect(await text(zoom, '.verdict')).toBe('!Not approved by ACME GmbH');
});

test('the summary shows the organisation’s own terms apart from the provider’s facts, with its notice and contact', async ({
  firefox,
}) => {
  const popup = await popupOn(
    firefox,
    'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0',
    fixture('meeting.html'),
  );
  await popup.waitForSelector('.organisation');
  expect(await text(popup, '.organisation h2')).toBe('Statements by ACME GmbH');
  expect(await texts(popup, '.organisation li')).toEqual(ACME_TEAMS_STATEMENTS);
  expect(await popup.$eval('.organisation a', (link) => link.getAttribute('href'))).toBe(
    'https://intranet.acme.example/privacy/meetings',
  );
  expect(await popup.$eval('.organisation', (element) => element.closest('.key-facts, details') === null)).toBe(true);
});

test('a host the organisation names is recognised by its address when the popup opens, with no sign of the tool in the page', async ({
  firefox,
}) => {
  firefox.serve('https://video.example.org', fixture('plain.html'));
  const { tabId } = await firefox.open('https://video.example.org/room/standup');
  const popup = await firefox.popup(tabId);
  expect(await text(popup, 'h1')).toBe('OpenTalk');
  expect(await text(popup, '.origin')).toContain('recognised from this page’s address');
  // The rule that matched, one hover away.
  expect(await popup.$eval('.origin', (element) => element.getAttribute('title'))).toContain(
    'Address named by your organisation',
  );
  await eventually(async () => (await firefox.badge(tabId)).title.startsWith('OpenTalk detected'), true);
});

test('the registry page shows ACME GmbH’s verdicts in a column, and "approved" narrows the table to Teams', async ({
  firefox,
}) => {
  const page = await firefox.page('registry.html');
  await page.waitForSelector('th[data-column="verdict"]');
  expect(await text(page, 'th[data-column="verdict"]')).toMatch(/^Verdict of ACME GmbH/);
  expect(await text(page, 'tr[data-tool="microsoft-teams"] td[data-column="verdict"]')).toBe('✓ Approved');
  expect(await text(page, 'tr[data-tool="zoom"] td[data-column="verdict"]')).toBe('! Not approved');
  await page.click('input[name="filter"][value="approved"]');
  await eventually(
    () => page.$$eval('#registry-table tbody tr', (rows) => rows.map((row) => row.getAttribute('data-tool'))),
    ['microsoft-teams'],
  );
});
