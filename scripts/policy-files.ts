/**
 * Test and screenshot harness (Node): puts an organisation's policy where a real browser reads it at start-up,
 * as administrators do (docs/ADMIN.md), and takes it away again. The files are global to the machine, so every
 * caller runs under `flock /tmp/e2e.lock` and restores what was there before, also when a test fails.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { GECKO_ID } from './firefox';

/** The public key the end-to-end build carries (wxt.config.ts), which fixes its Chromium extension id. */
export const E2E_KEY = readFileSync(resolve(import.meta.dirname, '../tests/e2e/extension-key.txt'), 'utf8').trim();

/** Chromium's id for an extension with `key`: the first 128 bits of the key's SHA-256, written with the letters a to p. */
export function extensionIdOf(key: string): string {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** Writes `text` to `file` and returns how to put back what was there before (or remove it). */
function replaceFile(file: string, text: string): () => void {
  const before = existsSync(file) ? readFileSync(file) : null;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return () => (before ? writeFileSync(file, before) : rmSync(file, { force: true }));
}

/** Where a Chromium-family browser reads mandatory policies on Linux: Debian's Chromium, else Google Chrome's. */
function chromiumPolicyDir(executable: string): string {
  return /chromium/i.test(executable) ? '/etc/chromium/policies/managed' : '/etc/opt/chrome/policies/managed';
}

/**
 * Installs `policy` for the extension with id `id` (`3rdparty.extensions.<id>`) in a file of its own, so
 * other policies on the machine are left alone. Returns the undo.
 */
export function installChromiumPolicy(executable: string, id: string, policy: unknown): () => void {
  const file = join(chromiumPolicyDir(executable), 'meeting-privacy-lens-e2e.json');
  return replaceFile(file, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }, null, 2));
}

/**
 * Installs `policy` for the add-on (`3rdparty.Extensions.<add-on id>`) in the `distribution/policies.json`
 * next to the Firefox binary. Firefox has one such file, so it is replaced whole and restored afterwards.
 */
export function installFirefoxPolicy(executable: string, policy: unknown): () => void {
  const file = join(dirname(realpathSync(executable)), 'distribution', 'policies.json');
  return replaceFile(
    file,
    JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: policy } } } }, null, 2),
  );
}

/**
 * The policy of the tests and the screenshots: ACME GmbH approves Teams, not Zoom, and runs OpenTalk on one of
 * the end-to-end build's fixture hosts. Its note on Teams is in English only, so German shows it marked.
 */
export const ACME_POLICY = {
  organisation: {
    name: 'ACME GmbH',
    noticeUrl: 'https://intranet.acme.example/privacy/meetings',
    contact: 'privacy@acme.example',
  },
  tools: {
    'microsoft-teams': {
      status: 'approved',
      legalBasis: {
        en: 'Art. 6(1)(b) GDPR for employees (employment contract); Art. 6(1)(f) GDPR for guests.',
        de: 'Art. 6 Abs. 1 lit. b DSGVO für Beschäftigte (Arbeitsvertrag); Art. 6 Abs. 1 lit. f DSGVO für Gäste.',
      },
      retention: {
        en: 'Recordings are deleted after 30 days; chats after 12 months.',
        de: 'Aufzeichnungen werden nach 30 Tagen gelöscht, Chats nach 12 Monaten.',
      },
      agreement: 'signed',
      note: { en: 'Recording only with everyone’s consent, announced at the start.' },
    },
    zoom: {
      status: 'not-approved',
      note: {
        en: 'Use Microsoft Teams for meetings of ACME GmbH.',
        de: 'Nutzen Sie für Besprechungen der ACME GmbH Microsoft Teams.',
      },
    },
  },
  hosts: { 'video.example.org': 'opentalk' },
};

/** How the popup lists ACME GmbH's statements on Teams in English, in both browsers' tests. */
export const ACME_TEAMS_STATEMENTS = [
  'Legal basis: Art. 6(1)(b) GDPR for employees (employment contract); Art. 6(1)(f) GDPR for guests.',
  'Retention: Recordings are deleted after 30 days; chats after 12 months.',
  'Data-processing agreement: signed with the provider',
  'Note: Recording only with everyone’s consent, announced at the start.',
  'Privacy notice of ACME GmbH (opens in a new tab)',
  'Contact: privacy@acme.example',
];
