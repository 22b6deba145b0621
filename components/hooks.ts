import { use, useMemo } from 'react';
import { translator, type Translate } from '@/lib/shared/i18n';
import type { Lang } from '@/lib/shared/lang';
import type { RegistryView } from '@/lib/ui/popup-registry';
import type { Tool } from '@/lib/shared/registry/build/schema';
import { selectLang, usePopupStore } from '@/lib/ui/store';

export function useLang(): Lang {
  return usePopupStore(selectLang);
}

/** The translator for the current display language; re-renders on a switch. */
export function useT(): Translate {
  const lang = useLang();
  return useMemo(() => translator(lang), [lang]);
}

/**
 * A tool's full entry (null if the registry lacks it), read during render. An entry loaded before, as the
 * detected tool is before the first render, is returned at once; otherwise the component suspends (React's
 * `use`) while its chunk loads, so this may be called in loops and conditions.
 */
export function readTool(registry: Pick<RegistryView, 'peek' | 'load'>, id: string): Tool | null {
  const loaded = registry.peek(id);
  // React's `use` is the one hook allowed in loops and conditions; its callers are components, reading during render.
  // eslint-disable-next-line react-hooks/rules-of-hooks
  return loaded !== undefined ? loaded : use(registry.load(id));
}
