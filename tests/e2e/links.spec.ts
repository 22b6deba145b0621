import { expect, fixture, test } from './fixtures';

test('a webmail page lists exactly the four linked tools, opens a summary, and keeps none of the links', async ({ ext }) => {
  await ext.serve('https://www.example.com', fixture('webmail.html'));
  const { tabId } = await ext.open('https://www.example.com/mail/inbox');
  const popup = await ext.popup(tabId);

  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('No conferencing tool detected');
  const section = popup.getByRole('region', { name: 'Meeting links on this page' });
  await expect(section.locator('.linked-name')).toHaveText(['Microsoft Teams · 1 link', 'Zoom · 1 link', 'Google Meet · 1 link', 'Webex · 1 link']);
  await expect(section.getByRole('button').first()).toContainText('Where data goes:');
  // Each entry reads as one left-aligned block: the name starts where its fact does.
  const [name, fact] = await Promise.all([section.locator('.linked-name strong').first().boundingBox(), section.locator('.linked-fact').first().boundingBox()]);
  expect(Math.abs(name!.x - fact!.x)).toBeLessThan(2);

  await section.getByRole('button', { name: /^Zoom/ }).click();
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Zoom');
  await expect(popup.getByText('Opened from a link')).toBeVisible();

  // Neither the links nor their join secrets were kept anywhere, or shown.
  const stored = await (await ext.currentWorker()).evaluate(async () =>
    JSON.stringify([await chrome.storage.session.get(null), await chrome.storage.local.get(null)]),
  );
  for (const secret of ['sEcReT123', '85512345678', 'abc-defg-hij', 'meetup-join', 'jane.doe', 'safelinks']) {
    expect(stored).not.toContain(secret);
    await expect(popup.locator('body')).not.toContainText(secret);
  }
});

test('on a tool’s own page the summary comes first and the meeting links follow it', async ({ ext }) => {
  const page = fixture('teams.html').replace('<p>Conversations</p>', '<p>Conversations <a href="https://acme.webex.com/meet/jane.doe">webex</a></p>');
  await ext.serve('https://teams.microsoft.com', page);
  const { tabId } = await ext.open('https://teams.microsoft.com/v2/');
  await expect.poll(async () => (await ext.badge(tabId)).text).toBe('T');
  const popup = await ext.popup(tabId);
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Microsoft Teams');
  const links = popup.getByRole('region', { name: 'Meeting links on this page' });
  await expect(links.locator('.linked-name')).toHaveText(['Webex · 1 link']);
  const [summaryBox, linksBox] = await Promise.all([popup.getByRole('article').boundingBox(), links.boundingBox()]);
  expect(linksBox!.y).toBeGreaterThan(summaryBox!.y + summaryBox!.height - 1);
});

test('the link menu opens the summary of a wrapped Zoom link in a tab of its own', async ({ ext }) => {
  // Browsers do not let tests right-click; the menu's handler is driven through the same path a click takes.
  const worker = await ext.currentWorker();
  const menu = () => worker.evaluate(() => new Promise((resolve) => chrome.contextMenus.update('summary-for-link', {}, () => resolve(chrome.runtime.lastError?.message ?? 'exists'))));
  await expect.poll(menu).toBe('exists');
  const opened = ext.context.waitForEvent('page');
  await worker.evaluate(() =>
    (globalThis as unknown as { mplLinkMenuClicked(info: unknown): Promise<void> }).mplLinkMenuClicked({
      menuItemId: 'summary-for-link',
      linkUrl: 'https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fzoom.us%2Fj%2F85512345678%3Fpwd%3Dx&data=1',
    }),
  );
  const summary = await opened;
  await expect(summary.getByRole('heading', { level: 1 })).toHaveText('Zoom');
  await expect(summary.getByText('Opened from a link')).toBeVisible();
});
