import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test as base } from '@playwright/test';
import { findFirefox, FirefoxExtension } from '../../scripts/firefox';
import { installFirefoxPolicy } from '../../scripts/policy-files';

export { FirefoxExtension };

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2-e2e');

export function fixture(name: string): string {
  return readFileSync(resolve(import.meta.dirname, '../fixtures', name), 'utf8');
}

export const test = base.extend<{ policy: unknown; firefox: FirefoxExtension }>({
  /** An organisation's policy for the add-on, installed before Firefox starts; null: none. */
  policy: [null, { option: true }],
  firefox: async ({ policy }, use) => {
    // Firefox reads policies.json only at start-up; the file goes again however the test ends.
    const restore = policy === null ? () => {} : installFirefoxPolicy(findFirefox(), policy);
    try {
      const firefox = await FirefoxExtension.launch(EXTENSION_DIR);
      try {
        await use(firefox);
        // The extension's own pages never go to the network.
        base.expect(firefox.extensionRequests).toEqual([]);
      } finally {
        await firefox.close();
      }
    } finally {
      restore();
    }
  },
});

export const expect = test.expect;

/** Waits until `read` gives `expected` (puppeteer pages have no auto-waiting assertions). */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeout = 15_000): Promise<void> {
  await expect.poll(read, { timeout }).toEqual(expected);
}
