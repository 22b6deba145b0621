import { create } from 'zustand';
import { DEFAULT_LANG, type Lang } from '@/lib/shared/lang';
import { NO_POLICY, type ParsedPolicy } from '@/lib/shared/policy';
import {
  parseStoredPreferences,
  preferencesItem,
  readAndRepairPreferences,
  writePreferences,
  type BackupOutcome,
  type DropReason,
  type Pin,
  type Preferences,
} from '@/lib/shared/preferences';

/** What the last repair of stored preferences dropped and whether a copy was kept; shown to the user once. */
export interface DropReport {
  reasons: DropReason[];
  backup: BackupOutcome | null;
}

export interface PopupState extends Preferences {
  /** The browser's UI language, used while the user has not chosen one. */
  systemLang: Lang;
  dropped: DropReport | null;
  /** The organisation's policy as read at start-up; read-only, never stored by the popup. */
  policy: ParsedPolicy;
  setLang: (lang: Lang) => void;
  togglePin: (toolId: string) => void;
  /** Moves a pin up (-1) or down (+1) in the list. */
  movePin: (toolId: string, delta: -1 | 1) => void;
  setSectionOpen: (section: string, open: boolean) => void;
  dismissDropped: () => void;
}

const preferencesOf = ({ lang, pins, open }: PopupState): Preferences => ({ lang, pins, open });

export const usePopupStore = create<PopupState>()((set, get) => {
  /** Applies a change to the preferences and stores the result; other open popups follow through `watch`. */
  const update = (change: (state: PopupState) => Partial<Preferences>): void => {
    set(change(get()));
    void writePreferences(preferencesOf(get())).catch(() => {
      // Storage is full or gone: the choice holds for this popup, and the next change tries again.
    });
  };
  return {
    lang: null,
    pins: [],
    open: [],
    systemLang: DEFAULT_LANG,
    dropped: null,
    policy: NO_POLICY,
    setLang: (lang) => update(() => ({ lang })),
    togglePin: (toolId) =>
      update(({ pins }) => ({
        pins: pins.some((pin) => pin.toolId === toolId)
          ? pins.filter((pin) => pin.toolId !== toolId)
          : [...pins, { toolId, pinnedAt: new Date().toISOString() } satisfies Pin],
      })),
    movePin: (toolId, delta) =>
      update(({ pins }) => {
        const from = pins.findIndex((pin) => pin.toolId === toolId);
        const to = from + delta;
        if (from < 0 || to < 0 || to >= pins.length) return {};
        const next = [...pins];
        [next[from], next[to]] = [next[to]!, next[from]!];
        return { pins: next };
      }),
    setSectionOpen: (section, isOpen) =>
      update(({ open }) => ({ open: isOpen ? [...new Set([...open, section])] : open.filter((id) => id !== section) })),
    dismissDropped: () => set({ dropped: null }),
  };
});

/** The language the popup displays: the user's choice, else the browser's. */
export const selectLang = (state: PopupState): Lang => state.lang ?? state.systemLang;

let unwatch: (() => void) | undefined;

/**
 * Loads the stored preferences (repairing damage once) before the first render, then follows changes made
 * by other open popups, so two popups never overwrite each other's pins.
 */
export async function hydratePreferences(systemLang: Lang): Promise<void> {
  const { preferences, dropped, backup } = await readAndRepairPreferences();
  usePopupStore.setState({ ...preferences, systemLang, dropped: dropped.length ? { reasons: dropped, backup } : null });
  unwatch?.();
  unwatch = preferencesItem.watch((raw) => {
    const { preferences: stored, lossy } = parseStoredPreferences(raw);
    // A damaged value written by someone else is repaired on the next popup start, not overwritten here.
    if (!lossy) usePopupStore.setState(stored);
  });
}
