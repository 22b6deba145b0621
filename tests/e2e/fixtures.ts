import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test as base, chromium, type BrowserContext, type Page, type Request, type Worker } from '@playwright/test';
import { extensionArgs, findChromium } from '../../scripts/chromium';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3-e2e');
const FIXTURES = resolve(import.meta.dirname, '../fixtures');

export function fixture(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

interface ExtensionFixtures {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Every request made by the extension's own pages and worker. */
  extensionRequests: string[];
  ext: Extension;
}

export class Extension {
  constructor(
    readonly context: BrowserContext,
    readonly worker: Worker,
    readonly id: string,
  ) {}

  /** Serves `html` at every URL under `pattern`, so the page runs at the tool's real address. */
  async serve(pattern: string, html: string): Promise<void> {
    await this.context.route(pattern, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  }

  /** Opens a page at `url` and returns it with its tab id. */
  async open(url: string): Promise<{ page: Page; tabId: number }> {
    const page = await this.context.newPage();
    await page.goto(url);
    return { page, tabId: await this.tabIdOf(page) };
  }

  async tabIdOf(page: Page): Promise<number> {
    await page.bringToFront();
    return this.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab!.id!;
    });
  }

  badge(tabId: number): Promise<{ text: string; title: string }> {
    return this.worker.evaluate(async (id) => ({
      text: await chrome.action.getBadgeText({ tabId: id }),
      title: await chrome.action.getTitle({ tabId: id }),
    }), tabId);
  }

  /** Waits until the tab's badge text is `expected` (or satisfies it), then returns the badge. */
  async waitForBadge(tabId: number, expected: string | ((text: string) => boolean), timeout = 5000): Promise<{ text: string; title: string }> {
    const matches = typeof expected === 'string' ? (text: string) => text === expected : expected;
    const until = Date.now() + timeout;
    for (;;) {
      const badge = await this.badge(tabId);
      if (matches(badge.text) || Date.now() > until) return badge;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Opens the popup as a page, describing tab `tabId`. */
  async popup(tabId?: number): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.id}/popup.html${tabId === undefined ? '' : `?tabId=${tabId}`}`);
    return page;
  }
}

export const test = base.extend<ExtensionFixtures>({
  context: async ({}, use) => {
    const context = await chromium.launchPersistentContext('', {
      executablePath: findChromium(),
      headless: true,
      args: extensionArgs(EXTENSION_DIR),
      viewport: { width: 400, height: 600 },
    });
    await use(context);
    await context.close();
  },
  worker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  extensionRequests: async ({ context }, use) => {
    const requests: string[] = [];
    const fromExtension = (request: Request): boolean => {
      const worker = request.serviceWorker();
      if (worker) return worker.url().startsWith('chrome-extension://');
      try {
        return request.frame().url().startsWith('chrome-extension://');
      } catch {
        return false;
      }
    };
    context.on('request', (request) => {
      if (/^https?:/.test(request.url()) && fromExtension(request)) requests.push(request.url());
    });
    await use(requests);
  },
  ext: async ({ context, worker, extensionId }, use) => {
    await use(new Extension(context, worker, extensionId));
  },
});

export const expect = test.expect;
