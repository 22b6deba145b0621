import { storage } from 'wxt/utils/storage';
import { TabStateSchema, type TabState } from '@/lib/messaging/protocol';

/** Every storage key the extension uses. User choices live in `local:`, per-tab state in `session:`. */
export const StorageKeys = {
  /** The persisted Zustand store: language and pins. */
  preferences: 'local:preferences',
  /** The last stored preferences that could not be read in full, kept so nothing the user saved is lost. */
  preferencesBackup: 'local:preferences-backup',
  tab: (tabId: number) => `session:tab-${tabId}` as const,
} as const;

/** Reads a tab's state; anything unreadable counts as "nothing detected". */
export async function getTabState(tabId: number): Promise<TabState | null> {
  const parsed = TabStateSchema.safeParse(await storage.getItem(StorageKeys.tab(tabId)));
  return parsed.success ? parsed.data : null;
}

export async function setTabState(tabId: number, state: TabState): Promise<void> {
  await storage.setItem(StorageKeys.tab(tabId), state);
}

export async function clearTabState(tabId: number): Promise<void> {
  await storage.removeItem(StorageKeys.tab(tabId));
}
