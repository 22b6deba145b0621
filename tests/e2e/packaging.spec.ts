/**
 * Store readiness, checked on the files the stores receive. Runs with the end-to-end tests because `npm test`
 * packages the Firefox upload (`npm run lint:firefox`) before them; it needs no browser.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const messagesOf = (lang: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8'));
const listing = readFileSync(join(ROOT, 'store/listing.md'), 'utf8');

/** The ```text blocks that follow a heading of store/listing.md, in order. */
function blocksAfter(heading: string): string[] {
  const start = listing.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const rest = listing.slice(start + heading.length + 2);
  const section = rest.slice(0, rest.search(/\n#{2,3} /) === -1 ? undefined : rest.search(/\n#{2,3} /));
  return [...section.matchAll(/```text\n([\s\S]*?)\n```/g)].map((match) => match[1]!);
}

test('both locales have the same message keys, and name and description fit every store', () => {
  const [en, de] = [messagesOf('en'), messagesOf('de')];
  expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  for (const messages of [en, de]) {
    // Edge allows the shortest name (45), Chrome the shortest description (132).
    expect(messages.extName!.message.length).toBeLessThanOrEqual(45);
    expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132);
  }
});

test('the store texts stay within each store’s limits, in both languages', () => {
  const amoSummaries = blocksAfter('### AMO summary');
  expect(amoSummaries).toHaveLength(2);
  for (const summary of amoSummaries) {
    expect([...summary].length).toBeLessThanOrEqual(250);
    expect(summary).not.toMatch(/https?:|www\./);
  }
  const descriptions = [...blocksAfter('### English'), ...blocksAfter('### German')];
  expect(descriptions).toHaveLength(2);
  // Edge has the narrowest range: 250 to 10,000 characters.
  for (const description of descriptions) {
    expect([...description].length).toBeGreaterThanOrEqual(250);
    expect([...description].length).toBeLessThanOrEqual(10_000);
  }
  // The store's short description is the manifest's, from the locales.
  expect(blocksAfter('### Chrome Web Store and Edge Add-ons (manifest `description`)')).toEqual([
    messagesOf('en').extDescription!.message,
    messagesOf('de').extDescription!.message,
  ]);
});

test('the packaged Firefox upload passes Mozilla’s linter with 0 errors, and its sources come with it', () => {
  const zip = join(ROOT, '.output', `meeting-privacy-lens-${version}-firefox.zip`);
  expect(existsSync(zip), `${zip}: run \`npm run lint:firefox\` first`).toBe(true);
  expect(existsSync(join(ROOT, '.output', `meeting-privacy-lens-${version}-sources.zip`))).toBe(true);
  const run = spawnSync(join(ROOT, 'node_modules/.bin/addons-linter'), ['--output', 'json', zip], { encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { errors: Array<{ code: string }>; warnings: Array<{ code: string }> };
  expect(report.errors).toEqual([]);
  // The only warnings are React DOM's own innerHTML paths (see README, Firefox).
  expect(new Set(report.warnings.map((warning) => warning.code))).toEqual(new Set(['UNSAFE_VAR_ASSIGNMENT']));
});

test('the version follows the changelog', () => {
  expect(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')).toMatch(
    new RegExp(`\\n## ${version.replace(/\./g, '\\.')} \\(\\d{4}-\\d{2}-\\d{2}\\)\\n`),
  );
});

test('every package carries the code’s licence, the registry data’s licence and the third-party notices', () => {
  const zip = join(ROOT, '.output', `meeting-privacy-lens-${version}-firefox.zip`);
  // A ZIP stores every entry's name as it is, in its central directory.
  const archive = readFileSync(zip);
  for (const file of ['LICENSE.txt', 'LICENSE-DATA.md', 'THIRD_PARTY_NOTICES.md']) {
    expect(archive.includes(Buffer.from(file)), file).toBe(true);
    expect(existsSync(join(ROOT, '.output/chrome-mv3', file))).toBe(true);
  }
  expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).license).toBe('MIT');
  expect(readFileSync(join(ROOT, 'data/LICENSE.md'), 'utf8')).toContain('CC BY 4.0');
});
