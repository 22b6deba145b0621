import { useEffect, useMemo, useState } from 'react';
import { translator, type Translate } from '@/lib/i18n';
import type { Lang } from '@/lib/lang';
import type { Tool } from '@/lib/registry/schema';
import type { RegistryView } from '@/lib/registry/view';
import { selectLang, usePopupStore } from '@/lib/store';

export function useLang(): Lang {
  return usePopupStore(selectLang);
}

/** The translator for the current display language; re-renders on a switch. */
export function useT(): Translate {
  const lang = useLang();
  return useMemo(() => translator(lang), [lang]);
}

/**
 * The full entries of the given tools, loading those not loaded yet: undefined while loading,
 * null for an id the registry does not have.
 */
export function useTools(registry: RegistryView, ids: readonly string[]): Array<Tool | null | undefined> {
  const [, rerender] = useState(0);
  const key = ids.join();
  useEffect(() => {
    let live = true;
    const missing = ids.filter((id) => !registry.peek(id));
    if (missing.length) void Promise.all(missing.map(registry.load)).then(() => live && rerender((n) => n + 1));
    return () => {
      live = false;
    };
    // `key` stands for `ids`, whose identity changes on every render.
  }, [registry, key]);
  return ids.map((id) => (registry.byId.has(id) ? registry.peek(id) : null));
}
