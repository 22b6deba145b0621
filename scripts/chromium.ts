import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';

/**
 * Finds a Chromium to drive: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own
 * download. A missing browser is a clear error, never a hang.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidates: Array<[string, string | undefined]> = [
    ['$CHROMIUM_PATH', env.CHROMIUM_PATH],
    ['Debian package', '/usr/bin/chromium'],
    ["Playwright's browser", safe(() => chromium.executablePath())],
  ];
  for (const [, path] of candidates) if (path && existsSync(path)) return path;
  throw new Error(
    [
      'No Chromium found. Tried:',
      ...candidates.map(([label, path]) => `  ${label}: ${path ?? '(not set)'}`),
      'Install one (e.g. `apt-get install chromium`) or set CHROMIUM_PATH to its executable.',
    ].join('\n'),
  );
}

function safe(read: () => string): string | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Flags for a quiet, offline, headless-friendly Chromium, with one unpacked extension if given. */
function browserArgs(extensionDir: string | null): string[] {
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
  ];
}

/** A Chromium with the extension loaded, and what the tests, the benchmark and the demo do with it. */
export interface LaunchOptions {
  headless?: boolean;
  /** The page size; null lets pages take the window's size. */
  viewport?: { width: number; height: number } | null;
}

export class Extension {
  private constructor(
    readonly context: BrowserContext,
    readonly worker: Worker,
    readonly id: string,
  ) {}

  /**
   * Starts Chromium (headless unless `headless` is false) with the unpacked extension in `dir`, or with no
   * extension at all for `null` (a baseline for the benchmark).
   */
  static async launch(
    dir: string | null,
    { headless = true, viewport = { width: 400, height: 600 } }: LaunchOptions = {},
  ): Promise<Extension> {
    const context = await chromium.launchPersistentContext('', {
      executablePath: findChromium(),
      headless,
      args: browserArgs(dir),
      viewport,
    });
    if (!dir) return new Extension(context, undefined as never, '');
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    return new Extension(context, worker, new URL(worker.url()).host);
  }

  /** The extension's service worker, waiting for a new one if the browser stopped it. */
  async currentWorker(): Promise<Worker> {
    return this.context.serviceWorkers().at(-1) ?? (await this.context.waitForEvent('serviceworker'));
  }

  /** Serves `html` for pages under `origin` (and empty scripts), so a page runs at a tool's real address and nothing is fetched. */
  async serve(origin: string, html: string): Promise<void> {
    await this.context.route(`${origin}/**`, (route) =>
      route.request().resourceType() === 'script'
        ? route.fulfill({ contentType: 'text/javascript', body: '' })
        : route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
    );
  }

  /** Opens a page at `url` and returns it with its tab id. */
  async open(url: string): Promise<{ page: Page; tabId: number }> {
    const page = await this.context.newPage();
    await page.goto(url);
    return { page, tabId: await this.tabIdOf(page) };
  }

  async tabIdOf(page: Page): Promise<number> {
    await page.bringToFront();
    return (await this.currentWorker()).evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab!.id!;
    });
  }

  async badge(tabId: number): Promise<{ text: string; title: string }> {
    return (await this.currentWorker()).evaluate(
      async (id) => ({
        text: await chrome.action.getBadgeText({ tabId: id }),
        title: await chrome.action.getTitle({ tabId: id }),
      }),
      tabId,
    );
  }

  /** Opens an extension page (the popup by default) in a tab, e.g. describing tab `tabId`. */
  async page(path: string): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.id}/${path}`);
    return page;
  }

  popup(tabId?: number): Promise<Page> {
    return this.page(`popup.html${tabId === undefined ? '' : `?tabId=${tabId}`}`);
  }
}
