import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDate } from '@/lib/shared/i18n';
import { citeArticle } from '@/lib/shared/lang';
import { parseRegistry } from '@/lib/shared/registry/build/check';
import { usePopupStore } from '@/lib/ui/store';
import { rawRegistry, registry, teams, viewOf } from './support/registry';
import { onTeams, renderPopup } from './support/render';
import { KEYS, pin, readRaw, resetBrowser, settle, stored, writeRaw } from './support/storage';

beforeEach(resetBrowser);
afterEach(cleanup);

const listed = (selector: string) => [...document.querySelectorAll(selector)].map((element) => element.textContent);

describe('the summary of a detected tool', () => {
  it('answers first: the key facts as sentences under the name and how it was recognised, each with a spoken mark', async () => {
    await renderPopup({ opening: onTeams });
    screen.getByRole('heading', { level: 1, name: 'Microsoft Teams' });
    expect(document.querySelector('.origin')?.textContent).toBe(
      'Microsoft Teams meeting, recognised from this page’s address',
    );
    // The registry rule that matched stays one hover away.
    expect(document.querySelector('.origin')?.getAttribute('title')).toContain('teams.microsoft.com');
    const facts = [...document.querySelectorAll<HTMLElement>('.key-facts .fact')];
    expect(facts.map((button) => button.dataset.fact)).toEqual([
      'who',
      'where',
      'recording',
      'ai',
      'e2ee',
      'assessment',
    ]);
    expect(facts[0]!.textContent).toMatch(/^!The organisation holding this meeting .* is responsible; /);
    expect(facts[0]!.textContent).toContain(`${teams.provider.name} processes for it`);
    for (const fact of facts)
      expect(['In your favour', 'Attention', 'Note', 'Unknown']).toContain(
        within(fact).getAllByRole('img')[0]!.getAttribute('aria-label'),
      );
    // The legend says what each sign means, in words.
    expect(listed('.legend > span')).toEqual(['✓ In your favour', '! Attention', 'i Note', '? Unknown']);
  });

  it('keeps every detail section collapsed until asked, then shows its content', async () => {
    const { user } = await renderPopup({ opening: onTeams });
    const sections = [...document.querySelectorAll('details.section')];
    expect(sections.length).toBeGreaterThanOrEqual(9);
    for (const section of sections) expect(section.querySelector('.section-body')).toBeNull();
    for (const section of sections) {
      await user.click(section.querySelector('summary')!);
      await waitFor(() => expect(section.querySelector('.section-body')?.textContent?.trim()).not.toBe(''));
    }
    // The entry's own data, whatever it says today: a collected item and a legal basis.
    screen.getByText(teams.collected[0]!.items[0]!.en);
    screen.getAllByText(`${citeArticle(teams.legalBases[0]!.article, 'en')}:`);
  });

  it('opens a key fact’s details and moves the focus there', async () => {
    const { user } = await renderPopup({ opening: onTeams });
    await user.click(screen.getByRole('button', { name: /^Attention Your data may also leave/ }));
    const transfer = document.getElementById('section-transfer') as HTMLDetailsElement;
    expect(transfer.open).toBe(true);
    expect(document.activeElement).toBe(transfer.querySelector('summary'));
    within(transfer).getByText(/^Safeguard: /);
  });

  it('remembers which sections were opened, for the next popup', async () => {
    const { user } = await renderPopup({ opening: onTeams });
    await user.click(screen.getByText('Collected data'));
    await settle();
    expect(((await readRaw(KEYS.preferences)) as { state: { open: string[] } }).state.open).toEqual(['collected']);
    cleanup();
    await renderPopup({ opening: onTeams });
    expect((document.getElementById('section-collected') as HTMLDetailsElement).open).toBe(true);
    expect((document.getElementById('section-provider') as HTMLDetailsElement).open).toBe(false);
  });

  it('attributes the organisation’s own claims to its notice and links to that source', async () => {
    const { user } = await renderPopup({ opening: onTeams });
    await user.click(screen.getByText('Data-processing agreement', { selector: 'h3' }));
    const claims = document.querySelectorAll('#section-dpa blockquote.statement');
    expect(claims).toHaveLength(2);
    expect(claims[0]!.textContent).toMatch(
      /^According to Datenschutzerklärung einer deutschen Website.* \[1\]: The organisation that published this notice states/,
    );
    await user.click(within(claims[0] as HTMLElement).getByRole('link', { name: '[1]' }));
    expect((document.getElementById('section-sources') as HTMLDetailsElement).open).toBe(true);
    expect(document.activeElement?.id).toBe('source-1');
  });

  it('marks unconfirmed facts visibly, on the first screen and with their note in the details', async () => {
    const raw = rawRegistry();
    const entry = raw.tools['data/tools/microsoft-teams.json'] as { keyFacts: { ai: { unconfirmed?: unknown } } };
    entry.keyFacts.ai.unconfirmed = {
      de: 'Offen ist, ob die Funktion in Besprechungen läuft.',
      en: 'Whether the feature runs in meetings is open.',
    };
    const { user } = await renderPopup({ opening: onTeams, registry: viewOf(parseRegistry(raw)) });
    within(screen.getByRole('button', { name: /^Attention AI features/ })).getByRole('img', {
      name: 'not confirmed from the provider’s own documents',
    });
    // One line says what the sign means, and explains it on demand.
    screen.getByText('Some facts (*) could not be confirmed from the provider’s own documents.', {
      selector: 'summary',
    });
    await user.click(screen.getByText('Recording, transcription, AI and encryption'));
    const note = [...document.querySelectorAll('#section-features .unconfirmed')].find((element) =>
      element.textContent?.includes('runs in meetings'),
    );
    expect(note?.textContent).toMatch(/^Not confirmed: Whether the feature runs in meetings is open\.$/);
  });

  it('says a discontinued tool is discontinued, with the date', async () => {
    const { user } = await renderPopup();
    await user.type(screen.getByRole('searchbox'), 'skype');
    await user.click(screen.getByRole('button', { name: /^Skype discontinued$/ }));
    await screen.findByText(/Discontinued since 5 May 2025/);
    screen.getByText('Opened from the list');
  });

  it('opens every outside link in a new tab without opener or referrer', async () => {
    const { user } = await renderPopup({ opening: onTeams });
    for (const summary of document.querySelectorAll('details summary')) await user.click(summary);
    const links = screen.getAllByRole('link').filter((link) => link.getAttribute('href')?.startsWith('https:'));
    expect(links.length).toBeGreaterThan(5);
    for (const link of links)
      expect([link.getAttribute('target'), link.getAttribute('rel')]).toEqual(['_blank', 'noopener noreferrer']);
  });

  it('renders registry text as text, never as HTML', async () => {
    const raw = rawRegistry();
    const entry = raw.tools['data/tools/microsoft-teams.json'] as typeof teams;
    const payload = '<img src=x onerror="window.__pwned=1">';
    entry.summary = { de: payload, en: payload };
    entry.collected[0]!.items[0] = { de: `<b>${payload}</b>`, en: `<b>${payload}</b>` };
    const meta = { ...(raw.meta as object), mostUsed: ['microsoft-teams'] };
    const hostile = viewOf(parseRegistry({ ...raw, meta, tools: { 'data/tools/microsoft-teams.json': entry } }));
    const { user, container } = await renderPopup({ opening: onTeams, registry: hostile });
    await user.click(screen.getByText('Service and provider'));
    await user.click(screen.getByText('Collected data'));
    expect(container.querySelector('img, b')).toBeNull();
    screen.getByText(payload);
    screen.getByText(`<b>${payload}</b>`);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('the home view', () => {
  it('lists every registry tool, the most used first, then by English name, discontinued ones marked and last, in both languages', async () => {
    const { user } = await renderPopup();
    screen.getByRole('heading', { level: 1, name: 'No conferencing tool detected' });
    const english = listed('#tool-list li .tool-link > span:first-child');
    expect(english).toHaveLength(registry.tools.length);
    const mostUsed = registry.meta.mostUsed.map((id) => registry.byId.get(id)!.name.en);
    expect(english.slice(0, mostUsed.length)).toEqual(mostUsed);
    const items = [...document.querySelectorAll('#tool-list li')];
    const marked = items.map((item) => item.querySelector('.tag') !== null);
    const firstMarked = marked.indexOf(true);
    expect(firstMarked).toBeGreaterThan(mostUsed.length);
    expect(marked.slice(firstMarked).every(Boolean)).toBe(true);
    const rest = english.slice(mostUsed.length, firstMarked);
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b)));
    await user.click(screen.getByRole('button', { name: 'Deutsch' }));
    expect(listed('#tool-list li')).toHaveLength(registry.tools.length);
  });

  it('filters as you type, by the name in either language, and counts in words', async () => {
    const { user } = await renderPopup();
    const search = screen.getByRole('searchbox', { name: 'Search tools' });
    await user.type(search, 'zoom');
    expect(listed('#tool-list li')).toEqual(['Zoom']);
    screen.getByText('1 tool');
    await user.clear(search);
    await user.type(search, 'nothing like this');
    expect(listed('#tool-list li')).toHaveLength(0);
    screen.getByText('No tool matches “nothing like this”.');
  });

  it('mentions the keyboard shortcut that opens the popup, as the browser has it set', async () => {
    await renderPopup({ shortcut: 'Alt+Shift+X', systemLang: 'de' });
    screen.getByText('Tipp: Alt+Shift+X öffnet dieses Fenster, auch mitten in einer Besprechung.');
  });

  it('opens the first result with Enter', async () => {
    const { user } = await renderPopup();
    await user.type(screen.getByRole('searchbox'), 'webex{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Webex' });
  });
});

describe('meeting links on the page', () => {
  it('lists the meetings of a page that is not a tool first, one entry per tool with what a joiner needs, and opens its summary', async () => {
    const links = [
      { toolId: 'zoom', count: 3, meetings: 2 },
      { toolId: 'google-meet', count: 1, meetings: 0 },
    ];
    const { user } = await renderPopup({ links });
    const section = screen.getByRole('region', { name: 'Meetings in this invitation' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Meetings in this invitation');
    expect(screen.queryByText('No conferencing tool detected')).toBeNull();
    const buttons = within(section).getAllByRole('button');
    expect(buttons.map((button) => button.querySelector('.linked-name')?.textContent)).toEqual([
      'Zoom · 2 meetings',
      'Google Meet · 1 link',
    ]);
    expect([...buttons[0]!.querySelectorAll('.linked-fact')].map((fact) => fact.getAttribute('data-fact'))).toEqual([
      'recording',
      'e2ee',
    ]);
    await user.click(buttons[0]!);
    await screen.findByRole('heading', { level: 1, name: 'Zoom' });
    screen.getByText('Opened from a link');
  });

  it('offers the links below the summary on a tool’s own page, without the tool itself', async () => {
    await renderPopup({
      opening: onTeams,
      links: [
        { toolId: 'microsoft-teams', count: 3, meetings: 1 },
        { toolId: 'webex', count: 1, meetings: 1 },
      ],
    });
    const section = screen.getByRole('region', { name: 'Meeting links on this page' });
    expect(listed('.meeting-links .linked-name')).toEqual(['Webex · 1 meeting']);
    expect(section.compareDocumentPosition(screen.getByRole('article')) & Node.DOCUMENT_POSITION_PRECEDING).toBe(
      Node.DOCUMENT_POSITION_PRECEDING,
    );
  });

  it('shows no section when the page links to no tool', async () => {
    await renderPopup();
    expect(screen.queryByRole('region', { name: 'Meeting links on this page' })).toBeNull();
  });
});

describe('the summary opened from the link menu', () => {
  it('shows the linked tool, and says so when the link leads to no known tool', async () => {
    await renderPopup({ opening: { kind: 'tool', toolId: 'zoom' } });
    screen.getByRole('heading', { level: 1, name: 'Zoom' });
    screen.getByText('Opened from a link');
    cleanup();
    await renderPopup({ opening: { kind: 'tool', toolId: '' } });
    screen.getByRole('heading', { level: 1, name: 'This link does not lead to a known conferencing tool.' });
  });
});

describe('pins', () => {
  it('pins from a summary, lists the pin first on the home view, and reorders with the buttons', async () => {
    const { user } = await renderPopup({ opening: onTeams });
    await user.click(screen.getByRole('button', { name: 'Pin Microsoft Teams' }));
    await user.click(screen.getByRole('button', { name: 'All tools' }));
    await user.type(screen.getByRole('searchbox'), 'zoom{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Pin Zoom' }));
    await user.click(screen.getByRole('button', { name: 'All tools' }));
    expect(listed('.pins li .tool-link')).toEqual(['Microsoft Teams', 'Zoom']);
    await user.click(screen.getByRole('button', { name: 'Move Zoom up' }));
    expect(listed('.pins li .tool-link')).toEqual(['Zoom', 'Microsoft Teams']);
    await settle();
    const saved = (await readRaw(KEYS.preferences)) as { state: { pins: Array<{ toolId: string }> } };
    expect(saved.state.pins.map((item) => item.toolId)).toEqual(['zoom', 'microsoft-teams']);
  });

  it('keeps a pin of a tool the registry no longer has, shown as unavailable', async () => {
    await writeRaw(KEYS.preferences, stored({ lang: null, pins: [pin('gone-tool')] }));
    await renderPopup();
    screen.getByText('“gone-tool” is no longer in the registry');
    expect(usePopupStore.getState().pins).toHaveLength(1);
  });

  it('tells the user once what it could not read from storage', async () => {
    await writeRaw(KEYS.preferences, stored({ lang: 'fr', pins: [pin('zoom')] }));
    const { user } = await renderPopup();
    screen.getByText(/Some saved settings were damaged/);
    screen.getByText(/A copy of the old state is kept/);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/Some saved settings were damaged/)).toBeNull();
  });
});

describe('language', () => {
  it('switches the interface and the registry content at once, without reload', async () => {
    const { user } = await renderPopup({ opening: onTeams });
    await user.click(screen.getByRole('button', { name: 'Deutsch' }));
    screen.getByRole('heading', { level: 1, name: 'Microsoft Teams' });
    screen.getByText(/^Ihre Daten können auch die EU\/den EWR verlassen/);
    await user.click(screen.getByText('Erhobene Daten'));
    screen.getByText('Geräte-IDs');
    expect(document.documentElement.lang).toBe('de');
    expect(screen.getByRole('button', { name: 'Deutsch' }).getAttribute('aria-pressed')).toBe('true');
    expect(usePopupStore.getState().lang).toBe('de');
  });

  it('follows the browser language until the user chooses one', async () => {
    await renderPopup({ systemLang: 'de' });
    screen.getByRole('heading', { level: 1, name: 'Kein Konferenz-Tool erkannt' });
  });
});

describe('compare and export', () => {
  it('compares two tools on the same key-fact rows, side by side', async () => {
    const { user } = await renderPopup({ opening: onTeams });
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    await act(async () => {
      await user.selectOptions(screen.getByRole('combobox', { name: 'Tool 2' }), 'zoom');
    });
    const table = await screen.findByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Microsoft Teams', 'Zoom']);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual([
      'Who is responsible',
      'Where your data goes',
      'Recording',
      'AI features',
      'End-to-end encryption',
      'Assessment',
    ]);
    const where = table.querySelector('tbody[data-fact="where"]')!;
    expect(within(where as HTMLElement).getAllByRole('cell')).toHaveLength(2);
  });

  it('copies the summary as Markdown in the current language', async () => {
    const { user, copyText } = await renderPopup({ opening: onTeams });
    await user.click(screen.getByRole('button', { name: 'Deutsch' }));
    await user.click(screen.getByRole('button', { name: 'Als Markdown kopieren' }));
    await screen.findByText('In die Zwischenablage kopiert');
    const markdown = copyText.mock.calls[0]![0];
    expect(markdown).toMatch(/^# Microsoft Teams\n/);
    expect(markdown).toContain('\n## Das Wichtigste\n');
    expect(markdown).toContain('\n## Erhobene Daten\n');
    expect(markdown).toContain(`Datenstand: ${formatDate(registry.meta.dataAsOf, 'de')}`);
  });

  it('copies the summary as plain text, with the popup’s signs and no markup', async () => {
    const { user, copyText } = await renderPopup({ opening: onTeams });
    await user.click(screen.getByRole('button', { name: 'Copy summary' }));
    await screen.findByText('Copied to the clipboard');
    const text = copyText.mock.calls[0]![0];
    expect(text).toMatch(/^Microsoft Teams\n/);
    for (const fact of document.querySelectorAll('.key-facts .fact')) {
      // Each row's sign and sentence, as the popup shows them.
      expect(text).toContain(`\n${fact.querySelector('.mark')!.textContent} `);
      expect(text).toContain(fact.querySelector('.fact-text')!.firstChild!.textContent!);
    }
    expect(text).not.toMatch(/[\\*]/);
  });
});
