import { browser } from 'wxt/browser';
import type { Detection } from '@/lib/shared/detection/shapes';
import { translator } from '@/lib/shared/i18n';
import './strings';
import type { Lang } from '@/lib/shared/lang';
import type { Text } from '@/lib/shared/registry/build/schema';

export interface BadgeView {
  text: string;
  title: string;
  color: string;
}

const COLORS = { meeting: '#b3261e', app: '#3c4a5c', embedded: '#3c4a5c' } as const;

/** What the toolbar icon shows for a detection: the tool's short label, and a title in the display language. */
export function badgeFor(detection: Detection, tool: { name: Text; label: string }, lang: Lang): BadgeView {
  const t = translator(lang);
  const key = ({ meeting: 'badgeTitleMeeting', app: 'badgeTitleApp', embedded: 'badgeTitleEmbedded' } as const)[
    detection.context
  ];
  return { text: tool.label, title: t(key, { tool: tool.name[lang] }), color: COLORS[detection.context] };
}

// Firefox's Manifest V2 build has browserAction where Chrome's MV3 build has action.
const action = () => browser.action ?? browser.browserAction;

/** Marks one tab's toolbar icon, or clears the mark with `null`. Other tabs keep theirs. */
export async function showBadge(tabId: number, view: BadgeView | null): Promise<void> {
  const api = action();
  if (!view) {
    await Promise.all([api.setBadgeText({ tabId, text: '' }), api.setTitle({ tabId, title: '' })]);
    return;
  }
  await Promise.all([
    api.setBadgeText({ tabId, text: view.text }),
    api.setBadgeBackgroundColor({ tabId, color: view.color }),
    api.setTitle({ tabId, title: view.title }),
  ]);
}
