import { browser } from 'wxt/browser';
import type { PageLinks } from '@/lib/shared/detection/links';
import { languageFor } from '@/lib/shared/lang';
import type { MessageReply } from '@/lib/shared/messaging/protocol';
import { request } from '@/lib/shared/messaging/send';
import { readPolicy } from '@/lib/shared/policy';
import { bundledRegistry, type RegistryView } from '@/lib/ui/popup-registry';
import { hydratePreferences, usePopupStore } from '@/lib/ui/store';
import { getTabState, type TabState } from '@/lib/shared/tab-state';

/** A scan that takes longer than this is not worth delaying the first render for. */
const SCAN_BUDGET_MS = 600;
/**
 * Managed storage answers in milliseconds, except right after the browser starts (Chromium: 2.5 s measured);
 * the first screen does not wait that long, and the policy fills in when it arrives.
 */
const POLICY_BUDGET_MS = 150;

function withinBudget<T>(promise: Promise<T>, fallback: T, budget = SCAN_BUDGET_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(resolve, budget, fallback)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The tab the popup describes: `?tabId=N` when given (tests, links), otherwise the active tab. */
async function resolveTabId(params: URLSearchParams): Promise<number | null> {
  const param = params.get('tabId');
  if (param !== null) {
    const tabId = Number(param);
    return Number.isSafeInteger(tabId) && tabId >= 0 ? tabId : null;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** What the popup opens on: the tab it was opened for (its stored detection, if any), or a tool by its id. */
export type Opening = { kind: 'tab'; tabState: TabState | null } | { kind: 'tool'; toolId: string };

export interface PopupStart {
  registry: RegistryView;
  opening: Opening;
  /** The keyboard shortcut that opens the popup, as the user has it set (null if none). */
  shortcut: string | null;
  links: Promise<PageLinks>;
  /** Starts the page scan for links if it has not run yet; call it once the first screen is painted. */
  scanLinks: () => void;
}

const NO_LINKS: PageLinks = { tools: [], truncated: false };

function pageLinks(reply: MessageReply<'scanTab'> | null): PageLinks {
  return reply ? { tools: reply.links, truncated: reply.linksTruncated } : NO_LINKS;
}

/**
 * Everything the first render needs, read in parallel so the popup never flashes empty: the stored
 * preferences and the tab's detection (the tool's first screen is in the start-up bundle; its full entry
 * starts loading here). A tab with a known tool renders at once and its page scan (for meeting links)
 * follows; a tab without one is scanned first, within a time budget.
 */
export async function loadPopup(search: string, registry: RegistryView = bundledRegistry): Promise<PopupStart> {
  const params = new URLSearchParams(search);
  // The policy is read alongside the preferences; one that is late is shown when it comes.
  const reading = readPolicy().then((policy) => usePopupStore.setState({ policy }));
  const policy = withinBudget(reading, undefined, POLICY_BUDGET_MS);
  const preferences = Promise.all([hydratePreferences(languageFor(browser.i18n.getUILanguage())), policy]);
  const toolId = params.get('tool');
  const shortcut = browser.commands
    .getAll()
    .then(
      (commands) =>
        commands.find((command) => command.name === '_execute_action' || command.name === '_execute_browser_action')
          ?.shortcut || null,
    )
    .catch(() => null);
  const none = { links: Promise.resolve(NO_LINKS), scanLinks: () => {} };
  if (toolId !== null) {
    void registry.load(toolId);
    await preferences;
    return { registry, opening: { kind: 'tool', toolId }, shortcut: await shortcut, ...none };
  }
  const tab = (async () => {
    const tabId = await resolveTabId(params);
    if (tabId === null) return { tabState: null, ...none };
    const known = await getTabState(tabId);
    if (known) {
      // The tool is known: its summary renders first, and the page is read for its links afterwards.
      const { promise: links, resolve } = Promise.withResolvers<PageLinks>();
      const scanLinks = () => void request('scanTab', { tabId }).then((reply) => resolve(pageLinks(reply)));
      // The first screen needs only the tool's Glance; its full entry loads meanwhile, for the details.
      void registry.load(known.detection.toolId);
      return { tabState: known, links, scanLinks };
    }
    const scan = request('scanTab', { tabId });
    const reply = await withinBudget(scan, null);
    if (reply?.state) void registry.load(reply.state.detection.toolId);
    return { tabState: reply?.state ?? null, links: scan.then(pageLinks), scanLinks: () => {} };
  })();
  const [{ tabState, links, scanLinks }] = await Promise.all([tab, preferences]);
  return { registry, opening: { kind: 'tab', tabState }, shortcut: await shortcut, links, scanLinks };
}
