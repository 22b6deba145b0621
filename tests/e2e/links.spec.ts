import { expect, fixture, test } from './fixtures';

test('a webmail page lists its meetings first, one per tool, with what a joiner needs, opens a summary, and keeps none of the links', async ({
  ext,
}) => {
  await ext.serve('https://www.example.com', fixture('webmail.html'));
  const { tabId } = await ext.open('https://www.example.com/mail/inbox');
  const popup = await ext.popup(tabId);

  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Meetings in this invitation');
  await expect(popup.getByText('No conferencing tool detected')).toHaveCount(0);
  const section = popup.getByRole('region', { name: 'Meetings in this invitation' });
  await expect(section.locator('.linked-name')).toHaveText([
    'Microsoft Teams · 1 meeting',
    'Zoom · 1 meeting',
    'Google Meet · 1 meeting',
    'Webex · 1 meeting',
  ]);
  await expect(section.getByRole('button').first().locator('.linked-fact')).toHaveCount(2);
  await expect(section.getByRole('button').first().locator('.linked-fact[data-fact="e2ee"]')).toContainText(
    'in the browser',
  );
  // The links come first: above the list of all tools.
  const [list, tools] = await Promise.all([
    section.boundingBox(),
    popup.getByRole('heading', { name: 'All tools' }).boundingBox(),
  ]);
  expect(list!.y).toBeLessThan(tools!.y);
  // Each entry reads as one left-aligned block: the name starts where its fact does.
  const [name, fact] = await Promise.all([
    section.locator('.linked-name strong').first().boundingBox(),
    section.locator('.linked-fact').first().boundingBox(),
  ]);
  expect(Math.abs(name!.x - fact!.x)).toBeLessThan(2);

  await section.getByRole('button', { name: /^Zoom/ }).click();
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Zoom');
  await expect(popup.getByText('Opened from a link')).toBeVisible();

  // Neither the links nor their join secrets were kept anywhere, or shown.
  const stored = await (
    await ext.currentWorker()
  ).evaluate(async () =>
    JSON.stringify([await chrome.storage.session.get(null), await chrome.storage.local.get(null)]),
  );
  for (const secret of ['sEcReT123', '85512345678', 'abc-defg-hij', 'meetup-join', 'jane.doe', 'safelinks']) {
    expect(stored).not.toContain(secret);
    await expect(popup.locator('body')).not.toContainText(secret);
  }
});

for (const lang of ['en', 'de'] as const) {
  test(`one Teams invitation in a mail (join, dial-in, options and help links) is one Teams meeting (${lang})`, async ({
    ext,
  }) => {
    await ext.serve('https://www.example.com', fixture('webmail-teams-invitation.html'));
    const { tabId } = await ext.open('https://www.example.com/mail/kick-off');
    const popup = await ext.popup(tabId);
    await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Meetings in this invitation');
    await popup.getByRole('button', { name: lang === 'de' ? 'Deutsch' : 'English' }).click();
    const title = lang === 'de' ? 'Besprechungen in dieser Einladung' : 'Meetings in this invitation';
    const section = popup.getByRole('region', { name: title });
    await expect(section.locator('.linked-name')).toHaveText([
      lang === 'de' ? 'Microsoft Teams · 1 Besprechung' : 'Microsoft Teams · 1 meeting',
    ]);
    await expect(section.locator('.linked-fact[data-fact="recording"]')).toBeVisible();
    await expect(section.locator('.linked-fact[data-fact="e2ee"]')).toContainText(
      lang === 'de' ? 'Im Browser' : 'in the browser',
    );
    await expect(popup.locator('body')).not.toContainText('sEcReT123');
  });
}

test('on a tool’s own page the summary comes first and the meeting links follow it', async ({ ext }) => {
  const page = fixture('teams.html').replace(
    '<p>Conversations</p>',
    '<p>Conversations <a href="https://acme.webex.com/meet/jane.doe">webex</a></p>',
  );
  await ext.serve('https://teams.microsoft.com', page);
  const { tabId } = await ext.open('https://teams.microsoft.com/v2/');
  await expect.poll(async () => (await ext.badge(tabId)).text).toBe('T');
  const popup = await ext.popup(tabId);
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Microsoft Teams');
  const links = popup.getByRole('region', { name: 'Meeting links on this page' });
  await expect(links.locator('.linked-name')).toHaveText(['Webex · 1 meeting']);
  const [summaryBox, linksBox] = await Promise.all([popup.getByRole('article').boundingBox(), links.boundingBox()]);
  expect(linksBox!.y).toBeGreaterThan(summaryBox!.y + summaryBox!.height - 1);
});

test('the link menu opens the summary of a wrapped Zoom link in a tab of its own', async ({ ext }) => {
  // Browsers do not let tests right-click; the menu's handler is driven through the same path a click takes.
  const worker = await ext.currentWorker();
  const menu = () =>
    worker.evaluate(
      () =>
        new Promise((resolve) =>
          chrome.contextMenus.update('summary-for-link', {}, () =>
            resolve(chrome.runtime.lastError?.message ?? 'exists'),
          ),
        ),
    );
  await expect.poll(menu).toBe('exists');
  const opened = ext.context.waitForEvent('page');
  await worker.evaluate(() =>
    (globalThis as unknown as { mplLinkMenuClicked(info: unknown): Promise<void> }).mplLinkMenuClicked({
      menuItemId: 'summary-for-link',
      linkUrl:
        'https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fzoom.us%2Fj%2F85512345678%3Fpwd%3Dx&data=1',
    }),
  );
  const summary = await opened;
  await expect(summary.getByRole('heading', { level: 1 })).toHaveText('Zoom');
  await expect(summary.getByText('Opened from a link')).toBeVisible();
});
