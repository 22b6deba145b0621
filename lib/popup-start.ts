import { browser } from 'wxt/browser';
import type { Opening } from '@/components/App';
import type { LinkedTool } from '@/lib/detection/links';
import { languageFor } from '@/lib/i18n';
import { request } from '@/lib/messaging/send';
import { bundledRegistry, type RegistryView } from '@/lib/registry/popup-registry';
import { hydratePreferences } from '@/lib/store';
import { getTabState } from '@/lib/tab-state';

/** A scan that takes longer than this is not worth delaying the first render for. */
const SCAN_BUDGET_MS = 600;

function withinBudget<T>(promise: Promise<T>, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(resolve, SCAN_BUDGET_MS, fallback)));
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

export interface PopupStart {
  registry: RegistryView;
  opening: Opening;
  links: Promise<readonly LinkedTool[]>;
}

/**
 * Everything the first render needs, read in parallel so the popup never flashes empty: the stored
 * preferences, the tab's detection and that tool's entry. A tab with a known tool renders at once and
 * its page scan (for meeting links) follows; a tab without one is scanned first, within a time budget.
 */
export async function loadPopup(search: string, registry: RegistryView = bundledRegistry): Promise<PopupStart> {
  const params = new URLSearchParams(search);
  const preferences = hydratePreferences(languageFor(browser.i18n.getUILanguage()));
  const toolId = params.get('tool');
  if (toolId !== null) {
    await Promise.all([preferences, registry.load(toolId)]);
    return { registry, opening: { kind: 'tool', toolId }, links: Promise.resolve([]) };
  }
  const tab = (async () => {
    const tabId = await resolveTabId(params);
    if (tabId === null) return { tabState: null, links: Promise.resolve([]) };
    const known = await getTabState(tabId);
    const scan = request('scanTab', { tabId });
    const reply = known ? null : await withinBudget(scan, null);
    const tabState = known ?? reply?.state ?? null;
    if (tabState) await registry.load(tabState.detection.toolId);
    return { tabState, links: scan.then((answer) => answer?.links ?? []) };
  })();
  const [{ tabState, links }] = await Promise.all([tab, preferences]);
  return { registry, opening: { kind: 'tab', tabState }, links };
}
