// Reached from wxt.config.ts (through the registry's build code): relative imports only, no `@/`.
import { LOCALES, type Lang } from './lang';

type Text = Record<Lang, string>;
/** The popup's strings and the registry page's own (data/ui-strings-registry-page.json), which only that page loads. */
type RawKey =
  keyof typeof import('../../data/ui-strings.json') | keyof typeof import('../../data/ui-strings-registry-page.json');
/** A key with `.one` and `.other` forms, chosen by the `count` variable. */
type PluralKey = RawKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;
export type UiKey = RawKey | PluralKey;

/**
 * The interface strings. They are validated like the registry, by the registry check and the build
 * (UiStringsSchema), so the extension trusts them at run time. Each part of the extension adds what it uses
 * ({@link addStrings}) before anything is translated: the extension's pages all of data/ui-strings.json
 * (lib/ui/strings.ts, their first import), the registry page its own file too, the background only its few
 * (lib/background/strings.ts), so the service worker does not carry the pages' texts.
 */
export const uiStrings: Record<string, Text> = {};

/** Adds strings that a part of the extension loads with its code. */
export function addStrings(more: Readonly<Record<string, Text>>): void {
  Object.assign(uiStrings, more);
}

export type Translate = (key: UiKey, vars?: Record<string, string | number>) => string;

/** One of each Intl formatter per language: constructing them costs far more than using them. */
function cached<T>(create: (lang: Lang) => T): (lang: Lang) => T {
  const made = new Map<Lang, T>();
  return (lang) => {
    let value = made.get(lang);
    if (!value) made.set(lang, (value = create(lang)));
    return value;
  };
}

const pluralRules = cached((lang) => new Intl.PluralRules(LOCALES[lang]));
const dateFormat = cached((lang) => new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }));
const monthFormat = cached(
  (lang) => new Intl.DateTimeFormat(LOCALES[lang], { month: 'short', year: 'numeric', timeZone: 'UTC' }),
);
const regionNames = cached((lang) => new Intl.DisplayNames([LOCALES[lang]], { type: 'region' }));
const listFormat = cached((lang) => new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' }));

/**
 * A translator bound to one language; `{name}` placeholders are filled from `vars`. A plural key picks its
 * `.one` or `.other` form for `vars.count` by the language's plural rules.
 */
export function translator(lang: Lang, strings: Readonly<Record<string, Text>> = uiStrings): Translate {
  const plurals = pluralRules(lang);
  return (key, vars) => {
    const text =
      strings[key]?.[lang] ??
      strings[`${key}.${plurals.select(Number(vars?.count))}`]?.[lang] ??
      strings[`${key}.other`]![lang];
    return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole)) : text;
  };
}

/** Formats an ISO date (YYYY-MM-DD) for the display language: "22. November 2026", or "Nov. 2026" by month. */
export function formatDate(iso: string, lang: Lang, precision: 'day' | 'month' = 'day'): string {
  return (precision === 'day' ? dateFormat : monthFormat)(lang).format(new Date(`${iso}T00:00:00Z`));
}

/** A country's name in the display language, from its ISO code. */
export function countryName(code: string, lang: Lang): string {
  return regionNames(lang).of(code) ?? code;
}

/** Joins items as the language does: "A, B und C" / "A, B and C". */
export function formatList(items: readonly string[], lang: Lang): string {
  return listFormat(lang).format(items);
}
