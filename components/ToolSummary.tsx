import { Suspense, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Detection } from '@/lib/shared/detection/shapes';
import { formatDate, formatList } from '@/lib/shared/i18n';
import type { Lang } from '@/lib/shared/lang';
import type { RegistryView } from '@/lib/ui/popup-registry';
import type { Tool } from '@/lib/shared/registry/build/schema';
import { usePopupStore } from '@/lib/ui/store';
import { assessmentLine, keyFactRows } from '@/lib/shared/key-facts';
import {
  buildSummary,
  organisationModel,
  type Block,
  type OrganisationModel,
  type SummaryModel,
  type SummarySection,
} from '@/lib/ui/summary';
import { ExternalLink } from './ExternalLink';
import { readTool, useLang, useT } from './hooks';
import { KeyFacts } from './KeyFacts';
import { LineList, LineView } from './LineView';
import { Unconfirmed } from './Unconfirmed';

export type SummaryOrigin =
  { kind: 'detected'; detection: Detection } | { kind: 'list' } | { kind: 'pins' } | { kind: 'link' };

interface Props {
  registry: RegistryView;
  toolId: string;
  origin: SummaryOrigin;
  actions?: ReactNode;
}

/** The detail sections in the order shown; "other notes" only where a tool has some. */
const DETAIL_SECTIONS: readonly SummarySection[] = [
  'actions',
  'provider',
  'features',
  'collected',
  'legalBases',
  'retention',
  'dpa',
  'transfer',
  'assessments',
  'notes',
];

/** Opens a detail section and moves to an element in it (the section itself, or a source in the list). */
type Reveal = (section: string, elementId?: string) => void;

/** The summary model of a full entry, built once per tool and language. */
const models = new WeakMap<Tool, Partial<Record<Lang, SummaryModel>>>();
function summaryOf(tool: Tool, lang: Lang, dataAsOf: string): SummaryModel {
  const byLang = models.get(tool) ?? {};
  models.set(tool, byLang);
  return (byLang[lang] ??= buildSummary(tool, lang, dataAsOf));
}

/** How each kind of evidence reads to someone who does not know the registry's rules. */
const HOW = {
  host: 'address',
  path: 'address',
  policy: 'address',
  frame: 'frame',
  script: 'scripts',
  global: 'scripts',
  selector: 'content',
  title: 'title',
} as const;

function Origin({ origin, toolName }: { origin: SummaryOrigin; toolName: string }) {
  const t = useT();
  const lang = useLang();
  if (origin.kind !== 'detected') {
    const key = ({ list: 'openedFromList', pins: 'openedFromPins', link: 'openedFromLink' } as const)[origin.kind];
    return <p className="origin">{t(key)}</p>;
  }
  const { detection } = origin;
  const how = formatList([...new Set(detection.evidence.map((item) => t(`how.${HOW[item.type]}`)))], lang);
  // The rule that matched stays one hover away: it names registry rules only, never the page's own words.
  const rules = detection.evidence.map((item) =>
    item.type === 'path' || item.type === 'policy'
      ? t(`evidence.${item.type}`, { tool: toolName })
      : t(`evidence.${item.type}`, { value: item.value }),
  );
  return (
    <p className="origin detected" title={t('howRule', { rules: rules.join(', ') })}>
      <span className={`dot ${detection.context}`} aria-hidden="true" />
      {t(`origin.${detection.context}`, { tool: toolName, how })}
    </p>
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
          {t('accordingTo', { source: block.sourceTitle })} <SourceRef number={block.source} reveal={reveal} />:{' '}
          {block.text}
        </blockquote>
      );
  }
}

/** The organisation's verdict on the tool, on the first screen right under the tool's name. */
function VerdictLine({ model }: { model: OrganisationModel }) {
  if (!model.verdict) return null;
  const approved = model.verdict.value === 'approved';
  return (
    <p className={`verdict ${model.verdict.value}`}>
      <span className={`mark mark-${approved ? 'ok' : 'caution'}`} aria-hidden="true">
        {approved ? '✓' : '!'}
      </span>
      <strong>{model.verdict.text}</strong>
    </p>
  );
}

/** The organisation's own terms for the tool, set apart from the provider's facts. */
function OrganisationStatements({ model }: { model: OrganisationModel }) {
  const t = useT();
  const lines = [...model.terms, ...model.reach];
  if (!lines.length) return null;
  return (
    <section className="organisation" aria-labelledby="organisation-title">
      <h2 id="organisation-title">{model.title}</h2>
      <p className="muted">{t('policy.intro')}</p>
      <LineList lines={lines} />
    </section>
  );
}

/** A collapsible detail section; its content is built only while it is open. */
function Disclosure({
  id,
  title,
  open,
  onToggle,
  children,
}: {
  id: string;
  title: string;
  open: boolean;
  onToggle: (open: boolean) => void;
  children: ReactNode;
}) {
  return (
    <details
      id={`section-${id}`}
      className="section"
      open={open}
      onToggle={(event) => onToggle(event.currentTarget.open)}
    >
      <summary>
        <h3>{title}</h3>
      </summary>
      {open && (
        <div className="section-body">
          <Suspense fallback={null}>{children}</Suspense>
        </div>
      )}
    </details>
  );
}

/** Reads the full entry (suspending while it loads) and gives its summary model to `children`. */
function WithModel({
  registry,
  toolId,
  children,
}: {
  registry: RegistryView;
  toolId: string;
  children: (model: SummaryModel) => ReactNode;
}) {
  const lang = useLang();
  const tool = readTool(registry, toolId);
  return tool ? children(summaryOf(tool, lang, registry.dataAsOf)) : null;
}

function SectionContent({ model, id, reveal }: { model: SummaryModel; id: SummarySection; reveal: Reveal }) {
  const t = useT();
  const section = model.sections.find((candidate) => candidate.id === id);
  if (!section) return null;
  return (
    <>
      {section.blocks.map((block, index) => (
        <BlockView key={index} block={block} reveal={reveal} />
      ))}
      {section.sources.length > 0 && (
        <p className="source-refs">
          {t('sourcesFor')}{' '}
          {section.sources.map((number) => (
            <SourceRef key={number} number={number} reveal={reveal} />
          ))}
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
 * One tool's summary. The first screen (name, how it was found, the key facts) comes from the tool's Glance in
 * the start-up bundle; the detail sections below are collapsed unless the user opened them before, and read
 * the full entry when they open. Registry text is rendered as text only.
 */
export function ToolSummary({ registry, toolId, origin, actions }: Props) {
  const t = useT();
  const lang = useLang();
  const entry = registry.byId.get(toolId)!;
  const glance = registry.glance(toolId)!;
  const rows = useMemo(() => keyFactRows(glance, lang), [glance, lang]);
  const assessment = useMemo(() => assessmentLine(glance, lang), [glance, lang]);
  const open = usePopupStore((state) => state.open);
  const policy = usePopupStore((state) => state.policy);
  const organisation = useMemo(() => organisationModel(policy, toolId, lang), [policy, toolId, lang]);
  const setSectionOpen = usePopupStore((state) => state.setSectionOpen);
  // The element to reveal once its section has opened; each reveal renders again, which runs the effect below.
  const target = useRef<string | null>(null);
  const [reveals, setReveals] = useState(0);
  const name = entry.name[lang];

  const reveal: Reveal = (section, elementId = `section-${section}`) => {
    setSectionOpen(section, true);
    target.current = elementId;
    setReveals((count) => count + 1);
  };

  // After the section has opened, bring the target into view and give it the focus.
  useLayoutEffect(() => {
    if (!target.current) return;
    const element = document.getElementById(target.current);
    element?.scrollIntoView({ block: 'start' });
    (element?.querySelector<HTMLElement>('summary') ?? element)?.focus();
    target.current = null;
  }, [reveals]);

  useEffect(() => {
    performance.mark('summary-rendered');
  }, [toolId]);

  const { status } = entry;
  const disclosure = (id: string, title: string, content: (model: SummaryModel) => ReactNode) => (
    <Disclosure
      key={id}
      id={id}
      title={title}
      open={open.includes(id)}
      onToggle={(isOpen) => setSectionOpen(id, isOpen)}
    >
      <WithModel registry={registry} toolId={toolId}>
        {content}
      </WithModel>
    </Disclosure>
  );
  return (
    <article className="summary" aria-labelledby="tool-name">
      <header className="tool-head">
        <h1 id="tool-name">{name}</h1>
        <Origin origin={origin} toolName={name} />
        {organisation && <VerdictLine model={organisation} />}
        {status.state === 'discontinued' && (
          <p className="status-discontinued" role="note">
            <strong>{t('discontinuedSince', { date: formatDate(status.since, lang) })}.</strong> {status.note[lang]}{' '}
            <Unconfirmed note={status.unconfirmed?.[lang]} />
          </p>
        )}
        {status.state === 'active' && <Unconfirmed note={status.unconfirmed?.[lang]} />}
      </header>

      <KeyFacts
        rows={rows}
        assessment={assessment}
        onOpen={(row) => reveal(row.section)}
        onOpenAssessments={() => reveal('assessments')}
        onOpenActions={() => reveal('actions')}
      />
      {organisation && <OrganisationStatements model={organisation} />}

      {/* Pin, compare and copy serve a second look; the first screen belongs to the answer. */}
      {actions}
      <h2 className="details-title">{t('details')}</h2>
      {DETAIL_SECTIONS.filter(
        (id) => (id !== 'notes' || glance.hasNotes) && (id !== 'assessments' || glance.assessment),
      ).map((id) =>
        disclosure(id, t(`section.${id}`), (model) => <SectionContent model={model} id={id} reveal={reveal} />),
      )}
      {disclosure('sources', t('sources'), (model) => (
        <Sources model={model} />
      ))}
      <Suspense fallback={null}>
        <WithModel registry={registry} toolId={toolId}>
          {(model) => <p className="muted footer">{model.footer}</p>}
        </WithModel>
      </Suspense>
    </article>
  );
}
