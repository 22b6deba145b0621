import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SCAN_TIMEOUT_MS } from '@/lib/background/background';
import { getTabState } from '@/lib/shared/tab-state';
import { fromPopup, scanOf, setupBackground, tab } from './support/background';

const teamsUrl = 'https://teams.microsoft.com/v2/';
const teamsMeeting = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0';

const sessionKeys = async () => Object.keys(await fakeBrowser.storage.session.get(null));

beforeEach(() => {
  fakeBrowser.reset();
});

describe('following tabs from the browser’s own tab events', () => {
  it('stores a Teams detection for that tab only and marks only that tab', async () => {
    const { deps, background } = setupBackground();
    await background.tabUpdated(7, { status: 'loading', url: teamsUrl }, tab(7, teamsUrl));

    expect(await getTabState(7)).toEqual({
      detection: {
        toolId: 'microsoft-teams',
        context: 'app',
        evidence: [{ type: 'host', value: 'teams.microsoft.com' }],
      },
      via: 'page',
    });
    expect(await getTabState(8)).toBeNull();
    expect(deps.badge).toHaveBeenCalledTimes(1);
    expect(deps.badge).toHaveBeenCalledWith(7, {
      text: 'T',
      title: 'Microsoft Teams detected',
      color: expect.any(String),
    });
  });

  it('never stores the page address, which can carry a meeting passcode', async () => {
    const { background } = setupBackground();
    const url = 'https://teams.microsoft.com/meet/1234567890123?p=SECRET';
    await background.tabUpdated(3, { url }, tab(3, url));
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain('SECRET');
  });

  it('follows an in-page navigation from the Teams app into a meeting and back', async () => {
    const { background } = setupBackground();
    await background.tabUpdated(7, { status: 'loading', url: teamsUrl }, tab(7, teamsUrl));
    await background.tabUpdated(7, { url: teamsMeeting }, tab(7, teamsMeeting));
    expect((await getTabState(7))?.detection.context).toBe('meeting');
    await background.tabUpdated(7, { url: teamsUrl }, tab(7, teamsUrl));
    expect((await getTabState(7))?.detection.context).toBe('app');
  });

  it('clears the state and the badge when the tab navigates to a host it has no permission for (no address reported)', async () => {
    const { deps, background } = setupBackground();
    await background.tabUpdated(7, { status: 'loading', url: teamsUrl }, tab(7, teamsUrl));
    await background.tabUpdated(7, { status: 'loading' }, tab(7));
    expect(await getTabState(7)).toBeNull();
    expect(deps.badge).toHaveBeenLastCalledWith(7, null);
  });

  it('clears every one of many tabs that leave a tool for hosts without permission', async () => {
    const { background } = setupBackground();
    const ids = Array.from({ length: 50 }, (_, index) => index + 1);
    await Promise.all(
      ids.map((id) => background.tabUpdated(id, { status: 'loading', url: teamsMeeting }, tab(id, teamsMeeting))),
    );
    expect(await sessionKeys()).toHaveLength(50);
    await Promise.all(ids.map((id) => background.tabUpdated(id, { status: 'loading' }, tab(id))));
    expect(await sessionKeys()).toEqual([]);
  });

  it('applies a burst of address changes in order, so the newest address decides even when older work is slower', async () => {
    let calls = 0;
    // The first badge update is slow, as a busy worker can be.
    const language = () => new Promise<'en'>((resolve) => setTimeout(resolve, calls++ === 0 ? 30 : 0, 'en'));
    const { deps, background } = setupBackground({ language });
    await Promise.all([
      background.tabUpdated(7, { url: teamsMeeting }, tab(7, teamsMeeting)),
      background.tabUpdated(7, { url: teamsUrl }, tab(7, teamsUrl)),
      background.tabUpdated(7, { url: teamsMeeting }, tab(7, teamsMeeting)),
      background.tabUpdated(7, { url: teamsUrl }, tab(7, teamsUrl)),
    ]);
    expect((await getTabState(7))?.detection.context).toBe('app');
    expect(deps.badge).toHaveBeenLastCalledWith(7, expect.objectContaining({ title: 'Microsoft Teams detected' }));
  });

  it('ignores events that carry neither an address nor a navigation (title, favicon, load complete)', async () => {
    const { deps, background } = setupBackground();
    await background.tabUpdated(7, { status: 'loading', url: teamsUrl }, tab(7, teamsUrl));
    await background.tabUpdated(7, { status: 'complete' }, tab(7));
    await background.tabUpdated(7, { title: 'Chat | Microsoft Teams' }, tab(7));
    expect(await getTabState(7)).not.toBeNull();
    expect(deps.badge).toHaveBeenCalledTimes(1);
  });

  it('does not detect the vendor’s help and marketing hosts', async () => {
    const { deps, background } = setupBackground();
    for (const url of [
      'https://support.zoom.us/hc/en-us',
      'https://www.webex.com/pricing.html',
      'https://help.webex.com/en-us/article/x',
    ]) {
      await background.tabUpdated(9, { status: 'loading', url }, tab(9, url));
    }
    expect(await getTabState(9)).toBeNull();
    expect(deps.badge).not.toHaveBeenCalledWith(9, expect.objectContaining({ text: expect.any(String) }));
  });
});

describe('a worker stopped in the middle of a tab event', () => {
  /** A badge call that never returns, as when the browser stops the worker during it. */
  const stoppedDuringBadge = () => vi.fn(() => new Promise<void>(() => {}));

  it('leaves the stored state and the badge in agreement at the next wake, and the next event repairs both', async () => {
    const first = setupBackground();
    await first.background.tabUpdated(7, { url: teamsUrl }, tab(7, teamsUrl));
    // The worker stops while it marks the icon for the meeting.
    const stopped = setupBackground({ badge: stoppedDuringBadge() });
    void stopped.background.tabUpdated(7, { url: teamsMeeting }, tab(7, teamsMeeting));
    await vi.waitFor(() => expect(stopped.deps.badge).toHaveBeenCalled());

    // A fresh worker shows what is stored.
    const woken = setupBackground();
    await woken.background.restoreBadges();
    const stored = await getTabState(7);
    expect(woken.deps.badge).toHaveBeenLastCalledWith(
      7,
      expect.objectContaining({
        title:
          stored?.detection.context === 'meeting' ? 'Microsoft Teams detected: meeting' : 'Microsoft Teams detected',
      }),
    );

    // The next event for the same address brings both up to date.
    await woken.background.tabUpdated(7, { url: teamsMeeting }, tab(7, teamsMeeting));
    expect((await getTabState(7))?.detection.context).toBe('meeting');
    expect(woken.deps.badge).toHaveBeenLastCalledWith(
      7,
      expect.objectContaining({ title: 'Microsoft Teams detected: meeting' }),
    );
  });

  it('marks the icon again for an event whose detection did not change, in case an earlier mark was lost', async () => {
    const { deps, background } = setupBackground();
    await background.tabUpdated(7, { url: teamsMeeting }, tab(7, teamsMeeting));
    await background.tabUpdated(7, { url: `${teamsMeeting}?again` }, tab(7, `${teamsMeeting}?again`));
    expect(deps.badge).toHaveBeenCalledTimes(2);
    expect(deps.badge).toHaveBeenLastCalledWith(
      7,
      expect.objectContaining({ title: 'Microsoft Teams detected: meeting' }),
    );
  });

  it('drops the state of a tab that closed while the worker was stopped', async () => {
    const { background } = setupBackground();
    await background.tabUpdated(7, { url: teamsUrl }, tab(7, teamsUrl));
    const woken = setupBackground({ badge: vi.fn(async () => Promise.reject(new Error('No tab with id: 7'))) });
    await woken.background.restoreBadges();
    expect(await getTabState(7)).toBeNull();
  });
});

describe('tab lifecycle', () => {
  it('clears the state when the tab closes', async () => {
    const { background } = setupBackground();
    await background.tabUpdated(7, { url: teamsUrl }, tab(7, teamsUrl));
    await background.tabRemoved(7);
    expect(await getTabState(7)).toBeNull();
  });

  it('does not bring back the state of a tab closed while its update was still running', async () => {
    const language = () => new Promise<'en'>((resolve) => setTimeout(resolve, 20, 'en'));
    const { background } = setupBackground({ language });
    const update = background.tabUpdated(7, { url: teamsUrl }, tab(7, teamsUrl));
    const closed = background.tabRemoved(7);
    await Promise.all([update, closed]);
    expect(await getTabState(7)).toBeNull();
  });

  it('moves the state to the new tab when the browser replaces a discarded tab, and leaves no key behind', async () => {
    const { background } = setupBackground();
    const ids = Array.from({ length: 50 }, (_, index) => index + 1);
    await Promise.all(ids.map((id) => background.tabUpdated(id, { url: teamsMeeting }, tab(id, teamsMeeting))));
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) => tab(id, teamsMeeting));
    await Promise.all(ids.map((id) => background.tabReplaced(id + 1000, id)));
    expect((await sessionKeys()).sort()).toEqual(ids.map((id) => `tab-${id + 1000}`).sort());
    expect((await getTabState(1001))?.detection.toolId).toBe('microsoft-teams');
  });

  it('drops the state of a replaced tab whose new page it cannot read', async () => {
    const { background } = setupBackground();
    await background.tabUpdated(5, { url: teamsMeeting }, tab(5, teamsMeeting));
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) => tab(id));
    await background.tabReplaced(6, 5);
    expect(await sessionKeys()).toEqual([]);
  });

  it('marks the tool tabs that were already open when the extension starts', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => [
      tab(1, teamsMeeting),
      tab(2, 'https://www.example.com/'),
      tab(3),
    ]);
    const { background } = setupBackground();
    await background.markOpenTabs();
    expect(await sessionKeys()).toEqual(['tab-1']);
  });
});

describe('the scan the popup asks for', () => {
  it('scans a tab with no detection, keeps what the page markers show, and reports the linked tools', async () => {
    const scan = vi.fn(async () =>
      scanOf('https://video.example.org/WeeklyStandup', {
        globals: ['JitsiMeetJS'],
        links: [{ toolId: 'zoom', count: 2, meetings: 1 }],
      }),
    );
    const { background } = setupBackground({ scan });
    const reply = await background.receive({ verb: 'scanTab', data: { tabId: 4 } }, fromPopup);
    expect(reply).toMatchObject({
      state: { detection: { toolId: 'jitsi-self-hosted' }, via: 'scan' },
      links: [{ toolId: 'zoom', count: 2, meetings: 1 }],
    });
    expect(scan).toHaveBeenCalledWith(4, true);
    expect(await getTabState(4)).toEqual((reply as { state: unknown }).state);
  });

  it('keeps a known detection and only reads the page for links, without probing its globals', async () => {
    const scan = vi.fn(async () => scanOf(teamsUrl, { links: [{ toolId: 'zoom', count: 1, meetings: 1 }] }));
    const { background } = setupBackground({ scan });
    await background.tabUpdated(4, { url: teamsUrl }, tab(4, teamsUrl));
    const reply = await background.scanTab(4);
    expect(scan).toHaveBeenCalledWith(4, false);
    expect(reply.state?.detection.toolId).toBe('microsoft-teams');
    expect(reply.links).toEqual([{ toolId: 'zoom', count: 1, meetings: 1 }]);
  });

  it('drops linked tools the registry does not know', async () => {
    const scan = vi.fn(async () =>
      scanOf('https://mail.example.com/', {
        links: [
          { toolId: 'made-up', count: 3, meetings: 1 },
          { toolId: 'webex', count: 1, meetings: 1 },
        ],
      }),
    );
    const { background } = setupBackground({ scan });
    expect((await background.scanTab(4)).links).toEqual([{ toolId: 'webex', count: 1, meetings: 1 }]);
  });

  it('treats a failed or malformed scan as nothing detected and nothing linked', async () => {
    const malformed = [
      null,
      'x',
      { page: { url: 'https://meet.jit.si/x' }, globals: [] },
      { page: { ...scanOf('https://a.example/').page, links: 'many' } },
    ];
    for (const raw of malformed) {
      const { background } = setupBackground({ scan: vi.fn(async () => raw) });
      expect(await background.receive({ verb: 'scanTab', data: { tabId: 4 } }, fromPopup)).toEqual({
        state: null,
        links: [],
        linksTruncated: false,
      });
    }
    const { background } = setupBackground({
      scan: vi.fn(async () => Promise.reject(new Error('Cannot access a chrome:// URL'))),
    });
    expect(await background.scanTab(4)).toEqual({ state: null, links: [], linksTruncated: false });
  });

  it('stores only registry names from a self-hosted path, never the join token in it', async () => {
    const token = 'k7xq9w2e';
    const url = `https://cloud.example.org/index.php/call/${token}`;
    const { background } = setupBackground({ scan: vi.fn(async () => scanOf(url)) });
    const { state } = await background.scanTab(4);
    expect(state?.detection).toMatchObject({ toolId: 'nextcloud-talk', evidence: [{ type: 'path' }] });
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain(token);
  });

  it('names the registered host of an embedded frame, never the host the page chose', async () => {
    const hostile = `https://'"onmouseover=alert(1)"{x}$'$&(y)${'a'.repeat(1900)}.teams.microsoft.com/v2/`;
    const scan = vi.fn(async () => scanOf('https://neutral.example.net/', { signals: { frames: [hostile] } }));
    const { background } = setupBackground({ scan });
    const { state } = await background.scanTab(4);
    expect(state?.detection).toEqual({
      toolId: 'microsoft-teams',
      context: 'embedded',
      evidence: [{ type: 'frame', value: 'teams.microsoft.com' }],
    });
  });

  it('never detects a tool from globals that elements of the page explain, as a mail body’s ids and names would', async () => {
    const scan = vi.fn(async () =>
      scanOf('https://mail.example.com/inbox', {
        globals: ['ZoomMtg', 'JitsiMeetJS'],
        named: ['ZoomMtg', 'JitsiMeetJS'],
      }),
    );
    const { deps, background } = setupBackground({ scan });
    expect((await background.scanTab(4)).state).toBeNull();
    expect(deps.badge).not.toHaveBeenCalledWith(4, expect.objectContaining({ text: expect.any(String) }));
  });

  it('never detects a tool from a title, an element or a common script name alone', async () => {
    const pages = [
      { title: 'BigBlueButton – Wikipedia' },
      { title: 'OpenTalk raises Series A' },
      { scripts: ['https://shop.example.com/static/payments/external_api.js'] },
      { scripts: ['https://cdn.example.com/app.js?from=source.zoom.us/'] },
      { selectors: ['#zmmtg-root', 'whereby-embed'] },
    ];
    for (const signals of pages) {
      const { background } = setupBackground({
        scan: vi.fn(async () => scanOf('https://www.example.com/article', { signals })),
      });
      expect((await background.scanTab(4)).state).toBeNull();
    }
  });

  it('answers without the page once its scan takes too long, so the tab’s address updates never wait for a busy page', async () => {
    vi.useFakeTimers();
    try {
      const { background } = setupBackground({ scan: vi.fn(() => new Promise<unknown>(() => {})) });
      const reply = background.scanTab(4);
      const update = background.tabUpdated(4, { url: teamsMeeting }, tab(4, teamsMeeting));
      await vi.advanceTimersByTimeAsync(SCAN_TIMEOUT_MS);
      expect(await reply).toEqual({ state: null, links: [], linksTruncated: false });
      await update;
      expect((await getTabState(4))?.detection.context).toBe('meeting');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says when the page held more than the scan reads', async () => {
    const { background } = setupBackground({
      scan: vi.fn(async () => scanOf('https://mail.example.com/', { linksTruncated: true })),
    });
    expect((await background.scanTab(4)).linksTruncated).toBe(true);
  });

  it('recognises a meeting whose address is longer than any link, from its host', async () => {
    const url = `${teamsMeeting}?context=${'a'.repeat(20_000)}`;
    const { deps, background } = setupBackground();
    await background.tabUpdated(4, { url }, tab(4, url));
    expect(deps.badge).toHaveBeenCalledWith(4, expect.objectContaining({ text: 'T' }));
  });

  it('keeps badge and stored state in agreement for an address of 5,000 characters', async () => {
    const url = `https://cloud.example.org/index.php/call/${'a'.repeat(5000)}`;
    const { deps, background } = setupBackground({ scan: vi.fn(async () => scanOf(url)) });
    const { state } = await background.scanTab(4);
    expect(deps.badge).toHaveBeenCalledWith(4, expect.objectContaining({ text: expect.any(String) }));
    expect(await getTabState(4)).toEqual(state);
    expect(state).not.toBeNull();
  });
});
