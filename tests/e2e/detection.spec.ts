import { expect, fixture, test } from './fixtures';

const meeting = fixture('meeting.html');

const hosted = [
  ['Microsoft Teams', 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d'],
  ['Zoom', 'https://app.zoom.us/wc/12345678901/join?ref_from=launch'],
  ['Google Meet', 'https://meet.google.com/abc-defg-hij'],
  ['Webex', 'https://acme.webex.com/meet/jane.doe'],
  ['Jitsi Meet', 'https://meet.jit.si/WeeklyStandup'],
  ['Whereby', 'https://acme.whereby.com/standup'],
] as const;

for (const [name, url] of hosted) {
  test(`${name}: the meeting tab gets the badge, another tab does not, and the popup shows ${name}`, async ({
    ext,
  }) => {
    await ext.serve(new URL(url).origin, meeting);
    await ext.serve('https://www.example.com', fixture('plain.html'));
    const { tabId } = await ext.open(url);
    const other = await ext.open('https://www.example.com/');
    await expect.poll(async () => (await ext.badge(tabId)).title).toMatch(/detected: meeting$/);
    expect((await ext.badge(other.tabId)).text).toBe('');
    const popup = await ext.popup(tabId);
    await expect(popup.getByRole('heading', { level: 1 })).toContainText(name);
    await expect(popup.locator('.origin')).toContainText('meeting, recognised from this page’s address');
  });
}

test('a self-hosted Jitsi on a neutral host is detected from its page markers when the popup opens', async ({
  ext,
}) => {
  await ext.serve('https://video.example.org', fixture('jitsi-self-hosted.html'));
  const { tabId } = await ext.open('https://video.example.org/WeeklyStandup');
  expect((await ext.badge(tabId)).text).toBe('');
  const popup = await ext.popup(tabId);
  await expect(popup.getByRole('heading', { level: 1 })).toContainText('Jitsi');
  await expect(popup.locator('.origin')).toContainText('recognised from this page’s scripts');
  await expect(popup.locator('.origin')).toHaveAttribute('title', /JitsiMeetJS|lib-jitsi-meet/);
  await expect.poll(async () => (await ext.badge(tabId)).text).not.toBe('');
});

test('BigBlueButton on a neutral host is detected when the popup opens, named by its path rule', async ({ ext }) => {
  await ext.serve('https://video.example.org', fixture('bigbluebutton.html'));
  const { tabId } = await ext.open('https://video.example.org/html5client/join?sessionToken=abc');
  const popup = await ext.popup(tabId);
  await expect(popup.getByRole('heading', { level: 1 })).toContainText('BigBlueButton');
  await expect(popup.locator('.origin')).toContainText(/recognised from this page’s (address|scripts|content)/);
  await expect(popup.locator('.origin')).toHaveAttribute('title', /BigBlueButton address path|Page/);
  await expect(popup.locator('.origin')).not.toContainText('sessionToken');
});

test('an in-page navigation from the Teams chat to a meeting and back moves the badge along', async ({ ext }) => {
  await ext.serve('https://teams.microsoft.com', fixture('teams.html'));
  const { page, tabId } = await ext.open('https://teams.microsoft.com/v2/');
  await expect.poll(async () => (await ext.badge(tabId)).title).toBe('Microsoft Teams detected');
  await page.evaluate(() => (window as unknown as { openMeeting(): void }).openMeeting());
  await expect.poll(async () => (await ext.badge(tabId)).title).toBe('Microsoft Teams detected: meeting');
  await page.evaluate(() => (window as unknown as { openChat(): void }).openChat());
  await expect.poll(async () => (await ext.badge(tabId)).title).toBe('Microsoft Teams detected');
});

test('leaving the tool for a page on a host without permission clears the badge and the stored state', async ({
  ext,
}) => {
  await ext.serve('https://meet.google.com', meeting);
  await ext.serve('https://news.example.net', fixture('plain.html'));
  const tabs = await Promise.all([0, 1, 2, 3, 4].map(() => ext.open('https://meet.google.com/abc-defg-hij')));
  for (const { tabId } of tabs) await expect.poll(async () => (await ext.badge(tabId)).text).toBe('Meet');
  await Promise.all(tabs.map(({ page }) => page.goto('https://news.example.net/')));
  for (const { tabId } of tabs) await expect.poll(async () => (await ext.badge(tabId)).text).toBe('');
  const worker = await ext.currentWorker();
  await expect.poll(() => worker.evaluate(async () => Object.keys(await chrome.storage.session.get(null)))).toEqual([]);
});

test('an ordinary page gives the "no tool detected" state', async ({ ext }) => {
  await ext.serve('https://www.example.com', fixture('plain.html'));
  const { tabId } = await ext.open('https://www.example.com/');
  const popup = await ext.popup(tabId);
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('No conferencing tool detected');
  expect((await ext.badge(tabId)).text).toBe('');
});
