import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, fixture, test, type Extension } from './fixtures';

const SCREENSHOTS = resolve(import.meta.dirname, '../../screenshots');

test.beforeEach(async ({ ext }) => {
  await ext.serve('https://teams.microsoft.com', fixture('teams.html'));
  await ext.serve('https://www.example.com', fixture('plain.html'));
});

async function teamsPopup(ext: Extension): Promise<Page> {
  const { tabId } = await ext.open('https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0');
  await expect.poll(async () => (await ext.badge(tabId)).text).toBe('T');
  const popup = await ext.popup(tabId);
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Microsoft Teams');
  return popup;
}

async function homePopup(ext: Extension): Promise<Page> {
  const { tabId } = await ext.open('https://www.example.com/');
  const popup = await ext.popup(tabId);
  await expect(popup.getByRole('heading', { level: 1 })).toBeVisible();
  return popup;
}

async function setLanguage(popup: Page, lang: 'de' | 'en'): Promise<void> {
  await popup.getByRole('button', { name: lang === 'de' ? 'Deutsch' : 'English' }).click();
  await expect(popup.locator('html')).toHaveAttribute('lang', lang);
}

const KEY_FACTS = {
  en: ['Who is responsible', 'Where your data goes', 'Recording', 'AI features', 'End-to-end encryption'],
  de: [
    'Wer verantwortlich ist',
    'Wohin Ihre Daten gehen',
    'Aufzeichnung',
    'KI-Funktionen',
    'Ende-zu-Ende-Verschlüsselung',
  ],
};

/** What the first screen must say, in each language, to count as speaking to a participant. */
const FIRST_SCREEN = {
  en: {
    roles:
      /^The organisation holding this meeting \(if internal, your employer\) is responsible; Microsoft Corporation processes for it/,
    browser: /^Not end-to-end encrypted in the browser/,
    legend: ['In your favour', 'Attention', 'Note', 'Unknown'],
    actions: 'What you can do, and your rights',
    actionsSection: 'What you can do',
    rights: 'Art. 17(1) and (3) GDPR',
    consent: 'According to Webex, joining counts as consent to recording.',
  },
  de: {
    roles:
      /^Verantwortlicher ist die Organisation, die diese Besprechung abhält \(intern: Ihr Arbeitgeber\); Microsoft Corporation verarbeitet in ihrem Auftrag/,
    browser: /^Im Browser nicht Ende-zu-Ende-verschlüsselt/,
    legend: ['Zu Ihren Gunsten', 'Achtung', 'Hinweis', 'Unbekannt'],
    actions: 'Was Sie tun können, Ihre Rechte',
    actionsSection: 'Was Sie tun können',
    rights: 'Art. 17 Abs. 1 und 3 DSGVO',
    consent: 'Laut Webex gilt die Teilnahme als Einwilligung in die Aufzeichnung.',
  },
};

/** One line's height kept free under the state line for the organisation's verdict from a managed policy. */
const VERDICT_LINE = 24;

/** Asserts that `locator` ends on the first 400×600 screen, with a line to spare for the policy's verdict. */
async function onFirstScreen(popup: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  const viewport = popup.viewportSize()!;
  const box = (await locator.boundingBox())!;
  expect(box.y + box.height + VERDICT_LINE, await locator.innerText()).toBeLessThanOrEqual(viewport.height);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
}

for (const lang of ['en', 'de'] as const) {
  test(`on a Teams call, the first 400×600 screen answers in sentences with named roles, then the assessment, the legend and what you can do (${lang})`, async ({
    ext,
  }) => {
    const popup = await teamsPopup(ext);
    await setLanguage(popup, lang);
    const expected = FIRST_SCREEN[lang];
    const title = (await popup.getByRole('heading', { level: 1 }).boundingBox())!;
    const bar = (await popup.locator('.app-bar').boundingBox())!;
    expect(title.y).toBeGreaterThanOrEqual(bar.y + bar.height);
    await expect(popup.locator('.origin')).toHaveText(
      lang === 'en'
        ? 'Microsoft Teams meeting, recognised from this page’s address'
        : 'Besprechung in Microsoft Teams, erkannt an der Seitenadresse',
    );

    const rows = popup.locator('.key-facts .fact');
    await expect(rows).toHaveCount(6);
    await expect(rows.first().locator('.fact-text')).toHaveText(expected.roles);
    await expect(popup.locator('.key-facts .fact[data-fact="e2ee"] .fact-text')).toHaveText(expected.browser);
    // Each row is one sentence, not a label with fragments.
    for (const text of await rows.locator('.fact-text').allInnerTexts())
      expect(text.trim()).toMatch(/^[A-ZÄÖÜ].*[.”“*]$/s);
    for (const row of await rows.all()) {
      expect((await row.boundingBox())!.y).toBeGreaterThan(title.y);
      await onFirstScreen(popup, row);
    }
    const legend = popup.locator('.legend');
    await expect(legend).toBeVisible();
    for (const word of expected.legend) await expect(legend).toContainText(word);
    await onFirstScreen(popup, legend);
    const actions = popup.getByRole('button', { name: expected.actions });
    await onFirstScreen(popup, actions);
    // Nothing has been scrolled to get there.
    expect(await popup.evaluate(() => window.scrollY)).toBe(0);

    await actions.click();
    const section = popup.locator('#section-actions');
    await expect(section).toHaveAttribute('open', '');
    await expect(section.locator('summary')).toContainText(expected.actionsSection);
    await expect(section).toContainText(expected.rights);
  });

  test(`a Webex call shows its consent notice on the first screen (${lang})`, async ({ ext }) => {
    await ext.serve('https://acme.webex.com', fixture('meeting.html'));
    const { tabId } = await ext.open('https://acme.webex.com/meet/jane.doe');
    await expect.poll(async () => (await ext.badge(tabId)).title).toMatch(/detected: meeting$/);
    const popup = await ext.popup(tabId);
    await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Webex');
    await setLanguage(popup, lang);
    const recording = popup.locator('.key-facts .fact[data-fact="recording"]');
    await expect(recording).toContainText(FIRST_SCREEN[lang].consent);
    await onFirstScreen(popup, recording);
  });

  test(`the Teams first screen names a dated assessment, and its agreement row is not ✓ while authorities found it wanting (${lang})`, async ({
    ext,
  }) => {
    const popup = await teamsPopup(ext);
    await setLanguage(popup, lang);
    const assessment = popup.locator('.key-facts .fact[data-fact="assessment"]');
    // Who, when (month and year), and the assessor's own verdict in quotation marks.
    await expect(assessment).toContainText(
      lang === 'en' ? /: .+, [A-Z][a-z]{2} \d{4}: “.+”/ : /: .+, [A-Z][a-zä]{2,3}\.? \d{4}: „.+“/,
    );
    const agreement = popup.locator('.key-facts .fact[data-fact="who"]');
    await expect(agreement.getByRole('img')).not.toHaveAttribute(
      'aria-label',
      lang === 'en' ? 'In your favour' : 'Zu Ihren Gunsten',
    );
    await expect(agreement).toContainText(lang === 'en' ? /found defects \(\d{4}\)/ : /fand Mängel \(\d{4}\)/);
    // All assessments, newest first, with links, one tap away.
    await assessment.click();
    const section = popup.locator('#section-assessments');
    await expect(section).toHaveAttribute('open', '');
    expect(await section.locator('a[href^="https://"]').count()).toBeGreaterThan(1);
  });
}

test('at 300% zoom (a 267 px wide popup) nothing is clipped: no row, no button, no header is wider than the popup', async ({
  ext,
}) => {
  const popup = await teamsPopup(ext);
  await popup.setViewportSize({ width: 267, height: 600 });
  for (const lang of ['en', 'de'] as const) {
    await setLanguage(popup, lang);
    const overflowing = await popup.evaluate(() => {
      const root = document.documentElement;
      const wide = (element: Element) =>
        element.scrollWidth > element.clientWidth || element.getBoundingClientRect().right > root.clientWidth + 0.5;
      return [
        ...(root.scrollWidth > root.clientWidth ? ['document'] : []),
        ...[
          ...document.querySelectorAll(
            '.app-bar, .app-bar button, .key-facts .fact, .actions-link, .summary-actions button, .legend, .origin',
          ),
        ]
          .filter(wide)
          .map((element) => element.outerHTML.slice(0, 80)),
      ];
    });
    expect(overflowing, lang).toEqual([]);
  }
});

test('the Teams summary is at most 1,500 px tall before anything is opened, and every section opens with its content', async ({
  ext,
}) => {
  const popup = await teamsPopup(ext);
  expect(await popup.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1500);
  const sections = popup.locator('details.section');
  expect(await sections.count()).toBeGreaterThanOrEqual(9);
  for (const section of await sections.all()) {
    await section.locator('summary').click();
    await expect(section.locator('.section-body')).not.toBeEmpty();
  }
  await expect(popup.getByText('MAC addresses')).toBeVisible();
});

test('a key fact opens its details and brings them into view below the sticky bar', async ({ ext }) => {
  const popup = await teamsPopup(ext);
  await popup.locator('.key-facts .fact[data-fact="e2ee"]').click();
  const features = popup.locator('#section-features');
  await expect(features).toHaveAttribute('open', '');
  await expect(features.locator('summary')).toBeFocused();
  const [bar, heading] = [
    (await popup.locator('.app-bar').boundingBox())!,
    (await features.locator('summary').boundingBox())!,
  ];
  expect(heading.y).toBeGreaterThanOrEqual(bar.y + bar.height);
});

test('pin Teams from its call, then find the pinned summary on an ordinary page', async ({ ext }) => {
  const popup = await teamsPopup(ext);
  await popup.getByRole('button', { name: 'Pin Microsoft Teams' }).click();
  await expect(popup.getByRole('button', { name: 'Unpin Microsoft Teams' })).toHaveAttribute('aria-pressed', 'true');
  await popup.close();

  const home = await homePopup(ext);
  await home
    .getByRole('region', { name: 'Pinned' })
    .getByRole('button', { name: 'Microsoft Teams', exact: true })
    .click();
  await expect(home.getByRole('heading', { level: 1 })).toHaveText('Microsoft Teams');
  await expect(home.getByText('Opened from pins')).toBeVisible();
});

test('the language choice and the opened sections survive closing the popup', async ({ ext }) => {
  const popup = await teamsPopup(ext);
  await setLanguage(popup, 'de');
  await popup.getByText('Erhobene Daten').click();
  await expect(popup.getByText('Kameratyp', { exact: true })).toBeVisible();
  await popup.close();

  const reopened = await teamsPopup(ext);
  await expect(reopened.locator('html')).toHaveAttribute('lang', 'de');
  await expect(reopened.getByText('Kameratyp', { exact: true })).toBeVisible();
  await setLanguage(reopened, 'en');
  await reopened.close();

  const again = await teamsPopup(ext);
  await expect(again.locator('html')).toHaveAttribute('lang', 'en');
  await expect(again.getByText('Camera type', { exact: true })).toBeVisible();
});

test('search "zoom" on the home view and open the Zoom summary with the keyboard', async ({ ext }) => {
  const popup = await homePopup(ext);
  const search = popup.getByRole('searchbox', { name: 'Search tools' });
  await search.fill('zoom');
  const results = popup.locator('#tool-list button');
  await expect(results).toHaveCount(1);
  await expect(popup.getByText('1 tool', { exact: true })).toBeVisible();
  await search.press('ArrowDown');
  await expect(results.first()).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Zoom');
  await expect(popup.getByText('Opened from the list')).toBeVisible();
});

test('compare Teams and Zoom on the same key-fact rows', async ({ ext }) => {
  const popup = await teamsPopup(ext);
  await popup.getByRole('button', { name: 'Compare' }).click();
  await popup.getByRole('combobox', { name: 'Tool 2' }).selectOption({ label: 'Zoom' });
  const table = popup.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Microsoft Teams', 'Zoom']);
  await expect(table.getByRole('rowheader')).toHaveText([...KEY_FACTS.en, 'Assessment']);
  for (const fact of ['where', 'e2ee'])
    await expect(table.locator(`tbody[data-fact="${fact}"] td .mark`)).toHaveCount(2);
});

test('copy the summary as Markdown', async ({ ext }) => {
  const popup = await teamsPopup(ext);
  await popup.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  // The clipboard is the browser's; read it back from an ordinary page allowed to read it.
  await ext.context.grantPermissions(['clipboard-read'], { origin: 'https://www.example.com' });
  const { page: reader } = await ext.open('https://www.example.com/');
  const markdown = await reader.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toMatch(/^# Microsoft Teams\n/);
  for (const heading of [
    '## Key facts',
    '## What you can do',
    '## Service and provider',
    '## Collected data',
    '## Legal bases',
    '## Retention',
    '## Data-processing agreement',
    '## Sources',
  ]) {
    expect(markdown).toContain(`\n${heading}\n`);
  }
  expect(markdown).toContain(
    '(<https://github.com/leits/MeetingBar/blob/master/MeetingBar/Meetings/MeetingProvider.swift>)',
  );
  expect(markdown).toMatch(/_.*Data as of [^_]*\d{4}_\n$/);
});

for (const lang of ['en', 'de'] as const) {
  test(`every view passes axe-core with no violations, light and dark, with every section open (${lang})`, async ({
    ext,
  }) => {
    // Six axe runs over long pages: on a busy machine they take longer than the default 30 s.
    test.setTimeout(180_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const check = async (page: Page, view: string) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(
          violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          `${view} ${colorScheme}`,
        ).toEqual([]);
        await page.screenshot({
          path: resolve(SCREENSHOTS, `${view}-${lang}${colorScheme === 'dark' ? '-dark' : ''}.png`),
        });
      }
      await page.emulateMedia({ colorScheme: 'light' });
      // No horizontal scrolling in the popup's width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), view).toBe(true);
    };

    const popup = await teamsPopup(ext);
    await setLanguage(popup, lang);
    await check(popup, 'summary');
    for (const summary of await popup.locator('details.section > summary').all()) await summary.click();
    await check(popup, 'summary-open');

    await popup.getByRole('button', { name: lang === 'de' ? 'Vergleichen' : 'Compare' }).click();
    await popup.getByRole('combobox', { name: 'Tool 2' }).selectOption({ label: 'Zoom' });
    await expect(popup.getByRole('table')).toBeVisible();
    await check(popup, 'compare');

    await popup.getByRole('button', { name: lang === 'de' ? 'Alle Tools' : 'All tools' }).click();
    await expect(popup.getByRole('searchbox')).toBeVisible();
    await check(popup, 'home');
  });
}
