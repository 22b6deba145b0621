import { act, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { App } from '@/components/App';
import type { Opening } from '@/lib/ui/popup-start';
import type { LinkedTool } from '@/lib/shared/detection/links';
import type { RegistryView } from '@/lib/ui/popup-registry';
import { hydratePreferences } from '@/lib/ui/store';
import type { TabState } from '@/lib/shared/tab-state';
import { viewOf } from './registry';

export const teamsState: TabState = {
  detection: {
    toolId: 'microsoft-teams',
    context: 'meeting',
    evidence: [{ type: 'host', value: 'teams.microsoft.com' }],
  },
  via: 'page',
};

interface Options {
  opening?: Opening;
  links?: readonly LinkedTool[];
  /** Whether the page held more than the scan reads. */
  linksTruncated?: boolean;
  registry?: RegistryView;
  systemLang?: 'de' | 'en';
  shortcut?: string | null;
}

/** Hydrates the store from the fake storage and renders the popup, as main.tsx does. */
export async function renderPopup({
  opening = { kind: 'tab', tabState: null },
  links = [],
  linksTruncated = false,
  registry = viewOf(),
  systemLang = 'en',
  shortcut = null,
}: Options = {}) {
  await hydratePreferences(systemLang);
  // The details load after the first screen, as in the popup; tests that open them find the module loaded.
  await import('@/components/SummaryDetails');
  const user = userEvent.setup();
  const copyText = vi.fn(async (_text: string) => {});
  let result!: ReturnType<typeof render>;
  // The links arrive as a promise; let React settle it before the test looks.
  await act(async () => {
    result = render(
      <App
        registry={registry}
        opening={opening}
        links={Promise.resolve({ tools: links, truncated: linksTruncated })}
        copyText={copyText}
        shortcut={shortcut}
      />,
    );
  });
  return { user, copyText, ...result };
}

export const onTeams: Opening = { kind: 'tab', tabState: teamsState };
