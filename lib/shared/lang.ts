// Reached from wxt.config.ts (through the registry's build code): relative imports only, no `@/`.

/**
 * The display languages, in one place: adding one is an entry here plus its data (a text in every registry and
 * interface string, `public/_locales/<code>/messages.json`); schemas, the pickers, formatting and the policy
 * parser all derive from this list. A unit test keeps language codes out of every other code file.
 */
/** What the extension needs to know of a display language besides its texts. */
interface Language {
  /** The locale Intl formats the language in. */
  locale: string;
  /** Phrases that deny an agreement applies or was found: the registry check rejects them beside "offered". */
  agreementDenied: RegExp;
  /** A GDPR article as the language's text of the GDPR cites it. */
  cite: (article: string, paragraph?: string, point?: string) => string;
}

const LANGUAGES = {
  de: {
    locale: 'de-DE',
    agreementDenied: /(gilt nicht|gelten nicht|nicht gefunden|kein(en)? Auftragsverarbeitungsvertrag)/i,
    /** "Art. 6 Abs. 1 lit. b DSGVO". */
    cite: (article, paragraph, point) =>
      ['Art.', article, paragraph && `Abs. ${paragraph}`, point && `lit. ${point}`, 'DSGVO'].filter(Boolean).join(' '),
  },
  en: {
    // British English throughout (spelling, dates as "23 November 2026", lists without the serial comma), so
    // its formatters run as en-GB, not as US `en`.
    locale: 'en-GB',
    agreementDenied: /\b(does not apply|do not apply|not found|no (data-processing|processing) agreement)\b/i,
    /** "Art. 6(1)(b) GDPR". */
    cite: (article, paragraph, point) =>
      `Art. ${article}${paragraph ? `(${paragraph})` : ''}${point ? `(${point})` : ''} GDPR`,
  },
} as const satisfies Record<string, Language>;

export type Lang = keyof typeof LANGUAGES;
/** Display languages. Every user-facing registry and interface string exists in each of them. */
export const LANGS = Object.keys(LANGUAGES) as Lang[];
/** The language for browsers whose language is none of LANGS. */
export const DEFAULT_LANG: Lang = 'en';

/** Narrows an unknown value to a display language. */
export function isLang(value: unknown): value is Lang {
  return LANGS.includes(value as Lang);
}

/** The locale Intl formats each display language in. */
export const LOCALES = Object.fromEntries(LANGS.map((lang) => [lang, LANGUAGES[lang].locale])) as Readonly<
  Record<Lang, string>
>;

/** Whether an agreement's note in `lang` denies that an agreement applies or was found. */
export function deniesAgreement(note: string, lang: Lang): boolean {
  return LANGUAGES[lang].agreementDenied.test(note);
}

/** Cites a GDPR article ("6(1)(b)") as each language's text of the GDPR does. */
export function citeArticle(article: string, lang: Lang): string {
  const [, number = article, paragraph, point] = /^(\d+)(?:\((\d+)\))?(?:\(([a-z])\))?$/.exec(article) ?? [];
  return LANGUAGES[lang].cite(number, paragraph, point);
}

/** The display language for a browser UI locale ("de-AT" is German); the default for any other. */
export function languageFor(locale: string | undefined): Lang {
  const code = locale?.toLowerCase().split(/[-_]/)[0];
  return LANGS.find((lang) => lang === code) ?? DEFAULT_LANG;
}
