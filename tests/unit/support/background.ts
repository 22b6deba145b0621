import { vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { createBackground, type BackgroundDeps } from '@/lib/background';
import { detectTool } from '@/lib/registry/detection-rules';

/** A background with its browser-facing parts replaced by spies; the detection and storage are real. */
export function setupBackground(overrides: Partial<BackgroundDeps> = {}) {
  const deps: BackgroundDeps = {
    detector: async () => detectTool,
    badge: vi.fn(async () => {}),
    scan: vi.fn(async () => null),
    language: async () => 'en',
    ...overrides,
  };
  return { deps, background: createBackground(deps) };
}

/** A message from the popup, the extension's own page. */
export const fromPopup: Browser.runtime.MessageSender = { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') };

/** A message from a web page's frame in tab `tabId`. */
export const fromTab = (tabId: number, url: string): Browser.runtime.MessageSender => ({ id: browser.runtime.id, tab: { id: tabId } as Browser.tabs.Tab, frameId: 0, url });

/** A tab as `tabs.onUpdated` reports it. */
export const tab = (id: number, url?: string) => ({ id, url }) as Browser.tabs.Tab;

/** What a page scan returns for a page that shows no tool and links to none. */
export const emptyScan = (url: string) => ({ url, signals: { scripts: [], frames: [], selectors: [], title: '' }, links: [], globals: [] });
