import { expect, fixture, test } from './fixtures';

test.beforeEach(async ({ ext }) => {
  await ext.context.route(/^https:\/\/(teams\.microsoft\.com|source\.zoom\.us|meet\.jit\.si)\//, (route) =>
    route.request().resourceType() === 'script'
      ? route.fulfill({ contentType: 'text/javascript', body: '' })
      : route.fulfill({ contentType: 'text/html', body: fixture(route.request().url().includes('teams') ? 'hostile-teams.html' : 'meeting.html') }),
  );
});

test.afterEach(({ extensionRequests }) => {
  expect(extensionRequests).toEqual([]);
});

test('a hostile page at a Teams address stays Teams, and its address storm costs a bounded number of reports', async ({ ext, worker }) => {
  await worker.evaluate(() => {
    const counter = globalThis as unknown as { reports: number };
    counter.reports = 0;
    chrome.runtime.onMessage.addListener((message: { verb?: string }) => {
      if (message?.verb === 'pageChanged') counter.reports++;
    });
  });
  const { page, tabId } = await ext.open('https://teams.microsoft.com/v2/');
  await expect.poll(async () => (await ext.badge(tabId)).title).toBe('Microsoft Teams detected');

  const started = Date.now();
  await page.evaluate(() => (window as unknown as { storm(): Promise<number> }).storm());
  const stormMs = Date.now() - started;
  await expect.poll(async () => (await ext.badge(tabId)).title).toBe('Microsoft Teams detected: meeting');

  const reports = await worker.evaluate(() => (globalThis as unknown as { reports: number }).reports);
  // One report per 250 ms at most, plus the first and the trailing one.
  expect(reports).toBeGreaterThan(0);
  expect(reports).toBeLessThanOrEqual(Math.ceil(stormMs / 250) + 3);

  const popup = await ext.popup(tabId);
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Microsoft Teams');
  await expect(popup.locator('.origin')).toContainText('teams.microsoft.com');
  expect(await page.evaluate(() => document.querySelectorAll('#big span').length)).toBe(60000);
});

test('the badge and the popup survive a restart of the service worker', async ({ ext }) => {
  const { page, tabId } = await ext.open('https://teams.microsoft.com/v2/');
  await ext.waitForBadge(tabId, 'T');

  // Stop the worker the way the browser does when it idles, from Chromium's own service-worker page.
  const internals = await ext.context.newPage();
  await internals.goto('chrome://serviceworker-internals/');
  await internals.getByText('Stop', { exact: true }).click();
  await expect(internals.getByText('Running Status: STOPPED')).toBeVisible();

  // Opening the popup wakes a fresh worker; what it knows comes from session storage.
  const popup = await ext.popup(tabId);
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Microsoft Teams');
  expect(await popup.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('T');

  // The restarted worker still follows the tab.
  await page.evaluate(() => history.pushState({}, '', '/l/meetup-join/19%3ameeting_x%40thread.v2/0'));
  await expect.poll(() => popup.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId)).toBe('Microsoft Teams detected: meeting');
  await internals.reload();
  await expect(internals.getByText('Running Status: RUNNING')).toBeVisible();
});
