import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { usePopupStore } from '@/lib/ui/store';
import type { Pin } from '@/lib/shared/preferences';

/** Storage keys as the browser sees them (WXT's `local:` prefix removed). */
export const KEYS = {
  preferences: 'preferences',
  backups: 'preferences-backups',
  legacyBackup: 'preferences-backup',
} as const;

export const AT = '2026-11-01T10:00:00.000Z';
export const LATER = '2026-11-02T10:00:00.000Z';
export const EPOCH = new Date(0).toISOString();
export const pin = (toolId: string, pinnedAt = AT): Pin => ({ toolId, pinnedAt });

/** A stored value in the shape version 0.1.0 first wrote: `{version: 2, state}`. */
export const stored = (state: unknown) => ({ version: 2, state });

/** Lets writes that were started but not awaited land. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A fresh browser and a fresh popup store for every test. */
export async function resetBrowser(): Promise<void> {
  usePopupStore.setState(usePopupStore.getInitialState(), true);
  await settle();
  fakeBrowser.reset();
}

export async function writeRaw(key: string, value: unknown): Promise<void> {
  await fakeBrowser.storage.local.set({ [key]: value });
}

export async function readRaw(key: string): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(key))[key];
}

/**
 * Makes the fake local storage refuse writes beyond `quota` bytes of JSON in total, as browsers do
 * (chrome.storage.local holds 10 MB without the unlimitedStorage permission).
 */
export function enforceQuota(quota = 10 * 1024 * 1024): void {
  const local = fakeBrowser.storage.local;
  const set = local.set.bind(local);
  // A spy, so Vitest's restoreMocks removes the limit after the test.
  vi.spyOn(local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    const size = JSON.stringify({ ...(await local.get(null)), ...items }).length;
    if (size > quota) throw new Error('QUOTA_BYTES quota exceeded');
    return set(items);
  });
}
