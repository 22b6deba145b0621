import { use } from 'react';
import type { LinkedTool, PageLinks } from '@/lib/shared/detection/links';
import type { RegistryView } from '@/lib/ui/popup-registry';
import { keyFactRows, type KeyFactId } from '@/lib/shared/key-facts';
import { useLang, useT } from './hooks';
import { FactText } from './KeyFacts';

interface Props {
  registry: RegistryView;
  /** The tools the page links to, as the page scan found them; it may still be running. */
  links: Promise<PageLinks>;
  /** A tool to leave out, e.g. the one whose summary is already on screen. */
  except?: string;
  /**
   * `invitation`: the page is not a tool (mail, calendar), so the meetings are what the popup is about and
   * come first, as the page's heading; `page`: they follow a tool's own summary.
   */
  variant: 'invitation' | 'page';
  onOpen: (toolId: string) => void;
}

/** What someone about to join needs first: whether and how it is recorded, and whether the browser call is encrypted. */
const JOINER_FACTS: readonly KeyFactId[] = ['recording', 'e2ee'];

function LinkedToolButton({
  registry,
  link,
  onOpen,
}: {
  registry: RegistryView;
  link: LinkedTool;
  onOpen: (toolId: string) => void;
}) {
  const t = useT();
  const lang = useLang();
  const glance = registry.glance(link.toolId);
  const entry = registry.byId.get(link.toolId);
  if (!glance || !entry) return null;
  const rows = keyFactRows(glance, lang).filter((row) => JOINER_FACTS.includes(row.id));
  // A page may name a tool without linking a meeting (its dial-in page, a help link): then the links are counted.
  const count =
    link.meetings > 0 ? t('meetingsCount', { count: link.meetings }) : t('linksCount', { count: link.count });
  return (
    <button type="button" className="tool-link linked-tool" onClick={() => onOpen(link.toolId)}>
      <span className="linked-name">
        <strong>{entry.name[lang]}</strong> · {count}
      </span>
      {rows.map((row) => (
        <span key={row.id} className="linked-fact" data-fact={row.id}>
          <FactText row={row} />
        </span>
      ))}
    </button>
  );
}

/**
 * The meetings a page links to, one entry per tool with its number of meetings and what a joiner needs to
 * know. Only tool ids and counts reach the popup; the links themselves stay in the page.
 */
export function MeetingLinks({ registry, links, except, variant, onOpen }: Props) {
  const t = useT();
  const { tools, truncated } = use(links);
  const shown = tools.filter((link) => link.toolId !== except && registry.byId.has(link.toolId));
  if (!shown.length && !truncated) return null;
  const Heading = variant === 'invitation' ? 'h1' : 'h2';
  return (
    <section className={`meeting-links ${variant}`} aria-labelledby="meeting-links-title">
      <Heading id="meeting-links-title">{t(variant === 'invitation' ? 'invitationTitle' : 'linksTitle')}</Heading>
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
