import { useMemo } from 'react';
import { translator, type Translate } from '@/lib/i18n';
import type { Lang } from '@/lib/registry/schema';
import { selectLang, usePopupStore } from '@/lib/store';

export function useLang(): Lang {
  return usePopupStore(selectLang);
}

/** The translator for the current display language; re-renders on a switch. */
export function useT(): Translate {
  const lang = useLang();
  return useMemo(() => translator(lang), [lang]);
}
