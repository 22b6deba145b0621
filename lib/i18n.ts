import rawStrings from '../data/ui-strings.json';
import type { Lang, Text } from './registry/schema';

export type UiKey = keyof typeof rawStrings;

/**
 * The interface strings. They are validated like the registry, by the tests and the build
 * (UiStringsSchema), so the extension trusts them at run time.
 */
export const uiStrings: Record<UiKey, Text> = rawStrings;

/** The display language for a browser UI locale: German for de*, English otherwise. */
export function languageFor(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export type Translate = (key: UiKey, vars?: Record<string, string | number>) => string;

/** A translator bound to one language; `{name}` placeholders are filled from `vars`. */
export function translator(lang: Lang, strings: Record<UiKey, Text> = uiStrings): Translate {
  return (key, vars) => {
    const text = strings[key][lang];
    return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole)) : text;
  };
}

/** Formats an ISO date (YYYY-MM-DD) for the display language, e.g. "22. November 2026". */
export function formatDate(iso: string, lang: Lang): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A country's name in the display language, from its ISO code. */
export function countryName(code: string, lang: Lang): string {
  return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
}

/** Joins items as the language does: "A, B und C" / "A, B and C". */
export function formatList(items: readonly string[], lang: Lang): string {
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
}
