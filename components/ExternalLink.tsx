import type { ReactNode } from 'react';
import { useT } from './hooks';

/** A link to an outside document: new tab, no opener, no referrer, announced to screen readers. */
export function ExternalLink({ href, lang, children }: { href: string; lang?: string; children: ReactNode }) {
  const t = useT();
  return (
    <a href={href} lang={lang} target="_blank" rel="noopener noreferrer">
      {children}
      <span className="visually-hidden"> {t('opensInNewTab')}</span>
    </a>
  );
}
