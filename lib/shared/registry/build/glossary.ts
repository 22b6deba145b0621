// Build code: runs in Node at build time (the registry check). Runtime code imports only `type`s from here.
// Reached from wxt.config.ts, which loads before Vite's `@/` alias exists: relative imports only, no `@/`.
import { z } from 'zod';
import { LANGS, type Lang } from '../../lang';

/**
 * The project's vocabulary (data/glossary.json): for each term one word per language, where it is used, and
 * the variants not to use, which the registry check reports in interface strings and registry texts.
 */
const pattern = z.string().refine((source) => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}, 'must be a valid regular expression');
const perLang = <T extends z.ZodType>(item: T) =>
  z.strictObject(Object.fromEntries(LANGS.map((lang) => [lang, z.array(item)])) as Record<Lang, z.ZodArray<T>>);

export const GlossaryTermSchema = z.strictObject({
  term: z.string().min(1),
  ...(Object.fromEntries(LANGS.map((lang) => [lang, z.string().min(1)])) as Record<Lang, z.ZodString>),
  usedIn: z.array(z.string().min(1)).min(1),
  /** Words and phrases not to use, matched as whole words, as written or with a capital first letter. */
  avoid: perLang(z.string().trim().min(1)),
  /** For rules no list of words can state (gender signs, US dates): regular expressions, matched with the `u` flag. */
  avoidPatterns: perLang(pattern).optional(),
});
export const GlossarySchema = z.strictObject({ note: z.string().min(1), terms: z.array(GlossaryTermSchema).min(1) });
export type Glossary = z.infer<typeof GlossarySchema>;

/** A user-facing text to check: where it is and in which language. */
export interface CheckedText {
  file: string;
  path: string;
  lang: Lang;
  text: string;
}

export interface GlossaryFinding extends Omit<CheckedText, 'text'> {
  found: string;
  use: string;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The matchers of one language: each avoided phrase as a whole word (letters and digits end a word, in any script). */
function matchers(glossary: Glossary, lang: Lang): Array<{ regex: RegExp; use: string }> {
  return glossary.terms.flatMap((term) => [
    ...term.avoid[lang].map((phrase) => ({
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${[...new Set([phrase, capitalised(phrase)])].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
        'gu',
      ),
      use: term[lang],
    })),
    ...(term.avoidPatterns?.[lang] ?? []).map((source) => ({ regex: new RegExp(source, 'gu'), use: term[lang] })),
  ]);
}

/** Every place where a text uses a variant the glossary rules out, with the word to use instead. */
export function checkGlossary(glossary: Glossary, texts: Iterable<CheckedText>): GlossaryFinding[] {
  const byLang = Object.fromEntries(LANGS.map((lang) => [lang, matchers(glossary, lang)])) as Record<
    Lang,
    ReturnType<typeof matchers>
  >;
  const findings: GlossaryFinding[] = [];
  for (const { text, ...place } of texts) {
    for (const { regex, use } of byLang[place.lang]) {
      for (const match of text.matchAll(regex)) findings.push({ ...place, found: match[0], use });
    }
  }
  return findings;
}

/**
 * Every display-language text in a JSON value: each object with exactly the keys `de` and `en`, both strings,
 * with its dotted path. Lists of names (aliases) and single-language strings (titles, addresses) are not texts.
 */
export function* textsOf(file: string, value: unknown, path: string[] = []): Generator<CheckedText> {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* textsOf(file, item, [...path, String(index)]);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const entries = Object.entries(value);
  if (
    entries.length === LANGS.length &&
    LANGS.every((lang) => typeof (value as Record<string, unknown>)[lang] === 'string')
  ) {
    for (const lang of LANGS) yield { file, path: path.join('.'), lang, text: (value as Record<Lang, string>)[lang] };
    return;
  }
  for (const [key, item] of entries) yield* textsOf(file, item, [...path, key]);
}
