import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { DetectionResultSchema } from '@/lib/shared/detection/shapes';

/**
 * What the extension knows about one tab, kept in session storage so a restarted worker still knows it.
 * The page address is never stored: join links carry passcodes, and evidence names only registry rules.
 */
export const TabStateSchema = z.strictObject({
  detection: DetectionResultSchema,
  /** `page`: from the tab's address; `scan`: from the on-demand scan the popup asked for. */
  via: z.enum(['page', 'scan']),
});
export type TabState = z.infer<typeof TabStateSchema>;

const keyOf = (tabId: number) => `session:tab-${tabId}` as const;

/** Reads a tab's state; anything unreadable counts as "nothing detected". */
export async function getTabState(tabId: number): Promise<TabState | null> {
  const parsed = TabStateSchema.safeParse(await storage.getItem(keyOf(tabId)));
  return parsed.success ? parsed.data : null;
}

export async function setTabState(tabId: number, state: TabState): Promise<void> {
  await storage.setItem(keyOf(tabId), state);
}

/** The ids of the tabs that have a stored state. */
export async function storedTabIds(): Promise<number[]> {
  const stored = await storage.snapshot('session');
  return Object.keys(stored).flatMap((key) => {
    const id = /^tab-(\d{1,15})$/.exec(key)?.[1];
    return id === undefined ? [] : [Number(id)];
  });
}

export async function clearTabState(tabId: number): Promise<void> {
  await storage.removeItem(keyOf(tabId));
}
