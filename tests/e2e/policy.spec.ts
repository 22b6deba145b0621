import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ACME_POLICY, ACME_TEAMS_STATEMENTS } from '../../scripts/policy-files';
import { expect, fixture, test, type Extension } from './fixtures';

/**
 * The organisation's policy, read the way administrators deploy it: a real policy file that Chromium reads at
 * start-up (/etc/chromium/policies/managed), exposed to the extension through `storage.managed`.
 */

const TEAMS_MEETING = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0';

/** Opens the popup for a page at `url`; `badge`: first wait until tab events have marked the tab. */
async function popupFor(
  ext: Extension,
  url: string,
  html = fixture('meeting.html'),
  badge = true,
): Promise<{ popup: Page; tabId: number }> {
  await ext.serve(new URL(url).origin, html);
  const { tabId } = await ext.open(url);
  if (badge) await expect.poll(async () => (await ext.badge(tabId)).text).not.toBe('');
  const popup = await ext.popup(tabId);
  await expect(popup.getByRole('heading', { level: 1 })).toBeVisible();
  return { popup, tabId };
}

async function homePopup(ext: Extension): Promise<Page> {
  await ext.serve('https://www.example.com', fixture('plain.html'));
  const popup = await ext.popup((await ext.open('https://www.example.com/')).tabId);
  await expect(popup.getByRole('searchbox')).toBeVisible();
  return popup;
}

async function setLanguage(popup: Page, lang: 'de' | 'en'): Promise<void> {
  await popup.getByRole('button', { name: lang === 'de' ? 'Deutsch' : 'English' }).click();
  await expect(popup.locator('html')).toHaveAttribute('lang', lang);
}

/** Whether `locator`'s box lies inside the popup's 400×600 without scrolling. */
async function onFirstScreen(popup: Page, selector: string): Promise<void> {
  const box = (await popup.locator(selector).boundingBox())!;
  const viewport = popup.viewportSize()!;
  expect(box.y + box.height, selector).toBeLessThanOrEqual(viewport.height);
  expect(box.x + box.width, selector).toBeLessThanOrEqual(viewport.width);
  expect(await popup.evaluate(() => window.scrollY)).toBe(0);
}

test.describe('under ACME GmbH’s policy', () => {
  test.use({ policy: ACME_POLICY });

  const verdicts = {
    en: { teams: 'Approved by ACME GmbH', zoom: 'Not approved by ACME GmbH' },
    de: { teams: 'Von ACME GmbH freigegeben', zoom: 'Von ACME GmbH nicht freigegeben' },
  };

  for (const lang of ['en', 'de'] as const) {
    test(`the first screen says whether the organisation approved the tool, right under the tool's name, within 400×600 (${lang})`, async ({
      ext,
    }) => {
      const { popup: teams } = await popupFor(ext, TEAMS_MEETING);
      await setLanguage(teams, lang);
      const verdict = teams.locator('.verdict');
      await expect(verdict).toHaveText(`✓${verdicts[lang].teams}`);
      // Directly below the line that says how the tool was found, above the key facts.
      expect(
        await teams.evaluate(() => document.querySelector('.verdict')?.previousElementSibling?.className),
      ).toContain('origin');
      await onFirstScreen(teams, '.verdict');
      await onFirstScreen(teams, '.key-facts li:last-child');

      const { popup: zoom } = await popupFor(ext, 'https://app.zoom.us/wc/12345678901/join');
      await setLanguage(zoom, lang);
      await expect(zoom.getByRole('heading', { level: 1 })).toHaveText('Zoom');
      await expect(zoom.locator('.verdict')).toHaveText(`!${verdicts[lang].zoom}`);
      await onFirstScreen(zoom, '.key-facts li:last-child');
    });
  }

  test('the summary keeps the organisation’s own terms apart from the provider’s facts, with its notice and contact', async ({
    ext,
  }) => {
    const { popup } = await popupFor(ext, TEAMS_MEETING);
    const own = popup.getByRole('region', { name: 'Statements by ACME GmbH' });
    await expect(own.getByRole('listitem')).toHaveText(ACME_TEAMS_STATEMENTS);
    await expect(own.getByRole('link')).toHaveAttribute('href', 'https://intranet.acme.example/privacy/meetings');
    // Outside the provider's facts: neither a key fact nor a detail section.
    expect(await own.evaluate((element) => element.closest('.key-facts, details'))).toBeNull();

    // A text the organisation wrote in English only is shown in English, marked as such, in the German popup.
    await setLanguage(popup, 'de');
    const note = popup.getByRole('region', { name: 'Angaben von ACME GmbH' }).getByRole('listitem').nth(3);
    await expect(note).toHaveText(
      'Hinweis: Recording only with everyone’s consent, announced at the start. nur auf Englisch',
    );
    await expect(note.locator('[lang="en"]')).toHaveText(
      'Recording only with everyone’s consent, announced at the start.',
    );
    const { violations } = await new AxeBuilder({ page: popup }).analyze();
    expect(violations.map((violation) => violation.id)).toEqual([]);
  });

  test('compare and the Markdown export carry the organisation’s word', async ({ ext }) => {
    const { popup } = await popupFor(ext, TEAMS_MEETING);
    // Right after the browser starts, the policy may arrive after the first screen.
    await expect(popup.locator('.verdict')).toBeVisible();
    await popup.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect(popup.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    await ext.context.grantPermissions(['clipboard-read'], { origin: 'https://www.example.com' });
    await ext.serve('https://www.example.com', fixture('plain.html'));
    const { page: reader } = await ext.open('https://www.example.com/');
    const markdown = await reader.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toMatch(/^# Microsoft Teams\n\n\*\*Approved by ACME GmbH\*\*\n/);
    expect(markdown).toContain('\n## Statements by ACME GmbH\n');
    expect(markdown).toContain('\n- **Retention:** Recordings are deleted after 30 days; chats after 12 months.\n');
    expect(markdown).toContain('[Privacy notice of ACME GmbH](<https://intranet.acme.example/privacy/meetings>)');

    await popup.getByRole('button', { name: 'Compare' }).click();
    await popup.getByRole('combobox', { name: 'Tool 2' }).selectOption({ label: 'Zoom' });
    const row = popup.locator('tbody[data-fact="organisation"]');
    await expect(row.getByRole('rowheader')).toHaveText('Verdict of ACME GmbH');
    await expect(row.locator('td .fact-text')).toHaveText(['Approved', 'Not approved']);
    await expect(row.locator('td').nth(1)).toContainText('Use Microsoft Teams for meetings of ACME GmbH.');
  });

  test('a host the organisation names is recognised by its address, with no sign of the tool in the page', async ({
    ext,
  }) => {
    // Chromium answers for managed storage only seconds after it starts; a popup opened before then waits
    // 600 ms for its scan at most, and would show the home view (a user opens it again).
    await expect((await homePopup(ext)).getByRole('region', { name: 'Policy' })).toBeVisible();
    // plain.html has no marker of any tool: only the policy's host list can say what this is. The popup's
    // scan finds it, as it does on a host the extension has no permission for.
    const { popup, tabId } = await popupFor(
      ext,
      'https://video.example.org/room/standup',
      fixture('plain.html'),
      false,
    );
    await expect(popup.getByRole('heading', { level: 1 })).toHaveText('OpenTalk');
    await expect(popup.locator('.origin')).toContainText('recognised from this page’s address');
    // The rule that matched, one hover away.
    await expect(popup.locator('.origin')).toHaveAttribute('title', /Address named by your organisation/);
    await expect.poll(async () => (await ext.badge(tabId)).title).toMatch(/^OpenTalk detected/);
  });

  test('home lists the approved tools first, after the pins, and a Policy section names the organisation', async ({
    ext,
  }) => {
    const popup = await homePopup(ext);
    await expect(popup.locator('#tool-list .tool-link').first()).toHaveText('Microsoft TeamsApproved');
    await expect(popup.locator('#tool-list .approved-tag')).toHaveCount(1);
    const report = popup.getByRole('region', { name: 'Policy' });
    await expect(report).toContainText('This browser has a policy from ACME GmbH: 2 tools, 1 addresses.');
    await expect(report).toContainText('Every setting was used.');
  });

  test('the registry page shows the organisation’s verdicts in a column of their own, and "approved" narrows the table to them (en, de)', async ({
    ext,
  }) => {
    const page = await ext.page('registry.html');
    const verdictOf = (id: string) => page.locator(`#registry-table tr[data-tool="${id}"] td[data-column="verdict"]`);
    await expect(page.locator('th[data-column="verdict"]')).toHaveText(/^Verdict of ACME GmbH/);
    await expect(verdictOf('microsoft-teams')).toHaveText('✓ Approved');
    await expect(verdictOf('zoom')).toHaveText('! Not approved');
    await expect(verdictOf('webex')).toHaveText('? No verdict');
    await page.getByRole('checkbox', { name: 'Approved by your organisation' }).check();
    await expect(page.locator('#registry-table tbody tr')).toHaveCount(1);
    await expect(page.locator('#registry-table tbody tr')).toHaveAttribute('data-tool', 'microsoft-teams');
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await expect(page.locator('th[data-column="verdict"]')).toHaveText(/^Entscheidung von ACME GmbH/);
    await expect(verdictOf('microsoft-teams')).toHaveText('✓ Freigegeben');
    await expect(page.getByRole('checkbox', { name: 'Von Ihrer Organisation freigegeben' })).toBeChecked();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
});

test.describe('under a broken policy', () => {
  test.use({
    policy: {
      organisation: { name: 'ACME GmbH', noticeUrl: 'http://intranet.acme.example/privacy', contact: 'c'.repeat(5000) },
      // The wrong type: Chromium itself drops this key against the manifest's schema, and says so in chrome://policy.
      defaultStatus: 42,
      tools: {
        'microsoft-teams': { status: 'approved-ish', retention: { en: 'r'.repeat(20_000) } },
        'no-such-tool': { status: 'approved' },
      },
      hosts: { 'meet.acme.example': 'no-such-tool', 'not a host': 'zoom' },
    },
  });

  test('the summary stays intact, the valid rest is used, and the Policy section lists what was ignored', async ({
    ext,
  }) => {
    const { popup } = await popupFor(ext, TEAMS_MEETING);
    await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Microsoft Teams');
    await expect(popup.locator('.key-facts .fact')).toHaveCount(6);
    await expect(popup.locator('.verdict')).toHaveCount(0);
    const own = popup.getByRole('region', { name: 'Statements by ACME GmbH' });
    const retention = own.getByRole('listitem').first();
    await expect(retention).toHaveText(/^Retention: r+…$/);
    expect((await retention.textContent())!.length).toBeLessThan(520);
    await expect(own.getByRole('link')).toHaveCount(0);
    await popup.locator('details#section-retention > summary').click();
    await expect(popup.locator('#section-retention .section-body')).not.toBeEmpty();

    const home = await homePopup(ext);
    const report = home.getByRole('region', { name: 'Policy' });
    // In the order Chromium hands the policy over: by key.
    await expect(report.getByRole('listitem')).toHaveText([
      'hosts.meet.acme.example: unknown tool id, ignored',
      'hosts.not a host: invalid value, ignored',
      'organisation.contact: too long, shortened',
      'organisation.noticeUrl: not an https:// link, ignored',
      'tools.microsoft-teams.retention.en: too long, shortened',
      'tools.microsoft-teams.status: invalid value, ignored',
      'tools.no-such-tool: unknown tool id, ignored',
    ]);
    await expect(home.locator('.approved-tag')).toHaveCount(0);
  });
});

test('with no policy at all, nothing of it appears', async ({ ext }) => {
  const { popup } = await popupFor(ext, TEAMS_MEETING);
  await expect(popup.locator('.key-facts .fact')).toHaveCount(6);
  await expect(popup.locator('.verdict, .organisation')).toHaveCount(0);
  const home = await homePopup(ext);
  await expect(home.getByRole('region', { name: 'Policy' })).toHaveCount(0);
  await expect(home.locator('.approved-tag')).toHaveCount(0);
});
