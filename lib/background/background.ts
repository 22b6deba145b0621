import * as z from 'zod/mini';
import { browser, type Browser } from 'wxt/browser';
import { badgeFor, showBadge, type BadgeView } from '@/lib/background/badge';
import { unwrapLink } from '@/lib/shared/detection/links';
import { linkMatchPatterns, wrapperMatchPatterns } from '@/lib/shared/detection/match-patterns';
import { PageSignalsSchema, type Detection } from '@/lib/shared/detection/shapes';
import { translator } from '@/lib/shared/i18n';
import './strings';
import { languageFor } from '@/lib/shared/lang';
import type { Lang } from '@/lib/shared/lang';
import { LinkedToolSchema, parseMessage, type MessageReply } from '@/lib/shared/messaging/protocol';
import { preferencesItem, readLanguage } from '@/lib/shared/preferences';
import { catalogById } from '@/lib/shared/registry/catalog';
import type { Detector } from '@/lib/shared/detection/engine';
import { readPolicy } from '@/lib/shared/policy';
import { detectableTools, detectorWith, detectTool, linkWrappers } from '@/lib/shared/registry/rules';
import { markerQuery, probeGlobals } from '@/lib/page-scan/scan';
import { clearTabState, getTabState, setTabState, storedTabIds, type TabState } from '@/lib/shared/tab-state';

/** What the page scan brings back; page-controlled, so everything is bounded again here. */
const PageScanSchema = z.strictObject({
  url: z.string().check(z.maxLength(8192)),
  signals: z.omit(PageSignalsSchema, { globals: true }),
  links: z.array(LinkedToolSchema).check(z.maxLength(100)),
  linksTruncated: z.boolean(),
  named: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(500)),
});
export type ScanResult = z.infer<typeof PageScanSchema> & { globals: string[] };

/**
 * How long a tab's jobs wait for its page scan. The scan reads within fixed bounds, but the page's own main
 * thread runs it: a page busy with its own work must not hold up the tab's address updates.
 */
export const SCAN_TIMEOUT_MS = 3000;

export interface BackgroundDeps {
  /** The detector to use now: the registry's, with the hosts the organisation's policy names. */
  detector: () => Promise<Detector>;
  badge: (tabId: number, view: BadgeView | null) => Promise<void>;
  /** Reads a tab on the popup's request; `withGlobals` also probes the page's own globals. Its answer is untrusted. */
  scan: (tabId: number, withGlobals: boolean) => Promise<unknown>;
  language: () => Promise<Lang>;
}

/** What the registry's page markers ask of a page; the same for every scan. */
const markerNames = markerQuery(detectableTools);

/** The popup's page in a tab, showing one tool's summary. */
export const summaryPageUrl = (toolId: string): string =>
  browser.runtime.getURL(`/popup.html?tool=${encodeURIComponent(toolId)}`);

/**
 * Reads a tab through `activeTab` (or a host permission): the page scan in the isolated world, and, when
 * the tab's tool is not yet known, which of the registry's globals exist in the main world.
 */
export async function scanWithScripting(tabId: number, withGlobals: boolean): Promise<unknown> {
  const names = withGlobals ? markerNames.globals : [];
  const [page, main] = await Promise.all([
    // Right away, not at document_idle: a page still loading a slow frame must not hold up the popup.
    browser.scripting.executeScript({ target: { tabId }, files: ['/page-scan.js'], injectImmediately: true }),
    names.length
      ? browser.scripting
          .executeScript({
            target: { tabId },
            world: 'MAIN',
            func: probeGlobals,
            args: [names],
            injectImmediately: true,
          })
          .catch(() => [])
      : [],
  ]);
  const flags: unknown = main[0]?.result;
  const globals =
    typeof flags === 'string' && flags.length === names.length ? names.filter((_, index) => flags[index] === '1') : [];
  return { page: page[0]?.result, globals };
}

/**
 * The trust boundary for what a scan brings back: the page controls all of it. Globals that an element's id
 * or name explains are dropped, because any content on the page (a mail body, a comment) can add such elements.
 */
export function parseScan(raw: unknown): ScanResult | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { page, globals } = raw as { page?: unknown; globals?: unknown };
  const parsed = PageScanSchema.safeParse(page);
  if (!parsed.success) return null;
  const found = Array.isArray(globals) ? globals.filter((name): name is string => typeof name === 'string') : [];
  return { ...parsed.data, globals: found.filter((name) => !parsed.data.named.includes(name)) };
}

/** Resolves with `fallback` once `ms` have passed, if `promise` has not settled by then. */
function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

async function defaultLanguage(): Promise<Lang> {
  return (await readLanguage()) ?? languageFor(browser.i18n.getUILanguage());
}

let policyDetector: Promise<Detector> | null = null;
/** How long the popup's scan waits for the policy after the page was read; the popup waits 600 ms in all. */
const POLICY_WAIT_MS = 200;

/**
 * The detector with the organisation's hosts, built once per policy: read when first needed (a restarted
 * worker reads it again) and again after administrators change the policy.
 */
function organisationDetector(): Promise<Detector> {
  policyDetector ??= readPolicy().then(({ policy }) => detectorWith(policy?.hosts ?? new Map()));
  return policyDetector;
}

const defaultDeps: BackgroundDeps = {
  detector: organisationDetector,
  badge: showBadge,
  scan: scanWithScripting,
  language: defaultLanguage,
};

const sameDetection = (a: Detection | null | undefined, b: Detection | null): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b);

/**
 * The background's whole job: keep per-tab detection state in session storage and the toolbar icon in step
 * with it, from the browser's own tab events. No script runs in the meeting page for this: the browser reports
 * the address of tabs on the registry's hosts, the only ones the extension has permission for.
 */
export function createBackground(deps: BackgroundDeps = defaultDeps) {
  const queues = new Map<number, Promise<unknown>>();
  /** The organisation-aware detector once the policy has been read; until then the registry's alone. */
  let current: Detector | null = null;
  /** Reads the policy (once; again after it changed) and returns the detector with its hosts. */
  const readDetector = (): Promise<Detector> => deps.detector().then((detect) => (current = detect));
  const latestUpdate = new Map<number, number>();
  let tickets = 0;

  /**
   * Runs one tab's jobs one after another, in the order their events arrived, so a slow older event can
   * never overwrite a newer one. Other tabs are not held up.
   */
  function inOrder<T>(tabId: number, job: () => Promise<T>): Promise<T> {
    const run =
      queues
        .get(tabId)
        ?.catch(() => undefined)
        .then(job) ?? job();
    queues.set(tabId, run);
    void run.finally(() => queues.get(tabId) === run && queues.delete(tabId)).catch(() => undefined);
    return run;
  }

  /** Like inOrder for address updates, where only the newest matters: superseded ones are skipped. */
  function latestOnly(tabId: number, job: () => Promise<void>): Promise<void> {
    const ticket = ++tickets;
    latestUpdate.set(tabId, ticket);
    return inOrder(tabId, async () => {
      if (latestUpdate.get(tabId) === ticket) await job();
    });
  }

  async function apply(tabId: number, detection: Detection | null, via: TabState['via']): Promise<TabState | null> {
    const entry = detection && catalogById.get(detection.toolId);
    if (!detection || !entry) {
      await clearTabState(tabId);
      await deps.badge(tabId, null);
      return null;
    }
    const state: TabState = { detection, via };
    // The badge first: a worker stopped between the two leaves a stored state that differs from the next
    // detection, so the next event repairs both; the other order could leave a wrong badge for good.
    await deps.badge(tabId, badgeFor(detection, entry, await deps.language()));
    await setTabState(tabId, state);
    return state;
  }

  /**
   * Shows every stored tab state on its tab's icon again. A worker that starts after being stopped mid-event
   * cannot know which badge call was lost, and setting one is cheap.
   */
  async function restoreBadges(): Promise<void> {
    const tabIds = await storedTabIds().catch(() => []);
    await Promise.all(
      tabIds.map((tabId) =>
        inOrder(tabId, async () => {
          const state = await getTabState(tabId);
          // A tab closed while the worker was stopped: its state goes with it.
          if (state) await apply(tabId, state.detection, state.via).catch(() => clearTabState(tabId));
        }),
      ),
    );
  }

  /**
   * Follows a tab's address. The browser reports it only on hosts the extension has permission for; on any
   * other host a navigation arrives without it, and the mark is cleared.
   */
  function tabUpdated(tabId: number, change: Browser.tabs.OnUpdatedInfo, tab: Browser.tabs.Tab): Promise<void> {
    const navigating = change.status === 'loading';
    if (change.url === undefined && !navigating) return Promise.resolve();
    // Tab events never read the policy: the browser reports addresses only on the registry's hosts, which need
    // none, and while Chromium starts, reading managed storage held up other storage calls, and so the first
    // badge, by seconds (measured). A host the organisation names is found when the popup opens.
    const detection = detectTool(change.url ?? tab.url ?? '');
    return latestOnly(tabId, async () => {
      const known = await getTabState(tabId);
      // What a scan found stays until the tab loads a new page; an in-page address change does not undo it.
      if (!detection && known?.via === 'scan' && !navigating) return;
      if (!sameDetection(known?.detection, detection)) await apply(tabId, detection, 'page');
      // Unchanged: the badge is set again anyway, in case a stopped worker never set it.
      else if (detection && known) await apply(tabId, detection, known.via);
    });
  }

  /** Scans a tab for the popup: its tool (scanning the page only if nothing is known) and the tools it links to. */
  function scanTab(tabId: number): Promise<MessageReply<'scanTab'>> {
    // Read while the page is scanned: a worker woken by the popup knows no policy yet. It answers in
    // milliseconds, except right after the browser starts, when the popup cannot wait: the registry alone
    // decides then, and the next popup knows the policy.
    const reading = readDetector().catch(() => detectTool);
    return inOrder(tabId, async () => {
      const known = await getTabState(tabId);
      let raw: unknown = null;
      try {
        raw = await within(deps.scan(tabId, !known), SCAN_TIMEOUT_MS, null);
      } catch {
        // Pages the extension may not read (browser pages, the web store) have no detection and no links.
      }
      const result = parseScan(raw);
      const links = (result?.links ?? []).filter((link) => catalogById.has(link.toolId));
      const linksTruncated = result?.linksTruncated ?? false;
      if (known || !result) return { state: known, links, linksTruncated };
      const detect =
        current ??
        (await Promise.race([
          reading,
          new Promise<Detector>((resolve) => setTimeout(resolve, POLICY_WAIT_MS, detectTool)),
        ]));
      // The address decides first, so a host the organisation names is known without any page signal.
      const state = await apply(tabId, detect(result.url, { ...result.signals, globals: result.globals }), 'scan');
      return { state, links, linksTruncated };
    });
  }

  function tabRemoved(tabId: number): Promise<void> {
    latestUpdate.delete(tabId);
    return inOrder(tabId, () => clearTabState(tabId));
  }

  /**
   * A discarded or prerendered tab is swapped for a new one. The old id's state goes; the new tab's address
   * decides afresh, as for any navigation.
   */
  async function tabReplaced(addedTabId: number, removedTabId: number): Promise<void> {
    await tabRemoved(removedTabId);
    const tab = await browser.tabs.get(addedTabId).catch(() => null);
    if (tab) await tabUpdated(addedTabId, { status: 'loading' }, tab);
  }

  /** Marks the tabs that were already open when the extension started, e.g. after installation. */
  async function markOpenTabs(): Promise<void> {
    const tabs = await browser.tabs.query({});
    await Promise.all(
      tabs.flatMap((tab) => (tab.id === undefined || !tab.url ? [] : [tabUpdated(tab.id, { url: tab.url }, tab)])),
    );
  }

  /** Handles one received message; anything that is not a valid protocol message from the extension's own pages gets no answer. */
  async function receive(raw: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> {
    const message = parseMessage(raw);
    if (!message || sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/')))
      return undefined;
    switch (message.verb) {
      case 'scanTab':
        return scanTab(message.data.tabId);
    }
  }

  return {
    receive,
    scanTab,
    tabUpdated,
    tabRemoved,
    tabReplaced,
    markOpenTabs,
    restoreBadges,
    readPolicy: readDetector,
  };
}

const MENU_ID = 'summary-for-link';
const REGISTRY_MENU_ID = 'registry-page';

/** The registry page, in a tab of its own. */
export const registryPageUrl = (): string => browser.runtime.getURL('/registry.html');

/**
 * The menu entries: on links to the registry's hosts and to the link wrappers it can undo, the link's summary;
 * on the toolbar icon, the registry page (Firefox's Manifest V2 calls that context browser_action).
 */
async function createMenus(): Promise<void> {
  const t = translator(await defaultLanguage());
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_ID,
    title: t('linkMenu'),
    contexts: ['link'],
    targetUrlPatterns: [...linkMatchPatterns(detectableTools), ...wrapperMatchPatterns(linkWrappers)],
  });
  browser.contextMenus.create({
    id: REGISTRY_MENU_ID,
    title: t('registryPageLink'),
    contexts: [import.meta.env.FIREFOX ? 'browser_action' : 'action'],
  });
}

/** Gives the menu entries their titles in the language the user chose in the popup. */
async function retitleMenus(): Promise<void> {
  const t = translator(await defaultLanguage());
  await browser.contextMenus.update(MENU_ID, { title: t('linkMenu') });
  await browser.contextMenus.update(REGISTRY_MENU_ID, { title: t('registryPageLink') });
}

/** Opens what a menu entry stands for: a link's summary, or the registry page. */
export async function menuClicked(info: Browser.contextMenus.OnClickData): Promise<void> {
  if (info.menuItemId === REGISTRY_MENU_ID) await browser.tabs.create({ url: registryPageUrl() });
  else await linkMenuClicked(info);
}

/** Opens the summary of the tool a link leads to; the link itself is read here and nowhere kept. */
export async function linkMenuClicked(info: Browser.contextMenus.OnClickData): Promise<void> {
  if (info.menuItemId !== MENU_ID || !info.linkUrl) return;
  const toolId = (await organisationDetector())(unwrapLink(info.linkUrl, linkWrappers))?.toolId ?? '';
  await browser.tabs.create({ url: summaryPageUrl(toolId) });
}

/** Wires the background's listeners. */
export function registerBackground(background = createBackground()): void {
  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    background.receive(raw, sender).then(
      (reply) => sendResponse(reply ?? null),
      () => sendResponse(null),
    );
    return true;
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => void background.tabUpdated(tabId, change, tab));
  browser.tabs.onRemoved.addListener((tabId) => void background.tabRemoved(tabId));
  browser.tabs.onReplaced.addListener((added, removed) => void background.tabReplaced(added, removed));
  browser.contextMenus.onClicked.addListener((info) => void menuClicked(info));
  browser.runtime.onInstalled.addListener(() => void background.markOpenTabs());
  browser.runtime.onStartup.addListener(() => void background.markOpenTabs());
  void background.restoreBadges();
  // Chromium's first read of managed storage in a browser session takes seconds (about 3 s measured here), later
  // ones a millisecond. Reading it once as the worker starts, off every event's path, spares the first popup
  // that wait, so it can show the organisation's verdict at once.
  void background.readPolicy().catch(() => undefined);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') policyDetector = null;
  });
  const menu = createMenus();
  // The menus' titles follow the language the user chooses in the popup.
  preferencesItem.watch(() => void menu.then(retitleMenus).catch(() => undefined));
}
