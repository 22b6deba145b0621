import { countryName, formatList, translator } from '@/lib/i18n';
import type { Lang, LegalArticle, Transfer } from '@/lib/registry/schema';

/** Cites a GDPR article as each language does: "Art. 6 Abs. 1 lit. b DSGVO" / "Art. 6(1)(b) GDPR". */
export function citeArticle(article: LegalArticle, lang: Lang): string {
  if (lang === 'en') return `Art. ${article} GDPR`;
  const [, number, paragraph, letter] = /^(\d+)(?:\((\d+)\))?(?:\(([a-z])\))?$/.exec(article) ?? [];
  return ['Art.', number, paragraph && `Abs. ${paragraph}`, letter && `lit. ${letter}`, 'DSGVO'].filter(Boolean).join(' ');
}

/** "Yes: United States" / "No" / "Depends on the operator", for a transfer's third-country answer. */
export function describeThirdCountry(transfer: Transfer, lang: Lang): string {
  const t = translator(lang);
  if (transfer.thirdCountry === null) return t('thirdCountry.depends');
  if (!transfer.thirdCountry) return t('thirdCountry.no');
  return t('thirdCountry.yes', { countries: formatList(transfer.countries.map((code) => countryName(code, lang)), lang) });
}

/** The safeguards a transfer relies on, as a list in the display language. */
export function describeMechanisms(transfer: Transfer, lang: Lang): string {
  const t = translator(lang);
  return formatList(transfer.mechanisms.map((mechanism) => t(`mechanism.${mechanism}`)), lang);
}
