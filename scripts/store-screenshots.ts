/**
 * `npm run store:screenshots`: the store listings' screenshots, 1280x800, from the end-to-end build in
 * `.output/chrome-mv3-e2e` (the shipped build plus fixture hosts, so the webmail page can be read without a
 * toolbar click, which a script cannot make): the popup (400 px wide, as users see it) on a plain backdrop with a one-line caption,
 * for the Teams summary in English and German, meeting links in a webmail page, compare, and home.
 * Written to store/screenshots/; the bare 400x600 popup captures the README shows go to docs/, with the
 * registry page at 1280x800.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { Extension, findChromium } from './chromium';
import { ACME_POLICY, E2E_KEY, extensionIdOf, installChromiumPolicy } from './policy-files';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'store/screenshots');
const docs = resolve(root, 'docs');
const fixture = (name: string) => readFileSync(resolve(root, 'tests/fixtures', name), 'utf8');

const ext = await Extension.launch(resolve(root, '.output/chrome-mv3-e2e'), { viewport: { width: 400, height: 600 } });
await ext.serve('https://teams.microsoft.com', fixture('teams.html'));
await ext.serve('https://www.example.com', fixture('webmail.html'));
await ext.serve('https://events.example.net', fixture('plain.html'));
await ext.serve('https://app.zoom.us', fixture('meeting.html'));
await ext.context.route(
  /^https?:\/\/(?!teams\.microsoft\.com\/|www\.example\.com\/|events\.example\.net\/|app\.zoom\.us\/)/,
  (route) => route.abort(),
);
mkdirSync(out, { recursive: true });
mkdirSync(docs, { recursive: true });

/** Places a 400x600 popup capture on a 1280x800 canvas with a caption; `bare` also keeps the capture for the README. */
async function compose(popup: Page, file: string, caption: string, bare?: string): Promise<void> {
  const capture = await popup.screenshot();
  if (bare) writeFileSync(resolve(docs, bare), capture);
  const image = capture.toString('base64');
  const canvas = await ext.context.newPage();
  await canvas.setViewportSize({ width: 1280, height: 800 });
  await canvas.setContent(
    `<body style="margin:0;width:1280px;height:800px;display:flex;align-items:center;justify-content:center;gap:64px;background:#eef2f8;font:28px/1.35 system-ui,sans-serif;color:#1b1f24">
      <p style="width:520px;margin:0">${caption}</p>
      <img src="data:image/png;base64,${image}" width="400" height="600" style="border-radius:12px;box-shadow:0 12px 40px #0003">
    </body>`,
  );
  await canvas.screenshot({ path: resolve(out, file) });
  await canvas.close();
}

const { tabId: teamsTab } = await ext.open(
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_store%40thread.v2/0',
);
const mailTab = (await ext.open('https://www.example.com/inbox')).tabId;
const plainTab = (await ext.open('https://events.example.net/')).tabId;
for (let tries = 0; (await ext.badge(teamsTab)).text !== 'T' && tries < 50; tries++)
  await new Promise((done) => setTimeout(done, 100));

const popup = await ext.popup(teamsTab);
await popup.getByRole('heading', { level: 1 }).waitFor();
await compose(
  popup,
  'teams-summary-en.png',
  'In a Teams call: who is responsible for your data, where it goes, recording, AI and encryption, in plain sentences, and what you can do.',
  'popup-teams-en.png',
);
await popup.getByRole('button', { name: 'Deutsch' }).click();
await compose(
  popup,
  'teams-summary-de.png',
  'In einer Teams-Besprechung: wer für Ihre Daten verantwortlich ist, wohin sie gehen, Aufzeichnung, KI und Verschlüsselung in klaren Sätzen, und was Sie tun können.',
  'popup-teams-de.png',
);
await popup.getByRole('button', { name: 'English' }).click();

// A Zoom call's first screen, for the README, in both languages.
const { tabId: zoomTab } = await ext.open('https://app.zoom.us/wc/12345678901/join');
for (let tries = 0; (await ext.badge(zoomTab)).text === '' && tries < 50; tries++)
  await new Promise((done) => setTimeout(done, 100));
const zoom = await ext.popup(zoomTab);
await zoom.getByRole('heading', { level: 1 }).waitFor();
writeFileSync(resolve(docs, 'popup-zoom-en.png'), await zoom.screenshot());
await zoom.getByRole('button', { name: 'Deutsch' }).click();
writeFileSync(resolve(docs, 'popup-zoom-de.png'), await zoom.screenshot());
await zoom.getByRole('button', { name: 'English' }).click();
await zoom.close();

await popup.getByRole('button', { name: 'Compare' }).click();
await popup.getByRole('combobox', { name: 'Tool 2' }).selectOption({ label: 'Zoom' });
await popup.getByRole('table').waitFor();
await compose(popup, 'compare.png', 'Compare tools on the same key facts, side by side.', 'popup-compare-en.png');

const mail = await ext.popup(mailTab);
await mail.getByRole('region', { name: 'Meetings in this invitation' }).waitFor();
await compose(
  mail,
  'meeting-links.png',
  'Before you join: the meetings in an invitation, by tool, with recording and encryption in the browser.',
  'popup-links-en.png',
);
await mail.getByRole('button', { name: 'Deutsch' }).click();
await mail.getByRole('region', { name: 'Besprechungen in dieser Einladung' }).waitFor();
await compose(
  mail,
  'meeting-links-de.png',
  'Vor dem Beitritt: die Besprechungen einer Einladung, nach Tool, mit Aufzeichnung und Verschlüsselung im Browser.',
  'popup-links-de.png',
);
await mail.getByRole('button', { name: 'English' }).click();
const home = await ext.popup(plainTab);
await home.getByRole('searchbox').waitFor();
await compose(home, 'home.png', 'Search every tool in the registry, pin the ones you use, in English or German.');

// The registry page as it opens from the toolbar icon's menu: the whole table, sorted by name.
const registryPage = await ext.page('registry.html');
await registryPage.setViewportSize({ width: 1280, height: 800 });
await registryPage.locator('#registry-table tbody tr').first().waitFor();
await registryPage.screenshot({ path: resolve(docs, 'registry-page-en.png') });

await ext.context.close();

// The Teams first screen under an organisation's policy (ACME GmbH approves Teams), for the README and
// docs/ADMIN.md. The policy file is global: run this under `flock /tmp/e2e.lock`; it goes again in any case.
const restore = installChromiumPolicy(findChromium(), extensionIdOf(E2E_KEY), ACME_POLICY);
try {
  const managed = await Extension.launch(resolve(root, '.output/chrome-mv3-e2e'), {
    viewport: { width: 400, height: 600 },
  });
  await managed.serve('https://teams.microsoft.com', fixture('teams.html'));
  await managed.context.route(/^https?:\/\/(?!teams\.microsoft\.com\/)/, (route) => route.abort());
  const { tabId } = await managed.open('https://teams.microsoft.com/l/meetup-join/19%3ameeting_store%40thread.v2/0');
  const teams = await managed.popup(tabId);
  // Chromium hands the policy over only seconds after it starts; the verdict appears once it has.
  await teams.locator('.verdict').waitFor({ timeout: 15_000 });
  writeFileSync(resolve(docs, 'popup-policy-en.png'), await teams.screenshot());
  await teams.getByRole('button', { name: 'Deutsch' }).click();
  await teams.getByText('Von ACME GmbH freigegeben').waitFor();
  writeFileSync(resolve(docs, 'popup-policy-de.png'), await teams.screenshot());
  // The registry page in German under the same policy: ACME GmbH's verdicts in their own column.
  const page = await managed.page('registry.html');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator('th[data-column="verdict"]').waitFor({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('heading', { name: 'Alle Konferenz-Tools im Überblick' }).waitFor();
  await page.screenshot({ path: resolve(docs, 'registry-page-de.png') });
  await teams.getByRole('button', { name: 'English' }).click();
  await managed.context.close();
} finally {
  restore();
}
console.log(`Wrote the store screenshots to ${out} and the README's to ${docs}.`);
