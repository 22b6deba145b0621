import type { ReactNode } from 'react';
import { useT } from './hooks';

/** A link to an outside document: new tab, no opener, no referrer, announced to screen readers. */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  const t = useT();
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span className="visually-hidden"> {t('opensInNewTab')}</span>
    </a>
  );
}
