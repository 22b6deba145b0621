import type { Line } from '@/lib/ui/summary';
import { ExternalLink } from './ExternalLink';
import { useT } from './hooks';
import { Unconfirmed } from './Unconfirmed';

/** One line of a summary's text: lead, text or link, aside, what is unconfirmed; a text in another language is marked. */
export function LineView({ line }: { line: Line }) {
  const t = useT();
  return (
    <>
      {line.lead && <strong>{line.href ? `${line.lead} ` : `${line.lead}: `}</strong>}
      {line.href ? (
        <ExternalLink href={line.href} lang={line.lang}>
          {line.text}
        </ExternalLink>
      ) : line.textLang ? (
        <>
          <span lang={line.textLang}>{line.text}</span> <span className="tag">{t(`onlyIn.${line.textLang}`)}</span>
        </>
      ) : (
        line.text
      )}
      {line.aside && <span className="aside"> ({line.aside})</span>}
      <Unconfirmed note={line.unconfirmed} />
    </>
  );
}

/** Lines as a list, nothing if there are none. */
export function LineList({ lines, className }: { lines: readonly Line[]; className?: string }) {
  if (!lines.length) return null;
  return (
    <ul className={className}>
      {lines.map((line, index) => (
        <li key={index}>
          <LineView line={line} />
        </li>
      ))}
    </ul>
  );
}
