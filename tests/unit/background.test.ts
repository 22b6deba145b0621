import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground, type BackgroundDeps } from '@/lib/background';
import { detectTool } from '@/lib/detection';
import { getTabState } from '@/lib/storage';

function setup(overrides: Partial<BackgroundDeps> = {}) {
  const deps: BackgroundDeps = {
    detect: detectTool,
    badge: vi.fn(async () => {}),
    scan: vi.fn(async () => null),
    language: async () => 'en',
    ...overrides,
  };
  return { deps, background: createBackground(deps) };
}

const fromTab = (tabId: number, url: string) => ({ id: browser.runtime.id, tab: { id: tabId } as never, frameId: 0, url });
const teamsUrl = 'https://teams.microsoft.com/v2/';
const fromPopup = { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') };

beforeEach(() => {
  fakeBrowser.reset();
});

describe('background', () => {
  it('stores a Teams detection for the reporting tab only and marks only that tab', async () => {
    const { deps, background } = setup();
    await background.receive({ verb: 'pageChanged', data: { url: teamsUrl } }, fromTab(7, teamsUrl));

    expect(await getTabState(7)).toEqual({
      detection: { toolId: 'microsoft-teams', context: 'app', evidence: [{ type: 'host', value: 'teams.microsoft.com' }] },
      via: 'page',
    });
    expect(await getTabState(8)).toBeNull();
    expect(deps.badge).toHaveBeenCalledTimes(1);
    expect(deps.badge).toHaveBeenCalledWith(7, { text: 'T', title: 'Microsoft Teams detected', color: expect.any(String) });
  });

  it('never stores the page address, which can carry a meeting passcode', async () => {
    const { background } = setup();
    const url = 'https://teams.microsoft.com/meet/1234567890123?p=SECRET';
    await background.receive({ verb: 'pageChanged', data: { url } }, fromTab(3, url));
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain('SECRET');
  });

  it('clears the state when the tab closes', async () => {
    const { background } = setup();
    await background.receive({ verb: 'pageChanged', data: { url: teamsUrl } }, fromTab(7, teamsUrl));
    await background.tabRemoved(7);
    expect(await getTabState(7)).toBeNull();
  });

  it('clears the state and the badge when the tab navigates to a page that is not a tool', async () => {
    const { deps, background } = setup();
    await background.receive({ verb: 'pageChanged', data: { url: teamsUrl } }, fromTab(7, teamsUrl));
    await background.tabUpdated(7, { status: 'loading' }, { id: 7 } as never);
    expect(await getTabState(7)).toBeNull();
    expect(deps.badge).toHaveBeenLastCalledWith(7, null);
  });

  it('follows an in-page navigation from the Teams app into a meeting', async () => {
    const { background } = setup();
    await background.receive({ verb: 'pageChanged', data: { url: teamsUrl } }, fromTab(7, teamsUrl));
    const meeting = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0';
    await background.receive({ verb: 'pageChanged', data: { url: meeting } }, fromTab(7, teamsUrl));
    expect((await getTabState(7))?.detection.context).toBe('meeting');
  });

  it('applies a burst of address changes in order, so the newest address decides even when older work is slower', async () => {
    let calls = 0;
    // The first badge update is slow, as a busy worker can be.
    const language = () => new Promise<'en'>((resolve) => setTimeout(resolve, calls++ === 0 ? 30 : 0, 'en'));
    const { deps, background } = setup({ language });
    const meeting = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0';
    const updates = [
      background.receive({ verb: 'pageChanged', data: { url: meeting } }, fromTab(7, teamsUrl)),
      background.tabUpdated(7, { url: teamsUrl }, { id: 7, url: teamsUrl } as never),
      background.receive({ verb: 'pageChanged', data: { url: meeting } }, fromTab(7, teamsUrl)),
      background.receive({ verb: 'pageChanged', data: { url: teamsUrl } }, fromTab(7, teamsUrl)),
    ];
    await Promise.all(updates);
    expect((await getTabState(7))?.detection.context).toBe('app');
    expect(deps.badge).toHaveBeenLastCalledWith(7, expect.objectContaining({ title: 'Microsoft Teams detected' }));
  });

  it('does not bring back the state of a tab closed while its update was still running', async () => {
    const language = () => new Promise<'en'>((resolve) => setTimeout(resolve, 20, 'en'));
    const { background } = setup({ language });
    const update = background.receive({ verb: 'pageChanged', data: { url: teamsUrl } }, fromTab(7, teamsUrl));
    const closed = background.tabRemoved(7);
    await Promise.all([update, closed]);
    expect(await getTabState(7)).toBeNull();
  });

  it.each([
    ['an unknown verb', { verb: 'deleteEverything', data: {} }],
    ['a missing url', { verb: 'pageChanged', data: {} }],
    ['a url that is not a string', { verb: 'pageChanged', data: { url: 42 } }],
    ['extra fields', { verb: 'pageChanged', data: { url: teamsUrl }, toolId: 'zoom' }],
    ['a string', 'pageChanged'],
    ['null', null],
  ])('ignores a malformed message: %s', async (_, message) => {
    const { deps, background } = setup();
    expect(await background.receive(message, fromTab(7, teamsUrl))).toBeUndefined();
    expect(await getTabState(7)).toBeNull();
    expect(deps.badge).not.toHaveBeenCalled();
  });

  it('does not believe a report of an address on another origin than the reporting page', async () => {
    const { background } = setup();
    await background.receive({ verb: 'pageChanged', data: { url: teamsUrl } }, fromTab(7, 'https://example.com/'));
    expect(await getTabState(7)).toBeNull();
  });

  it('ignores messages from other extensions and from sub-frames', async () => {
    const { background } = setup();
    await background.receive({ verb: 'pageChanged', data: { url: teamsUrl } }, { ...fromTab(7, teamsUrl), id: 'other-extension' });
    await background.receive({ verb: 'pageChanged', data: { url: teamsUrl } }, { ...fromTab(7, teamsUrl), frameId: 3 });
    expect(await getTabState(7)).toBeNull();
  });

  it('scans a tab with no detection and keeps what the page markers show', async () => {
    const scan = vi.fn(async () => ({
      url: 'https://video.example.org/html5client/join?sessionToken=abc',
      signals: { scripts: [], frames: [], selectors: [], globals: [], title: 'BigBlueButton' },
    }));
    const { background } = setup({ scan });
    const state = await background.receive({ verb: 'scanTab', data: { tabId: 4 } }, fromPopup);
    expect(state).toMatchObject({ detection: { toolId: 'bigbluebutton' }, via: 'scan' });
    expect(await getTabState(4)).toEqual(state);
  });

  it('treats a failed or malformed scan as nothing detected', async () => {
    for (const scan of [vi.fn(async () => { throw new Error('Cannot access a chrome:// URL'); }), vi.fn(async () => ({ url: 5 }))]) {
      const { background } = setup({ scan });
      expect(await background.receive({ verb: 'scanTab', data: { tabId: 4 } }, fromPopup)).toBeNull();
    }
  });

  it('refuses scan requests from content scripts', async () => {
    const scan = vi.fn(async () => null);
    const { background } = setup({ scan });
    await background.receive({ verb: 'scanTab', data: { tabId: 4 } }, fromTab(9, teamsUrl));
    expect(scan).not.toHaveBeenCalled();
  });
});
