// Reached from wxt.config.ts (through the registry's build code): relative imports only, no `@/`.
/** Display languages. Every user-facing registry and interface string exists in each of them. */
export const LANGS = ['de', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Narrows an unknown value to a display language. */
export function isLang(value: unknown): value is Lang {
  return LANGS.includes(value as Lang);
}

/**
 * The locale Intl formats each display language in. English is British English throughout (spelling, dates
 * as "23 November 2026", lists without the serial comma), so its formatters run as en-GB, not as US `en`.
 */
export const LOCALES: Readonly<Record<Lang, string>> = { de: 'de-DE', en: 'en-GB' };
