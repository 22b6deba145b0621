import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** The add-on id the Firefox build declares (wxt.config.ts). */
export const GECKO_ID = '{6d0b23cf-2a0a-4b71-9969-3151689f4128}';
/** A fixed internal UUID, so the extension's pages have a known moz-extension:// origin. */
const UUID = '0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
export const EXTENSION_ORIGIN = `moz-extension://${UUID}/`;

/**
 * Finds a Firefox to drive: $FIREFOX_PATH, then Debian's /usr/bin/firefox-esr, then `firefox` on the PATH. A
 * missing browser is a clear error, never a hang.
 */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string {
  const onPath = (() => {
    try {
      return execFileSync('which', ['firefox'], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      return undefined;
    }
  })();
  const candidates: Array<[string, string | undefined]> = [
    ['$FIREFOX_PATH', env.FIREFOX_PATH],
    ['Debian package', '/usr/bin/firefox-esr'],
    ['firefox on the PATH', onPath],
  ];
  for (const [, path] of candidates) if (path && existsSync(path)) return path;
  throw new Error(
    [
      'No Firefox found. Tried:',
      ...candidates.map(([label, path]) => `  ${label}: ${path ?? '(not set)'}`),
      'Install one (e.g. `apt-get install firefox-esr`) or set FIREFOX_PATH.',
    ].join('\n'),
  );
}

/** The extension's API in the harness page (Firefox's `browser`, with MV2's browserAction). */
type Ext = typeof chrome & { browserAction: typeof chrome.action };

/**
 * Firefox with the extension installed as a temporary add-on, driven over WebDriver BiDi. Firefox will not
 * let a test navigate to moz-extension:// pages, so the end-to-end build opens one page itself (the
 * "harness"), and everything the tests ask of the extension goes through that page, which has the
 * extension's APIs.
 */
export class FirefoxExtension {
  /** Pages served at real addresses, by origin; every other request is refused. */
  private readonly routes = new Map<string, string>();
  /** Every http(s) request the extension's own pages made. */
  readonly extensionRequests: string[] = [];

  private constructor(
    readonly browser: Browser,
    readonly harness: Page,
  ) {}

  static async launch(dir: string): Promise<FirefoxExtension> {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox(),
      headless: true,
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }) },
    });
    await browser.installExtension(dir);
    const harness = await FirefoxExtension.waitForPage(
      browser,
      (href) => href === `${EXTENSION_ORIGIN}popup.html?harness`,
    );
    const ext = new FirefoxExtension(browser, harness);
    ext.watchRequests(harness);
    return ext;
  }

  /** A page whose address (read inside it: BiDi may report about:blank for extension pages) passes `test`. */
  private static async waitForPage(browser: Browser, test: (href: string) => boolean, timeout = 10_000): Promise<Page> {
    const until = Date.now() + timeout;
    while (Date.now() < until) {
      for (const page of await browser.pages()) {
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (test(href)) return page;
      }
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error('The extension page never opened');
  }

  private watchRequests(page: Page): void {
    page.on('request', (request) => {
      if (/^https?:/.test(request.url())) this.extensionRequests.push(request.url());
    });
  }

  serve(origin: string, html: string): void {
    this.routes.set(origin, html);
  }

  /** Opens a web page at `url`, served from the routes, and returns it with its tab id. */
  async open(url: string): Promise<{ page: Page; tabId: number }> {
    const page = await this.browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const html = this.routes.get(new URL(request.url()).origin);
      if (html === undefined) return void request.abort();
      // BiDi does not report resource types; fixture pages load scripts only from .js paths.
      const script = new URL(request.url()).pathname.endsWith('.js');
      void request.respond({
        status: 200,
        contentType: script ? 'text/javascript' : 'text/html; charset=utf-8',
        body: script ? '' : html,
      });
    });
    await page.goto(url);
    const tabId = await this.harness.evaluate(async (href) => {
      const tabs = await (globalThis as unknown as { browser: Ext }).browser.tabs.query({ url: href });
      return tabs.at(-1)?.id ?? -1;
    }, page.url());
    if (tabId < 0) throw new Error(`No tab shows ${url}`);
    return { page, tabId };
  }

  badge(tabId: number): Promise<{ text: string; title: string }> {
    return this.harness.evaluate(async (id) => {
      const { browserAction } = (globalThis as unknown as { browser: Ext }).browser;
      return {
        text: await browserAction.getBadgeText({ tabId: id }),
        title: await browserAction.getTitle({ tabId: id }),
      };
    }, tabId);
  }

  /** Opens the popup's page in a tab of its own, as the link menu does, e.g. describing tab `tabId`. */
  popup(tabId?: number): Promise<Page> {
    return this.page(`popup.html${tabId === undefined ? '' : `?tabId=${tabId}`}`);
  }

  /** Opens an extension page (`popup.html?…`, `registry.html`) in a tab, through the harness, once its heading shows. */
  async page(path: string): Promise<Page> {
    await this.harness.evaluate(async (target) => {
      const { tabs, runtime } = (globalThis as unknown as { browser: Ext }).browser;
      await tabs.create({ url: runtime.getURL(`/${target}`) });
    }, path);
    const page = await FirefoxExtension.waitForPage(this.browser, (href) => href === `${EXTENSION_ORIGIN}${path}`);
    this.watchRequests(page);
    await page.waitForSelector('h1');
    return page;
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
