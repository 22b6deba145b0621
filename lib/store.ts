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
/** The last value read or written, so that writing the same state again costs nothing. */
let lastStored = '';

export const preferencesStorage: PersistStorage<Persisted> = {
  async getItem() {
    const raw = await storage.getItem<unknown>(StorageKeys.preferences);
    lastStored = JSON.stringify(raw ?? null);
    if (raw === null || raw === undefined) return null;
    // Anything that is not Zustand's {state, version} envelope is read as a bare state of no version,
    // so sanitising reports it instead of it vanishing silently.
    const envelope =
      typeof raw === 'object' && !Array.isArray(raw) && ('state' in raw || 'version' in raw) ? (raw as Record<string, unknown>) : null;
    const state = envelope ? envelope.state : raw;
    const version = typeof envelope?.version === 'number' ? envelope.version : 0;
    // Keep anything that cannot be read in full (damaged, foreign, or from a newer version) before it is rewritten.
    const lossy = !envelope || version > PREFERENCES_VERSION || sanitizePreferences(migratePreferences(state, version)).dropped.length > 0;
    if (lossy) await storage.setItem(StorageKeys.preferencesBackup, raw);
    return { state: state as Persisted, version };
  },
  async setItem(_name, value: StorageValue<Persisted>) {
    const json = JSON.stringify(value);
    if (json === lastStored) return;
    lastStored = json;
    await storage.setItem(StorageKeys.preferences, value);
  },
  async removeItem() {
    lastStored = '';
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
 * Loads the stored preferences; call it before the first render, and before anything else sets the
 * store, since every change is written to storage. When something had to be dropped, the cleaned
 * state is written back before this resolves, so the report appears only this one time.
 */
export async function hydratePreferences(systemLang: Lang): Promise<void> {
  await usePopupStore.persist.rehydrate();
  const { lang, pins, dropped } = usePopupStore.getState();
  if (dropped.length) await preferencesStorage.setItem(StorageKeys.preferences, { state: { lang, pins }, version: PREFERENCES_VERSION });
  usePopupStore.setState({ systemLang });
}
