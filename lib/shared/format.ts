import type { Lang } from '@/lib/shared/lang';
import type { LegalArticle } from '@/lib/shared/registry/build/schema';

/** Cites a GDPR article as each language does: "Art. 6 Abs. 1 lit. b DSGVO" / "Art. 6(1)(b) GDPR". */
export function citeArticle(article: LegalArticle, lang: Lang): string {
  if (lang === 'en') return `Art. ${article} GDPR`;
  const [, number, paragraph, letter] = /^(\d+)(?:\((\d+)\))?(?:\(([a-z])\))?$/.exec(article) ?? [];
  return ['Art.', number, paragraph && `Abs. ${paragraph}`, letter && `lit. ${letter}`, 'DSGVO']
    .filter(Boolean)
    .join(' ');
}
