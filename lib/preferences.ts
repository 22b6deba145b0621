import { storage } from 'wxt/utils/storage';
import { isLang, type Lang } from '@/lib/lang';
import { StorageKeys } from '@/lib/storage';

/** The stored shape's version. Every bump ships a migration below and a test with old example data. */
export const PREFERENCES_VERSION = 2;
/** More pins than anyone reads; a longer list is damage, not intent. */
export const MAX_PINS = 100;

export interface Pin {
  toolId: string;
  /** ISO date-time of pinning. */
  pinnedAt: string;
}

export interface Preferences {
  /** null follows the browser's UI language. */
  lang: Lang | null;
  pins: Pin[];
}

/** Why something stored could not be kept; the popup reports each once. */
export type DropReason = 'language' | 'pins' | 'invalid-pin' | 'duplicate-pin' | 'too-many-pins' | 'unreadable';

export interface Sanitized {
  preferences: Preferences;
  dropped: DropReason[];
}

/** Fresh defaults on every call, so no caller can change another's. */
export const emptyPreferences = (): Preferences => ({ lang: null, pins: [] });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Upgrades a stored state of an older version to the current shape, without validating it.
 * v1 stored pins as tool ids; v2 stores when each was pinned.
 */
export function migratePreferences(state: unknown, version: number): unknown {
  if (!isRecord(state)) return state;
  let current: Record<string, unknown> = state;
  if (version < 2 && Array.isArray(current.pins)) {
    current = {
      ...current,
      pins: current.pins.map((pin) => (typeof pin === 'string' ? { toolId: pin, pinnedAt: new Date(0).toISOString() } : pin)),
    };
  }
  return current;
}

/**
 * Keeps everything valid in a stored state and says what it had to drop. Pins of tools the registry
 * no longer has are kept: the popup shows them as unavailable.
 */
export function sanitizePreferences(state: unknown): Sanitized {
  const dropped = new Set<DropReason>();
  if (state === undefined || state === null) return { preferences: emptyPreferences(), dropped: [] };
  if (!isRecord(state)) return { preferences: emptyPreferences(), dropped: ['unreadable'] };

  let lang: Lang | null = null;
  if (state.lang !== undefined && state.lang !== null) {
    if (isLang(state.lang)) lang = state.lang;
    else dropped.add('language');
  }

  const pins: Pin[] = [];
  if (state.pins !== undefined && !Array.isArray(state.pins)) dropped.add('pins');
  const seen = new Set<string>();
  for (const pin of Array.isArray(state.pins) ? state.pins : []) {
    const toolId = isRecord(pin) ? pin.toolId : undefined;
    const pinnedAt = isRecord(pin) ? pin.pinnedAt : undefined;
    if (typeof toolId !== 'string' || !/^[a-z0-9-]{1,100}$/.test(toolId)) {
      dropped.add('invalid-pin');
      continue;
    }
    if (seen.has(toolId)) {
      dropped.add('duplicate-pin');
      continue;
    }
    if (pins.length >= MAX_PINS) {
      dropped.add('too-many-pins');
      break;
    }
    seen.add(toolId);
    const valid = typeof pinnedAt === 'string' && !Number.isNaN(Date.parse(pinnedAt));
    pins.push({ toolId, pinnedAt: valid ? pinnedAt : new Date(0).toISOString() });
  }
  return { preferences: { lang, pins }, dropped: [...dropped] };
}

/** The language stored by the user, for contexts without the store (the background's badge titles). */
export async function readLanguage(): Promise<Lang | null> {
  const raw = await storage.getItem<{ state?: unknown }>(StorageKeys.preferences);
  return sanitizePreferences(isRecord(raw) ? raw.state : undefined).preferences.lang;
}
