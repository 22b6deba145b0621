import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

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

/** Flags for a quiet, offline, headless-friendly Chromium with one unpacked extension. */
export function extensionArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
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
