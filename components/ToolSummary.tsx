import { useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import type { Detection } from '@/lib/detection/shapes';
import type { Tool } from '@/lib/registry/schema';
import { usePopupStore } from '@/lib/store';
import { buildSummary, type Block, type Line, type SectionModel, type SummaryModel } from '@/lib/summary';
import { ExternalLink } from './ExternalLink';
import { useLang, useT } from './hooks';
import { KeyFacts } from './KeyFacts';
import { Unconfirmed } from './Unconfirmed';

export type SummaryOrigin = { kind: 'detected'; detection: Detection } | { kind: 'list' } | { kind: 'pins' } | { kind: 'link' };

interface Props {
  tool: Tool;
  origin: SummaryOrigin;
  dataAsOf: string;
  actions?: ReactNode;
}

/** Opens a detail section and moves to an element in it (the section itself, or a source in the list). */
type Reveal = (section: string, elementId?: string) => void;

function Origin({ origin, toolName }: { origin: SummaryOrigin; toolName: string }) {
  const t = useT();
  if (origin.kind !== 'detected') {
    const key = ({ list: 'openedFromList', pins: 'openedFromPins', link: 'openedFromLink' } as const)[origin.kind];
    return <p className="origin">{t(key)}</p>;
  }
  const { detection } = origin;
  // Evidence names registry rules only (a registered host, a marker), never the page's own words.
  const evidence = detection.evidence.map((item) =>
    item.type === 'path' ? t('evidence.path', { tool: toolName }) : t(`evidence.${item.type}`, { value: item.value }),
  );
  return (
    <p className="origin detected">
      <span className={`dot ${detection.context}`} aria-hidden="true" />
      {t('detectedVia')} · {t(`context.${detection.context}`)} · {evidence.join(', ')}
    </p>
  );
}

function LineView({ line }: { line: Line }) {
  return (
    <>
      {line.lead && <strong>{line.href ? `${line.lead} ` : `${line.lead}: `}</strong>}
      {line.href ? (
        <ExternalLink href={line.href} lang={line.lang}>
          {line.text}
        </ExternalLink>
      ) : (
        line.text
      )}
      {line.aside && <span className="aside"> ({line.aside})</span>}
      <Unconfirmed note={line.unconfirmed} />
    </>
  );
}

function SourceRef({ number, reveal }: { number: number; reveal: Reveal }) {
  return (
    <a
      href={`#source-${number}`}
      className="source-ref"
      onClick={(event) => {
        event.preventDefault();
        reveal('sources', `source-${number}`);
      }}
    >
      [{number}]
    </a>
  );
}

function BlockView({ block, reveal }: { block: Block; reveal: Reveal }) {
  const t = useT();
  switch (block.kind) {
    case 'heading':
      return <h4>{block.text}</h4>;
    case 'paragraph':
      return (
        <p>
          <LineView line={block.line} />
        </p>
      );
    case 'list':
    case 'links':
      return (
        <ul className={block.kind}>
          {block.lines.map((line, index) => (
            <li key={index}>
              <LineView line={line} />
            </li>
          ))}
        </ul>
      );
    case 'statement':
      return (
        <blockquote className="statement">
          {t('accordingTo', { source: block.sourceTitle })} <SourceRef number={block.source} reveal={reveal} />: {block.text}
        </blockquote>
      );
  }
}

/** A collapsible detail section; its content is built only while it is open. */
function Disclosure({ id, title, open, onToggle, children }: { id: string; title: string; open: boolean; onToggle: (open: boolean) => void; children: () => ReactNode }) {
  return (
    <details id={`section-${id}`} className="section" open={open} onToggle={(event) => onToggle(event.currentTarget.open)}>
      <summary>
        <h3>{title}</h3>
      </summary>
      {open && <div className="section-body">{children()}</div>}
    </details>
  );
}

function SectionContent({ section, reveal }: { section: SectionModel; reveal: Reveal }) {
  const t = useT();
  return (
    <>
      {section.blocks.map((block, index) => (
        <BlockView key={index} block={block} reveal={reveal} />
      ))}
      {section.sources.length > 0 && (
        <p className="source-refs">
          {t('sourcesFor')} {section.sources.map((number) => <SourceRef key={number} number={number} reveal={reveal} />)}
        </p>
      )}
    </>
  );
}

function Sources({ model }: { model: SummaryModel }) {
  return (
    <ol className="sources">
      {model.sources.map((source) => (
        <li key={source.number} id={`source-${source.number}`} tabIndex={-1}>
          {source.url ? <ExternalLink href={source.url}>{source.title}</ExternalLink> : source.title}{' '}
          <span className="muted">
            ({source.kind}; {source.accessed})
          </span>
        </li>
      ))}
    </ol>
  );
}

/**
 * One tool's summary: the key facts first, each opening its details; then the detail sections, collapsed
 * unless the user opened them before. Registry text is rendered as text only.
 */
export function ToolSummary({ tool, origin, dataAsOf, actions }: Props) {
  const t = useT();
  const lang = useLang();
  const model = useMemo(() => buildSummary(tool, lang, dataAsOf), [tool, lang, dataAsOf]);
  const open = usePopupStore((state) => state.open);
  const setSectionOpen = usePopupStore((state) => state.setSectionOpen);
  const [target, setTarget] = useState<string | null>(null);

  const reveal: Reveal = (section, elementId = `section-${section}`) => {
    setSectionOpen(section, true);
    setTarget(elementId);
  };

  // After the section has opened, bring the target into view and give it the focus.
  useLayoutEffect(() => {
    if (!target) return;
    const element = document.getElementById(target);
    element?.scrollIntoView({ block: 'start' });
    (element?.querySelector<HTMLElement>('summary') ?? element)?.focus();
    setTarget(null);
  }, [target]);

  useEffect(() => {
    performance.mark('summary-rendered');
  }, [tool.id]);

  const { discontinued } = model;
  return (
    <article className="summary" aria-labelledby="tool-name">
      <header className="tool-head">
        <div className="tool-title">
          <h1 id="tool-name">{model.name}</h1>
          {actions}
        </div>
        <Origin origin={origin} toolName={model.name} />
        {discontinued && (
          <p className="status-discontinued" role="note">
            <strong>{discontinued.text}.</strong> {discontinued.note} <Unconfirmed note={discontinued.unconfirmed} />
          </p>
        )}
        <Unconfirmed note={model.statusUnconfirmed} />
      </header>

      <KeyFacts rows={model.keyFacts} onOpen={(row) => reveal(row.section)} />
      <p className="lead">{model.summary}</p>

      <h2 className="details-title">{t('details')}</h2>
      {model.sections.map((section) => (
        <Disclosure key={section.id} id={section.id} title={section.title} open={open.includes(section.id)} onToggle={(isOpen) => setSectionOpen(section.id, isOpen)}>
          {() => <SectionContent section={section} reveal={reveal} />}
        </Disclosure>
      ))}
      <Disclosure id="sources" title={t('sources')} open={open.includes('sources')} onToggle={(isOpen) => setSectionOpen('sources', isOpen)}>
        {() => <Sources model={model} />}
      </Disclosure>
      <p className="muted footer">{model.footer}</p>
    </article>
  );
}
