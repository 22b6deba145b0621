import { use } from 'react';
import type { LinkedTool, PageLinks } from '@/lib/detection/links';
import type { RegistryView } from '@/lib/registry/popup-registry';
import { keyFactRows } from '@/lib/key-facts';
import { useLang, useT } from './hooks';
import { FactText } from './KeyFacts';

interface Props {
  registry: RegistryView;
  /** The tools the page links to, as the page scan found them; it may still be running. */
  links: Promise<PageLinks>;
  /** A tool to leave out, e.g. the one whose summary is already on screen. */
  except?: string;
  onOpen: (toolId: string) => void;
}

function LinkedToolButton({ registry, link, onOpen }: { registry: RegistryView; link: LinkedTool; onOpen: (toolId: string) => void }) {
  const t = useT();
  const lang = useLang();
  const glance = registry.glance(link.toolId);
  const entry = registry.byId.get(link.toolId);
  if (!glance || !entry) return null;
  const where = keyFactRows(glance, lang).find((row) => row.id === 'where')!;
  return (
    <button type="button" className="tool-link linked-tool" onClick={() => onOpen(link.toolId)}>
      <span className="linked-name">
        <strong>{entry.name[lang]}</strong> · {t('linksCount', { count: link.count })}
      </span>
      <span className="linked-fact">
        <FactText row={where} />
      </span>
    </button>
  );
}

/**
 * "Meeting links on this page": each conferencing tool the page links to, once, with the number of links and
 * where its data goes. Only tool ids and counts reach the popup; the links themselves stay in the page.
 */
export function MeetingLinks({ registry, links, except, onOpen }: Props) {
  const t = useT();
  const { tools, truncated } = use(links);
  const shown = tools.filter((link) => link.toolId !== except && registry.byId.has(link.toolId));
  if (!shown.length && !truncated) return null;
  return (
    <section className="meeting-links" aria-labelledby="meeting-links-title">
      <h2 id="meeting-links-title">{t('linksTitle')}</h2>
      <ul className="tool-list">
        {shown.map((link) => (
          <li key={link.toolId}>
            <LinkedToolButton registry={registry} link={link} onOpen={onOpen} />
          </li>
        ))}
      </ul>
      {truncated && <p className="muted">{t('linksTruncated')}</p>}
    </section>
  );
}
