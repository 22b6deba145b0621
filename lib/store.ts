import { create } from 'zustand';
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware';
import { storage } from 'wxt/utils/storage';
import {
  migratePreferences,
  PREFERENCES_VERSION,
  sanitizePreferences,
  type DropReason,
  type Pin,
  type Preferences,
} from '@/lib/preferences';
import type { Lang } from '@/lib/registry/schema';
import { StorageKeys } from '@/lib/storage';

export interface PopupState extends Preferences {
  /** The browser's UI language, used while the user has not chosen one. */
  systemLang: Lang;
  /** What hydration had to drop from storage, shown to the user once. */
  dropped: DropReason[];
  setLang: (lang: Lang) => void;
  togglePin: (toolId: string) => void;
  /** Moves a pin up (-1) or down (+1) in the list. */
  movePin: (toolId: string, delta: -1 | 1) => void;
  dismissDropped: () => void;
}

type Persisted = Preferences;

/**
 * Zustand's persist adapter over WXT storage. Values are stored as objects, not JSON strings, and
 * reading never throws: whatever is there goes through migration and sanitising.
 */
export const preferencesStorage: PersistStorage<Persisted> = {
  async getItem() {
    const raw = await storage.getItem<unknown>(StorageKeys.preferences);
    if (raw === null || raw === undefined) return null;
    // Anything that is not Zustand's {state, version} envelope is read as a bare state of no version,
    // so sanitising reports it instead of it vanishing silently.
    const envelope = typeof raw === 'object' && !Array.isArray(raw) && 'state' in raw ? (raw as Record<string, unknown>) : null;
    const state = envelope ? envelope.state : raw;
    const version = typeof envelope?.version === 'number' ? envelope.version : 0;
    // Keep what cannot be read in full, before anything overwrites it.
    if (sanitizePreferences(migratePreferences(state, version)).dropped.length) {
      await storage.setItem(StorageKeys.preferencesBackup, raw);
    }
    return { state: state as Persisted, version };
  },
  async setItem(_name, value: StorageValue<Persisted>) {
    await storage.setItem(StorageKeys.preferences, value);
  },
  async removeItem() {
    await storage.removeItem(StorageKeys.preferences);
  },
};

export const usePopupStore = create<PopupState>()(
  persist(
    (set) => ({
      lang: null,
      systemLang: 'en',
      pins: [],
      dropped: [],
      setLang: (lang) => set({ lang }),
      togglePin: (toolId) =>
        set(({ pins }) => ({
          pins: pins.some((pin) => pin.toolId === toolId)
            ? pins.filter((pin) => pin.toolId !== toolId)
            : [...pins, { toolId, pinnedAt: new Date().toISOString() } satisfies Pin],
        })),
      movePin: (toolId, delta) =>
        set(({ pins }) => {
          const from = pins.findIndex((pin) => pin.toolId === toolId);
          const to = from + delta;
          if (from < 0 || to < 0 || to >= pins.length) return {};
          const next = [...pins];
          [next[from], next[to]] = [next[to]!, next[from]!];
          return { pins: next };
        }),
      dismissDropped: () => set({ dropped: [] }),
    }),
    {
      name: 'preferences',
      version: PREFERENCES_VERSION,
      storage: preferencesStorage,
      skipHydration: true,
      partialize: ({ lang, pins }) => ({ lang, pins }),
      migrate: (state, version) => migratePreferences(state, version) as Persisted,
      merge: (stored, current) => {
        const { preferences, dropped } = sanitizePreferences(stored);
        return { ...current, ...preferences, dropped };
      },
    },
  ),
);

/** The language the popup displays: the user's choice, else the browser's. */
export const selectLang = (state: PopupState): Lang => state.lang ?? state.systemLang;

/**
 * Loads the stored preferences before the first render. When something had to be dropped, the
 * cleaned state is written back at once, so the report appears only this one time.
 */
export async function hydratePreferences(): Promise<void> {
  await usePopupStore.persist.rehydrate();
  if (usePopupStore.getState().dropped.length) usePopupStore.setState({});
}
