/**
 * Size budgets of the shipped build in `.output/chrome-mv3`. It lives with the end-to-end tests because
 * `npm test` builds only after the unit tests have run; it needs no browser. Timing goals are deliberately not
 * here: they depend on the machine and belong to `npm run bench`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { exampleParts } from '../../lib/shared/registry/build/rules-schema';
import { loadRegistry } from '../../lib/shared/registry/build/node';
import {
  BUILD_DIR,
  bundledTexts,
  bundleSizes,
  KB,
  PROJECT_ROOT,
  SIZE_BUDGETS,
  type SizeGroup,
} from '../../scripts/bundle-sizes';

/** Each file with its sizes, so a failure says which file grew. */
const describeGroup = (group: SizeGroup): string =>
  group.files
    .map(({ file, raw, gzip }) => `${file}: ${(raw / KB).toFixed(1)} KB, ${(gzip / KB).toFixed(1)} KB gzip`)
    .join('; ');

test.describe('shipped build sizes', () => {
  test.beforeAll(() => {
    // `npm test` runs `npm run build` before this; on its own, a missing build is a setup error, not a pass.
    if (!existsSync(join(BUILD_DIR, 'manifest.json')))
      throw new Error(`No build in ${BUILD_DIR}: run \`npm run build\` first.`);
  });

  test(`the popup's start-up JavaScript stays within ${SIZE_BUDGETS.popupJsGzip / KB} KB gzipped`, () => {
    const { popupJs } = bundleSizes(BUILD_DIR);
    expect(popupJs.files.length, 'popup.html loads at least one script').toBeGreaterThan(0);
    expect(popupJs.gzip, describeGroup(popupJs)).toBeLessThanOrEqual(SIZE_BUDGETS.popupJsGzip);
  });

  test(`the page scan, injected each time the popup opens, stays within ${SIZE_BUDGETS.pageScanGzip / KB} KB gzipped`, () => {
    const { pageScan } = bundleSizes(BUILD_DIR);
    expect(pageScan.files.length).toBe(1);
    expect(pageScan.gzip, describeGroup(pageScan)).toBeLessThanOrEqual(SIZE_BUDGETS.pageScanGzip);
  });

  test(`the background worker stays within ${SIZE_BUDGETS.backgroundGzip / KB} KB gzipped`, () => {
    const { background } = bundleSizes(BUILD_DIR);
    expect(background.files.length).toBe(1);
    expect(background.gzip, describeGroup(background)).toBeLessThanOrEqual(SIZE_BUDGETS.backgroundGzip);
  });

  test('no script runs in meeting pages: the build declares no content script', () => {
    expect(bundleSizes(BUILD_DIR).contentScript.files).toEqual([]);
  });

  test('the page scan and the background ship rules only: no detection example, wrapper example or wrapper source', () => {
    // Taken from the registry as it is now, so the check follows the data instead of pinning one address.
    const { tools, wrappers } = loadRegistry(PROJECT_ROOT);
    const authoringOnly = [
      ...tools.flatMap(({ detection: { examples } }) =>
        [...examples.match, ...examples.noMatch].map((example) => exampleParts(example).url),
      ),
      ...wrappers.flatMap((wrapper) => [...wrapper.sources, ...wrapper.examples.map(({ wrapped }) => wrapped)]),
    ];
    expect(authoringOnly.length).toBeGreaterThan(100);
    for (const file of ['page-scan.js', 'background.js']) {
      expect(bundledTexts(readFileSync(join(BUILD_DIR, file), 'utf8'), authoringOnly), file).toEqual([]);
    }
  });
});
