import { browser } from 'wxt/browser';
import { languageFor } from '@/lib/i18n';
import { ReplySchemas, type TabState } from '@/lib/messaging/protocol';
import { sendMessage } from '@/lib/messaging/send';
import { bundledView, type RegistryView } from '@/lib/registry/view';
import { getTabState } from '@/lib/storage';
import { hydratePreferences } from '@/lib/store';

/** A scan that takes longer than this is not worth delaying the popup for. */
const SCAN_BUDGET_MS = 600;

/** The tab the popup describes: `?tabId=N` when given (tests, links), otherwise the active tab. */
export async function resolveTabId(search: string): Promise<number | null> {
  const param = new URLSearchParams(search).get('tabId');
  if (param !== null) {
    const tabId = Number(param);
    return Number.isSafeInteger(tabId) && tabId >= 0 ? tabId : null;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function scan(tabId: number): Promise<TabState | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(resolve, SCAN_BUDGET_MS, null)));
  const reply = await Promise.race([sendMessage('scanTab', { tabId }).catch(() => null), timeout]);
  clearTimeout(timer);
  const parsed = ReplySchemas.scanTab.safeParse(reply);
  return parsed.success ? parsed.data : null;
}

/**
 * Everything the first render needs, loaded in parallel so the popup never flashes empty: stored
 * preferences, the tab's detection (scanning the page once when nothing is known) and that tool's entry.
 */
export async function loadPopup(
  search: string,
  registry: RegistryView = bundledView,
): Promise<{ registry: RegistryView; tabState: TabState | null }> {
  const tabState = (async () => {
    const tabId = await resolveTabId(search);
    if (tabId === null) return null;
    const state = (await getTabState(tabId)) ?? (await scan(tabId));
    if (state) await registry.load(state.detection.toolId);
    return state;
  })();
  await hydratePreferences(languageFor(browser.i18n.getUILanguage()));
  return { registry, tabState: await tabState };
}
