import { expect, fixture, test, type Extension } from './fixtures';

const meeting = fixture('meeting.html');

test.afterEach(({ extensionRequests }) => {
  // Detection and scanning never make a request of their own.
  expect(extensionRequests).toEqual([]);
});

/** Serves the meeting fixture at `url` (and scripts under its host as empty files), then opens it. */
async function openAt(ext: Extension, url: string, html = meeting) {
  const { origin } = new URL(url);
  await ext.context.route(`${origin}/**`, (route) =>
    route.request().resourceType() === 'script'
      ? route.fulfill({ contentType: 'text/javascript', body: '' })
      : route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
  );
  return ext.open(url);
}

const hosted = [
  ['Microsoft Teams', 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d'],
  ['Zoom', 'https://app.zoom.us/wc/12345678901/join?ref_from=launch'],
  ['Google Meet', 'https://meet.google.com/abc-defg-hij'],
  ['Webex', 'https://acme.webex.com/meet/jane.doe'],
  ['Jitsi Meet', 'https://meet.jit.si/WeeklyStandup'],
  ['Whereby', 'https://acme.whereby.com/standup'],
] as const;

for (const [name, url] of hosted) {
  test(`${name}: the meeting tab gets the badge and the popup shows ${name}`, async ({ ext }) => {
    const { tabId } = await openAt(ext, url);
    const badge = await ext.waitForBadge(tabId, (text) => text !== '');
    expect(badge.title).toMatch(new RegExp(`detected: meeting$`));
    const popup = await ext.popup(tabId);
    await expect(popup.getByRole('heading', { level: 1 })).toContainText(name);
    await expect(popup.getByText(/Detected on this page · Meeting/)).toBeVisible();
  });
}

test('a self-hosted Jitsi on a neutral host is detected from its page markers when the popup opens', async ({ ext }) => {
  const { tabId } = await openAt(ext, 'https://video.example.org/WeeklyStandup', fixture('jitsi-self-hosted.html'));
  expect((await ext.badge(tabId)).text).toBe('');
  const popup = await ext.popup(tabId);
  await expect(popup.getByRole('heading', { level: 1 })).toContainText('Jitsi');
  await expect(popup.locator('.origin')).toContainText(/JitsiMeetJS|lib-jitsi-meet/);
  expect((await ext.badge(tabId)).text).not.toBe('');
});

test('BigBlueButton on a neutral host is detected when the popup opens', async ({ ext }) => {
  const { tabId } = await openAt(ext, 'https://video.example.org/html5client/join?sessionToken=abc', fixture('bigbluebutton.html'));
  const popup = await ext.popup(tabId);
  await expect(popup.getByRole('heading', { level: 1 })).toContainText('BigBlueButton');
  await expect(popup.locator('.origin')).toContainText('/html5client/');
});

test('an in-page navigation from the Teams chat to a meeting and back moves the badge along', async ({ ext }) => {
  const { page, tabId } = await openAt(ext, 'https://teams.microsoft.com/v2/', fixture('teams.html'));
  await expect.poll(async () => (await ext.badge(tabId)).title).toBe('Microsoft Teams detected');

  await page.evaluate(() => (window as unknown as { openMeeting(): void }).openMeeting());
  await expect.poll(async () => (await ext.badge(tabId)).title).toBe('Microsoft Teams detected: meeting');

  await page.evaluate(() => (window as unknown as { openChat(): void }).openChat());
  await expect.poll(async () => (await ext.badge(tabId)).title).toBe('Microsoft Teams detected');
});

test('leaving the tool for an ordinary page clears the badge', async ({ ext }) => {
  await ext.serve('https://www.example.com/**', fixture('plain.html'));
  const { page, tabId } = await openAt(ext, 'https://meet.google.com/abc-defg-hij');
  await ext.waitForBadge(tabId, 'Meet');
  await page.goto('https://www.example.com/');
  await expect.poll(async () => (await ext.badge(tabId)).text).toBe('');
});
