import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test as base, type Request } from '@playwright/test';
import { Extension, findChromium } from '../../scripts/chromium';
import { E2E_KEY, extensionIdOf, installChromiumPolicy } from '../../scripts/policy-files';

export { Extension };

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3-e2e');
const FIXTURES = resolve(import.meta.dirname, '../fixtures');

export function fixture(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

interface Fixtures {
  /** An organisation's policy for the extension, installed before the browser starts; null: none. */
  policy: unknown;
  ext: Extension;
  /** Every request made by the extension's own pages and worker; checked to be empty after every test. */
  extensionRequests: string[];
}

export const test = base.extend<Fixtures>({
  policy: [null, { option: true }],
  ext: async ({ policy }, use) => {
    // Browsers read policies only at start-up; the file goes again however the test ends.
    const restore = policy === null ? () => {} : installChromiumPolicy(findChromium(), extensionIdOf(E2E_KEY), policy);
    try {
      const ext = await Extension.launch(EXTENSION_DIR);
      await use(ext);
      await ext.context.close();
    } finally {
      restore();
    }
  },
  extensionRequests: [
    async ({ ext }, use) => {
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
      ext.context.on('request', (request) => {
        if (/^https?:/.test(request.url()) && fromExtension(request)) requests.push(request.url());
      });
      await use(requests);
      // The extension's own pages and worker never go to the network.
      base.expect(requests).toEqual([]);
    },
    { auto: true },
  ],
});

export const expect = test.expect;
