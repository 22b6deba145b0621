import type { Page } from 'puppeteer-core';
import { eventually, expect, fixture, test, type FirefoxExtension } from './fixtures';

const TEAMS = 'https://teams.microsoft.com';
const text = (page: Page, selector: string) => page.$eval(selector, (element) => element.textContent?.trim() ?? '');

async function teamsTab(firefox: FirefoxExtension, path = '/l/meetup-join/19%3ameeting_abc%40thread.v2/0') {
  firefox.serve(TEAMS, fixture('teams.html'));
  const tab = await firefox.open(`${TEAMS}${path}`);
  await eventually(async () => (await firefox.badge(tab.tabId)).text, 'T');
  return tab;
}

test('the badge is set on a Teams tab and not on another tab', async ({ firefox }) => {
  firefox.serve('https://www.example.com', fixture('plain.html'));
  const { tabId } = await teamsTab(firefox);
  const other = await firefox.open('https://www.example.com/');
  expect(await firefox.badge(tabId)).toEqual({ text: 'T', title: 'Microsoft Teams detected: meeting' });
  expect((await firefox.badge(other.tabId)).text).toBe('');
});

test('the popup for that tab shows the Teams summary with its key facts, kept in session storage', async ({
  firefox,
}) => {
  const { tabId } = await teamsTab(firefox);
  const popup = await firefox.popup(tabId);
  expect(await text(popup, 'h1')).toBe('Microsoft Teams');
  const facts = await popup.$$eval('.key-facts .fact', (elements) =>
    elements.map((element) => (element as HTMLElement).dataset.fact),
  );
  expect(facts).toEqual(['who', 'where', 'recording', 'ai', 'e2ee', 'assessment']);
  expect(await text(popup, '.key-facts .fact-text')).toMatch(
    /^The organisation holding this meeting .* is responsible; Microsoft Corporation processes for it/,
  );
  const session = await popup.evaluate(async () =>
    JSON.stringify(await (globalThis as unknown as { browser: typeof chrome }).browser.storage.session.get(null)),
  );
  expect(session).toContain('"toolId":"microsoft-teams"');
  expect(session).not.toContain('meetup-join');
});

test('an in-page navigation moves the badge', async ({ firefox }) => {
  const { page, tabId } = await teamsTab(firefox, '/v2/');
  await eventually(async () => (await firefox.badge(tabId)).title, 'Microsoft Teams detected');
  await page.evaluate(() => (window as unknown as { openMeeting(): void }).openMeeting());
  await eventually(async () => (await firefox.badge(tabId)).title, 'Microsoft Teams detected: meeting');
  await page.evaluate(() => (window as unknown as { openChat(): void }).openChat());
  await eventually(async () => (await firefox.badge(tabId)).title, 'Microsoft Teams detected');
});

test('a pin survives closing and reopening the popup', async ({ firefox }) => {
  const { tabId } = await teamsTab(firefox);
  const popup = await firefox.popup(tabId);
  await popup.click('button[aria-label="Pin Microsoft Teams"]');
  await popup.waitForSelector('button[aria-label="Unpin Microsoft Teams"][aria-pressed="true"]');
  await popup.close();
  firefox.serve('https://www.example.com', fixture('plain.html'));
  const home = await firefox.popup((await firefox.open('https://www.example.com/')).tabId);
  expect(await home.$$eval('.pins .tool-link', (elements) => elements.map((element) => element.textContent))).toEqual([
    'Microsoft Teams',
  ]);
});

test('the language choice persists', async ({ firefox }) => {
  const { tabId } = await teamsTab(firefox);
  const popup = await firefox.popup(tabId);
  await popup.click('.lang-switch button[lang="de"]');
  await popup.waitForFunction(() => document.documentElement.lang === 'de');
  await popup.close();
  const reopened = await firefox.popup(tabId);
  await reopened.waitForFunction(() => document.documentElement.lang === 'de');
  expect(await text(reopened, '.key-facts .fact-text')).toMatch(/^Verantwortlicher ist die Organisation/);
});

test('the on-demand scan finds a self-hosted Jitsi page, reading its globals in the main world', async ({
  firefox,
}) => {
  firefox.serve('https://video.example.org', fixture('jitsi-self-hosted.html'));
  const { tabId } = await firefox.open('https://video.example.org/WeeklyStandup');
  expect((await firefox.badge(tabId)).text).toBe('');
  const popup = await firefox.popup(tabId);
  expect(await text(popup, 'h1')).toContain('Jitsi');
  expect(await text(popup, '.origin')).toMatch(/^Jitsi.*, recognised from this page’s scripts/);
  expect(await popup.$eval('.origin', (element) => element.getAttribute('title'))).toMatch(
    /JitsiMeetJS|lib-jitsi-meet/,
  );
  await eventually(async () => (await firefox.badge(tabId)).text !== '', true);
});

test('meetings on a webmail page are listed first, by tool and number of meetings', async ({ firefox }) => {
  firefox.serve('https://www.example.com', fixture('webmail.html'));
  const popup = await firefox.popup((await firefox.open('https://www.example.com/mail')).tabId);
  await popup.waitForSelector('.meeting-links');
  expect(
    await popup.$$eval('.meeting-links .linked-name', (elements) => elements.map((element) => element.textContent)),
  ).toEqual(['Microsoft Teams · 1 meeting', 'Zoom · 1 meeting', 'Google Meet · 1 meeting', 'Webex · 1 meeting']);
  expect(await text(popup, 'h1')).toBe('Meetings in this invitation');
});

/** The longest pause of a page's main thread, measured by the page itself, while the popup scans it. */
async function pauseDuringScan(firefox: FirefoxExtension, kind: 'prose' | 'hostile'): Promise<number> {
  firefox.serve('https://www.example.com', fixture('long-text.html'));
  const { page, tabId } = await firefox.open(`https://www.example.com/notes?text=${kind}`);
  await page.evaluate(() => (window as unknown as { resetPause(): void }).resetPause());
  const popup = await firefox.popup(tabId);
  await popup.waitForSelector('.meeting-links .linked-name');
  expect(await text(popup, '.meeting-links .linked-name')).toBe('Zoom · 1 meeting');
  await new Promise((done) => setTimeout(done, 50));
  const pause = await page.evaluate(() => (window as unknown as { longestPause: number }).longestPause);
  await popup.close();
  await page.close();
  return pause;
}

test('reading 200,000 characters of hostile text for links pauses the page no longer than prose does', async ({
  firefox,
}) => {
  const prose = await pauseDuringScan(firefox, 'prose');
  const hostile = await pauseDuringScan(firefox, 'hostile');
  // Quadratic matching froze the page for about 7 s here; the prose page says how much a busy machine adds.
  expect(hostile).toBeLessThan(Math.max(100, 3 * prose));
});

test('a page that only names tools, or holds elements named like their globals, shows no tool and no badge', async ({
  firefox,
}) => {
  firefox.serve('https://www.example.com', fixture('false-markers.html'));
  const { tabId } = await firefox.open('https://www.example.com/article');
  const popup = await firefox.popup(tabId);
  await popup.waitForSelector('h1');
  expect(await text(popup, 'h1')).toBe('No conferencing tool detected');
  expect((await firefox.badge(tabId)).text).toBe('');
});
