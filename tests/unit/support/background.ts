import { vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { createBackground, type BackgroundDeps } from '@/lib/background/background';
import { detectTool } from '@/lib/shared/registry/rules';

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
export const fromPopup: Browser.runtime.MessageSender = {
  id: browser.runtime.id,
  url: browser.runtime.getURL('/popup.html'),
};

/** A message from a web page's frame in tab `tabId`. */
export const fromTab = (tabId: number, url: string): Browser.runtime.MessageSender => ({
  id: browser.runtime.id,
  tab: { id: tabId } as Browser.tabs.Tab,
  frameId: 0,
  url,
});

/** A tab as `tabs.onUpdated` reports it. */
export const tab = (id: number, url?: string) => ({ id, url }) as Browser.tabs.Tab;

interface ScanParts {
  signals?: { scripts?: string[]; frames?: string[]; selectors?: string[]; title?: string };
  links?: Array<{ toolId: string; count: number; meetings: number }>;
  linksTruncated?: boolean;
  /** Globals the main-world probe found. */
  globals?: string[];
  /** Globals that elements of the page explain. */
  named?: string[];
}

/** What the page scan and the main-world probe bring back, raw, for a page at `url`. */
export const scanOf = (
  url: string,
  { signals = {}, links = [], linksTruncated = false, globals = [], named = [] }: ScanParts = {},
) => ({
  page: {
    url,
    signals: { scripts: [], frames: [], selectors: [], title: '', ...signals },
    links,
    linksTruncated,
    named,
  },
  globals,
});
