import { storage } from 'wxt/utils/storage';
import { TOOL_ID_PATTERN } from '@/lib/shared/detection/shapes';
import { isLang, type Lang } from '@/lib/shared/lang';

/**
 * The stored shape is `{version: 2, state: {lang, pins, open}}`, as version 0.1.0 first wrote it (without
 * `open`, which is optional). No older shape ever shipped, so there is no migration yet; a change of shape
 * bumps the version and adds one, with a test that reads an example stored by the old version.
 */
export const PREFERENCES_VERSION = 2;
/** More pins than anyone reads; a longer list is damage, not intent. */
export const MAX_PINS = 100;
/** The detail sections of a summary; a longer list of open ones is damage. */
const MAX_OPEN = 20;

export interface Pin {
  toolId: string;
  /** ISO date-time of pinning. */
  pinnedAt: string;
}

export interface Preferences {
  /** null follows the browser's UI language. */
  lang: Lang | null;
  pins: Pin[];
  /** Detail sections the user opened, so they open again next time. */
  open: string[];
}

/** Why something stored could not be kept; the popup reports each once. */
export type DropReason =
  | 'language'
  | 'pins'
  | 'invalid-pin'
  | 'duplicate-pin'
  | 'too-many-pins'
  | 'open-sections'
  | 'unreadable'
  | 'newer-version';

/** What reading the stored preferences found. `lossy`: the stored value holds something the cleaned one does not. */
export interface StoredPreferences {
  preferences: Preferences;
  dropped: DropReason[];
  lossy: boolean;
}

/** How much of a damaged value is kept as a backup: enough to recover any real state, small against the 10 MB quota. */
export const BACKUP_LIMIT = 512 * 1024;
/** Backups kept, newest first. Each is at most BACKUP_LIMIT characters, so all of them stay far below the quota. */
export const MAX_BACKUPS = 3;

export interface Backup {
  savedAt: string;
  /** The damaged value as JSON, cut to BACKUP_LIMIT characters. */
  json: string;
  truncated: boolean;
}

/** The outcome of repairing a damaged value, for the notice the popup shows once. */
export type BackupOutcome = 'kept' | 'truncated' | 'failed';

export const preferencesItem = storage.defineItem<unknown>('local:preferences');
export const backupsItem = storage.defineItem<Backup[]>('local:preferences-backups', { fallback: [] });

const emptyPreferences = (): Preferences => ({ lang: null, pins: [], open: [] });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function sanitizePins(value: unknown, dropped: Set<DropReason>): Pin[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    dropped.add('pins');
    return [];
  }
  const pins: Pin[] = [];
  const seen = new Set<string>();
  for (const pin of value) {
    const toolId = isRecord(pin) ? pin.toolId : undefined;
    if (typeof toolId !== 'string' || toolId.length > 100 || !TOOL_ID_PATTERN.test(toolId)) {
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
    const pinnedAt = (pin as Record<string, unknown>).pinnedAt;
    const dated = typeof pinnedAt === 'string' && !Number.isNaN(Date.parse(pinnedAt));
    pins.push({ toolId, pinnedAt: dated ? pinnedAt : new Date(0).toISOString() });
  }
  return pins;
}

function sanitizeOpen(value: unknown, dropped: Set<DropReason>): string[] {
  if (value === undefined) return [];
  const valid =
    Array.isArray(value) &&
    value.length <= MAX_OPEN &&
    value.every((id) => typeof id === 'string' && /^[a-zA-Z]{1,30}$/.test(id));
  if (!valid) dropped.add('open-sections');
  return valid ? [...new Set(value as string[])] : [];
}

/**
 * Keeps everything valid in a stored state and says what it had to drop. Pins of tools the registry no
 * longer has are kept: the popup shows them as unavailable.
 */
export function sanitizePreferences(state: unknown): { preferences: Preferences; dropped: DropReason[] } {
  if (state === undefined || state === null) return { preferences: emptyPreferences(), dropped: [] };
  if (!isRecord(state)) return { preferences: emptyPreferences(), dropped: ['unreadable'] };
  const dropped = new Set<DropReason>();
  let lang: Lang | null = null;
  if (state.lang !== undefined && state.lang !== null) {
    if (isLang(state.lang)) lang = state.lang;
    else dropped.add('language');
  }
  const pins = sanitizePins(state.pins, dropped);
  const open = sanitizeOpen(state.open, dropped);
  return { preferences: { lang, pins, open }, dropped: [...dropped] };
}

/**
 * Reads a stored value of any shape. Only a version-2 envelope is read as it is; a newer version is read for
 * what this version understands, and anything else is unreadable. Whatever cannot be kept in full is lossy.
 */
export function parseStoredPreferences(raw: unknown): StoredPreferences {
  if (raw === undefined || raw === null) return { preferences: emptyPreferences(), dropped: [], lossy: false };
  const version = isRecord(raw) ? raw.version : undefined;
  if (!isRecord(raw) || typeof version !== 'number' || !Number.isInteger(version) || version < PREFERENCES_VERSION) {
    return { preferences: emptyPreferences(), dropped: ['unreadable'], lossy: true };
  }
  const { preferences, dropped } = sanitizePreferences(raw.state);
  if (version > PREFERENCES_VERSION) dropped.push('newer-version');
  return { preferences, dropped, lossy: dropped.length > 0 };
}

/** The value written for `preferences`. */
export function toStored(preferences: Preferences): { version: number; state: Preferences } {
  return { version: PREFERENCES_VERSION, state: preferences };
}

/** Reads the stored preferences without changing storage: the one read path of popup and background. */
export async function loadPreferences(): Promise<StoredPreferences> {
  return parseStoredPreferences(await preferencesItem.getValue());
}

export function writePreferences(preferences: Preferences): Promise<void> {
  return preferencesItem.setValue(toStored(preferences));
}

/**
 * Keeps a copy of a damaged value, newest first. The copy is cut to BACKUP_LIMIT characters so that it fits
 * the storage quota next to everything else; if even that cannot be written, the outcome says so.
 */
export async function backUp(raw: unknown, now = new Date()): Promise<BackupOutcome> {
  let json: string;
  try {
    json = JSON.stringify(raw) ?? 'null';
  } catch {
    json = String(raw);
  }
  const truncated = json.length > BACKUP_LIMIT;
  const backup: Backup = { savedAt: now.toISOString(), json: json.slice(0, BACKUP_LIMIT), truncated };
  try {
    const previous = (await backupsItem.getValue()).filter((entry) => isRecord(entry)).slice(0, MAX_BACKUPS - 1);
    await backupsItem.setValue([backup, ...previous]);
    return truncated ? 'truncated' : 'kept';
  } catch {
    return 'failed';
  }
}

/**
 * Reads the stored preferences for the popup and repairs damage once: the cleaned value replaces the damaged
 * one first (which also frees its room in the quota), then a bounded copy of the damaged value is kept.
 */
export async function readAndRepairPreferences(): Promise<StoredPreferences & { backup: BackupOutcome | null }> {
  const raw = await preferencesItem.getValue();
  const read = parseStoredPreferences(raw);
  if (!read.lossy) return { ...read, backup: null };
  try {
    await writePreferences(read.preferences);
  } catch {
    // The cleaned value could not be written; the popup still works from it, and repairs again next time.
  }
  return { ...read, backup: await backUp(raw) };
}

/** The language the user chose, for the background's badge titles. */
export async function readLanguage(): Promise<Lang | null> {
  return (await loadPreferences()).preferences.lang;
}
