import { registryPagePath } from '@/lib/ui/registry-page/url';
import { useT } from './hooks';

/**
 * Opens the registry page in a tab of its own. A plain link to the extension's own page: the popup needs no
 * browser API for it and the browser closes the popup as the tab opens.
 */
export function RegistryPageLink({ pick }: { pick?: string }) {
  const t = useT();
  return (
    <a className="registry-link" href={registryPagePath(pick)} target="_blank" rel="noopener">
      {t('registryPageLink')}
      <span className="visually-hidden"> {t('opensInNewTab')}</span>
    </a>
  );
}
