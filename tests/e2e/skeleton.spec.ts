import { expect, fixture, test } from './fixtures';

test.beforeEach(async ({ ext }) => {
  await ext.serve('https://teams.microsoft.com/**', fixture('teams.html'));
  await ext.serve('https://www.example.com/**', fixture('plain.html'));
});

test('a Teams tab gets the badge and its popup shows the Teams summary', async ({ ext }) => {
  const teams = await ext.open('https://teams.microsoft.com/v2/');
  const other = await ext.open('https://www.example.com/');

  expect(await ext.waitForBadge(teams.tabId, 'T')).toEqual({ text: 'T', title: 'Microsoft Teams detected' });
  expect((await ext.badge(other.tabId)).text).toBe('');

  const popup = await ext.popup(teams.tabId);
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Microsoft Teams');
  const summary = popup.locator('article.summary');
  // One item from each category of the seed text.
  for (const item of ['E-mail address', 'Number of participants', 'MAC addresses', 'Cloud recordings', 'Whiteboards', 'Voicemails']) {
    await expect(summary.getByText(item, { exact: true })).toBeVisible();
  }
  await expect(summary.getByText('Art. 6(1)(b) GDPR')).toBeVisible();
  await expect(summary.getByText('One Microsoft Way, Redmond, WA 98052-6399, USA')).toBeVisible();
  await expect(summary.getByRole('link', { name: /Privacy policy \(DE\)/ })).toHaveAttribute(
    'href',
    'https://privacy.microsoft.com/de-de/privacystatement',
  );
});

test('an ordinary page gives the "no tool detected" state', async ({ ext }) => {
  const other = await ext.open('https://www.example.com/');
  const popup = await ext.popup(other.tabId);
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('No conferencing tool detected');
  expect((await ext.badge(other.tabId)).text).toBe('');
});
