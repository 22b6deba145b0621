import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/components/App';
import type { TabState } from '@/lib/messaging/protocol';
import { registry } from '@/lib/registry/bundled';
import { parseRegistry } from '@/lib/registry';
import { viewOf } from '@/lib/registry/view';
import { hydratePreferences, usePopupStore } from '@/lib/store';
import type { Tool } from '@/lib/registry/schema';

const view = viewOf(registry);
const teamsState: TabState = {
  detection: { toolId: 'microsoft-teams', context: 'meeting', evidence: [{ type: 'host', value: 'teams.microsoft.com' }] },
  via: 'page',
};

async function renderPopup(tabState: TabState | null = null, registryView = view, copyText = vi.fn(async (_text: string) => {})) {
  await hydratePreferences('en');
  const user = userEvent.setup();
  const result = render(<App registry={registryView} tabState={tabState} copyText={copyText} />);
  return { user, copyText, ...result };
}

beforeEach(() => {
  fakeBrowser.reset();
  usePopupStore.setState({ lang: null, pins: [], dropped: [], systemLang: 'en' });
});
afterEach(cleanup);

describe('the summary', () => {
  it('shows the detected tool with its evidence, every section and the seed facts', async () => {
    await renderPopup(teamsState);
    expect(screen.getByRole('heading', { level: 1, name: 'Microsoft Teams' })).toBeTruthy();
    expect(screen.getByText(/Detected on this page · Meeting · Address teams.microsoft.com/)).toBeTruthy();
    for (const section of ['Provider', 'Collected data', 'Legal basis', 'Retention', 'Data-processing agreement', 'Third-country transfer', 'Notable processing', 'Sources']) {
      expect(screen.getByRole('heading', { level: 2, name: section })).toBeTruthy();
    }
    const technical = screen.getByRole('heading', { level: 3, name: 'Technical and device data' }).parentElement!;
    expect(within(technical).getByText('MAC addresses')).toBeTruthy();
    expect(screen.getByText('Art. 6(1)(f) GDPR')).toBeTruthy();
  });

  it('marks unconfirmed facts visibly', async () => {
    await renderPopup(teamsState);
    const marks = screen.getAllByText('Unconfirmed');
    expect(marks.length).toBeGreaterThan(0);
    expect(marks[0]!.closest('.unconfirmed')?.textContent).toMatch(/not (re-)?checked/);
  });

  it('says a discontinued tool is discontinued, with the date', async () => {
    const { user } = await renderPopup();
    await user.type(screen.getByRole('searchbox'), 'skype');
    await user.click(screen.getByRole('button', { name: /^Skype/ }));
    expect(await screen.findByText(/Discontinued since May 5, 2025/)).toBeTruthy();
    expect(screen.getByText('Opened from the list')).toBeTruthy();
  });

  it('opens every outside link in a new tab without opener or referrer', async () => {
    await renderPopup(teamsState);
    const links = screen.getAllByRole('link').filter((link) => link.getAttribute('href')?.startsWith('https:'));
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('renders registry text as text, never as HTML', async () => {
    const teams = structuredClone(registry.byId.get('microsoft-teams')) as Tool;
    const payload = '<img src=x onerror="window.__pwned=1">';
    teams.summary = { de: payload, en: payload };
    teams.collected[0]!.items[0] = { de: `<b>${payload}</b>`, en: `<b>${payload}</b>` };
    const hostile = viewOf(parseRegistry({ 'data/tools/microsoft-teams.json': teams }, registry.meta));
    const { container } = await renderPopup(teamsState, hostile);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText(payload)).toBeTruthy();
    expect(screen.getByText(`<b>${payload}</b>`)).toBeTruthy();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('the home view', () => {
  it('shows the no-tool state and lists every registry tool', async () => {
    await renderPopup();
    expect(screen.getByRole('heading', { level: 1, name: 'No conferencing tool detected' })).toBeTruthy();
    expect(document.querySelectorAll('#tool-list li')).toHaveLength(registry.tools.length);
  });

  it('filters as you type, by the name in either language', async () => {
    const { user } = await renderPopup();
    const search = screen.getByRole('searchbox', { name: 'Search tools' });
    await user.type(search, 'zoo');
    expect([...document.querySelectorAll('#tool-list li')].map((li) => li.textContent)).toEqual(['Zoom']);
    await user.clear(search);
    // Only the German name of the self-hosted Jitsi entry says "selbst".
    await user.type(search, 'selbst');
    expect([...document.querySelectorAll('#tool-list li')].map((li) => li.textContent)).toEqual(['Jitsi Meet (self-hosted)']);
    await user.clear(search);
    await user.type(search, 'nothing like this');
    expect(document.querySelectorAll('#tool-list li')).toHaveLength(0);
    expect(screen.getByText('No tool matches “nothing like this”.')).toBeTruthy();
  });

  it('opens the first result with Enter', async () => {
    const { user } = await renderPopup();
    await user.type(screen.getByRole('searchbox'), 'webex{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Webex' })).toBeTruthy();
  });
});

describe('pins', () => {
  it('pins from a summary, lists the pin first on the home view, and reorders with the buttons', async () => {
    const { user } = await renderPopup(teamsState);
    await user.click(screen.getByRole('button', { name: 'Pin Microsoft Teams' }));
    await user.click(screen.getByRole('button', { name: 'Back to overview' }));
    await user.type(screen.getByRole('searchbox'), 'zoom{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Pin Zoom' }));
    await user.click(screen.getByRole('button', { name: 'Back to overview' }));

    const pinned = () => [...document.querySelectorAll('.pins li .tool-link')].map((el) => el.textContent);
    expect(pinned()).toEqual(['Microsoft Teams', 'Zoom']);
    await user.click(screen.getByRole('button', { name: 'Move Zoom up' }));
    expect(pinned()).toEqual(['Zoom', 'Microsoft Teams']);
    expect(usePopupStore.getState().pins.map((pin) => pin.toolId)).toEqual(['zoom', 'microsoft-teams']);

    const stored = (await fakeBrowser.storage.local.get('preferences')).preferences as { state: { pins: Array<{ toolId: string }> } };
    expect(stored.state.pins.map((pin) => pin.toolId)).toEqual(['zoom', 'microsoft-teams']);
  });

  it('keeps a pin of a tool the registry no longer has, shown as unavailable', async () => {
    usePopupStore.setState({ pins: [{ toolId: 'gone-tool', pinnedAt: '2026-01-01T00:00:00.000Z' }] });
    await fakeBrowser.storage.local.set({ preferences: { state: { lang: null, pins: [{ toolId: 'gone-tool', pinnedAt: '2026-01-01T00:00:00.000Z' }] }, version: 2 } });
    await renderPopup();
    expect(screen.getByText('“gone-tool” is no longer in the registry')).toBeTruthy();
    expect(usePopupStore.getState().pins).toHaveLength(1);
  });
});

describe('language', () => {
  it('switches the interface and the registry content at once, without reload', async () => {
    const { user } = await renderPopup(teamsState);
    expect(screen.getByRole('heading', { name: 'Collected data' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Deutsch' }));
    expect(screen.getByRole('heading', { name: 'Erhobene Daten' })).toBeTruthy();
    expect(screen.getByText('Geräte-IDs')).toBeTruthy();
    expect(screen.getByText('Art. 6 Abs. 1 lit. f DSGVO')).toBeTruthy();
    expect(document.documentElement.lang).toBe('de');
    expect(screen.getByRole('button', { name: 'Deutsch' }).getAttribute('aria-pressed')).toBe('true');
    expect(usePopupStore.getState().lang).toBe('de');
  });

  it('follows the browser language until the user chooses one', async () => {
    await act(async () => {
      await hydratePreferences('de');
    });
    render(<App registry={view} tabState={null} copyText={async () => {}} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Kein Konferenz-Tool erkannt' })).toBeTruthy();
  });
});

describe('compare and export', () => {
  it('compares two tools side by side on the key fields', async () => {
    const { user } = await renderPopup(teamsState);
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Tool 2' }), 'zoom');
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Microsoft Teams', 'Zoom']);
    for (const field of ['Collected data', 'Legal basis', 'Retention', 'Third-country transfer', 'Data-processing agreement']) {
      expect(within(table).getByRole('rowheader', { name: field })).toBeTruthy();
    }
  });

  it('copies the summary as Markdown in the current language', async () => {
    const { user, copyText } = await renderPopup(teamsState);
    await user.click(screen.getByRole('button', { name: 'Deutsch' }));
    await user.click(screen.getByRole('button', { name: 'Als Markdown kopieren' }));
    expect(copyText).toHaveBeenCalledTimes(1);
    const markdown = copyText.mock.calls[0]![0];
    expect(markdown).toMatch(/^# Microsoft Teams\n/);
    expect(markdown).toContain('\n## Erhobene Daten\n');
    expect(markdown).toContain('\n## Quellen\n');
    expect(markdown).toContain('Datenstand: 22. November 2026');
    expect(await screen.findByText('In die Zwischenablage kopiert')).toBeTruthy();
  });
});
