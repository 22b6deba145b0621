// Reached from wxt.config.ts (through the registry's build code): relative imports only, no `@/`.
/** Display languages. Every user-facing registry and interface string exists in each of them. */
export const LANGS = ['de', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Narrows an unknown value to a display language. */
export function isLang(value: unknown): value is Lang {
  return LANGS.includes(value as Lang);
}
