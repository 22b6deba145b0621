import { browser, type Browser } from 'wxt/browser';
import { badgeFor, showBadge, type BadgeView } from '@/lib/badge';
import { detectTool, parseWebUrl, type Detection } from '@/lib/detection';
import { languageFor } from '@/lib/i18n';
import { PageSignalsSchema, parseMessage, type Message, type TabState } from '@/lib/messaging/protocol';
import { readLanguage } from '@/lib/preferences';
import { catalogById } from '@/lib/registry/catalog';
import { detectableTools, detectionById } from '@/lib/registry/detection-rules';
import type { Lang } from '@/lib/registry/schema';
import { collectPageSignals, markerQuery, probeGlobals } from '@/lib/scan';
import { clearTabState, getTabState, setTabState } from '@/lib/storage';
import * as z from 'zod/mini';

export interface BackgroundDeps {
  detect: typeof detectTool;
  badge: (tabId: number, view: BadgeView | null) => Promise<void>;
  scan: (tabId: number) => Promise<unknown>;
  language: () => Promise<Lang>;
}

const ScanResultSchema = z.object({ url: z.string().check(z.maxLength(8192)), signals: PageSignalsSchema });

/** What the registry's page markers ask of a page; the same for every scan. */
const markerNames = markerQuery(detectableTools);

/** Reads the active page through `activeTab`: DOM evidence from the isolated world, globals from the main world. */
export async function scanWithScripting(tabId: number): Promise<unknown> {
  const { selectors, globals } = markerNames;
  const [dom] = await browser.scripting.executeScript({ target: { tabId }, func: collectPageSignals, args: [selectors] });
  const [main] = await browser.scripting
    .executeScript({ target: { tabId }, world: 'MAIN', func: probeGlobals, args: [globals] })
    .catch(() => []);
  const result = dom?.result as { url: string; signals: Record<string, unknown> } | undefined;
  return result && { ...result, signals: { ...result.signals, globals: main?.result ?? [] } };
}

async function defaultLanguage(): Promise<Lang> {
  return (await readLanguage()) ?? languageFor(browser.i18n.getUILanguage());
}

export const defaultDeps: BackgroundDeps = {
  detect: detectTool,
  badge: showBadge,
  scan: scanWithScripting,
  language: defaultLanguage,
};

/**
 * The background's whole job: keep per-tab detection state in session storage and the toolbar
 * icon in step with it.
 */
export function createBackground(deps: BackgroundDeps = defaultDeps) {
  const queues = new Map<number, Promise<unknown>>();
  const latestUpdate = new Map<number, number>();
  let tickets = 0;

  /**
   * Runs one tab's jobs one after another, in the order their events arrived, so a slow older event
   * can never overwrite a newer one. Other tabs are not held up.
   */
  function inOrder<T>(tabId: number, job: () => Promise<T>): Promise<T> {
    const run = queues.get(tabId)?.catch(() => undefined).then(job) ?? job();
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
    if (!detection) {
      await clearTabState(tabId);
      await deps.badge(tabId, null);
      return null;
    }
    const entry = catalogById.get(detection.toolId);
    const rules = detectionById.get(detection.toolId);
    if (!entry || !rules) return null;
    const state: TabState = { detection, via };
    await setTabState(tabId, state);
    await deps.badge(tabId, badgeFor(detection, { name: entry.name, label: rules.label }, await deps.language()));
    return state;
  }

  async function pageChanged(tabId: number, url: string): Promise<null> {
    await latestOnly(tabId, async () => void (await apply(tabId, deps.detect(url), 'page')));
    return null;
  }

  function scanTab(tabId: number): Promise<TabState | null> {
    return inOrder(tabId, () => scanOnce(tabId));
  }

  async function scanOnce(tabId: number): Promise<TabState | null> {
    const known = await getTabState(tabId);
    if (known) return known;
    let raw: unknown;
    try {
      raw = await deps.scan(tabId);
    } catch {
      // Pages the extension may not read (browser pages, the web store) simply have no detection.
      return null;
    }
    const parsed = ScanResultSchema.safeParse(raw);
    if (!parsed.success) return null;
    const detection = deps.detect(parsed.data.url, parsed.data.signals);
    return detection ? apply(tabId, detection, 'scan') : null;
  }

  /** Handles one received message; anything that is not a valid protocol message from the right sender gets no answer. */
  async function receive(raw: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> {
    const message: Message | null = parseMessage(raw);
    if (!message || sender.id !== browser.runtime.id) return undefined;
    switch (message.verb) {
      case 'pageChanged': {
        const tabId = sender.tab?.id;
        if (tabId === undefined || sender.frameId !== 0) return undefined;
        // A content script reports its own page; an address on another origin is not believed.
        const reported = parseWebUrl(message.data.url);
        const from = sender.url ? parseWebUrl(sender.url) : null;
        if (!reported || (from && from.origin !== reported.origin)) return undefined;
        return pageChanged(tabId, message.data.url);
      }
      case 'scanTab':
        // Only the extension's own pages (the popup) may ask for a scan, never a content script.
        if (!sender.url?.startsWith(browser.runtime.getURL('/'))) return undefined;
        return scanTab(message.data.tabId);
    }
  }

  function tabUpdated(tabId: number, change: Browser.tabs.OnUpdatedInfo, tab: Browser.tabs.Tab): Promise<void> {
    if (change.status !== 'loading' && change.url === undefined) return Promise.resolve();
    // The address is visible only on registered tool hosts; elsewhere it is undefined and the mark is cleared.
    const detection = deps.detect(change.url ?? tab.url ?? '');
    return latestOnly(tabId, async () => {
      const known = await getTabState(tabId);
      if (!detection && known?.via === 'scan' && change.status !== 'loading') return;
      if (JSON.stringify(known?.detection ?? null) === JSON.stringify(detection)) return;
      await apply(tabId, detection, 'page');
    });
  }

  function tabRemoved(tabId: number): Promise<void> {
    latestUpdate.delete(tabId);
    return inOrder(tabId, () => clearTabState(tabId));
  }



  return { receive, scanTab, pageChanged, tabUpdated, tabRemoved };
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
}
