import { lazy, Suspense, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Detection } from '@/lib/shared/detection/shapes';
import { formatDate, formatList } from '@/lib/shared/i18n';
import type { RegistryView } from '@/lib/ui/popup-registry';
import { usePopupStore } from '@/lib/ui/store';
import { assessmentLine, keyFactRows, MARK_SIGNS } from '@/lib/shared/key-facts';
import { verdictMark } from '@/lib/shared/policy';
import { organisationModel, type OrganisationModel } from '@/lib/ui/organisation';
import { SUMMARY_SECTIONS } from '@/lib/shared/registry/sections';
import type { DetailPart, Reveal } from './SummaryDetails';
import { useLang, useT } from './hooks';
import { KeyFacts } from './KeyFacts';
import { LineList } from './LineView';
import { Unconfirmed } from './Unconfirmed';

// The details load after the first screen, with the summary model and the tool's full entry.
const DetailContent = lazy(() => import('./SummaryDetails'));

export type SummaryOrigin =
  { kind: 'detected'; detection: Detection } | { kind: 'list' } | { kind: 'pins' } | { kind: 'link' };

interface Props {
  registry: RegistryView;
  toolId: string;
  origin: SummaryOrigin;
  actions?: ReactNode;
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

/** The organisation's verdict on the tool, on the first screen right under the tool's name. */
function VerdictLine({ model }: { model: OrganisationModel }) {
  if (!model.verdict) return null;
  const mark = verdictMark(model.verdict.value);
  return (
    <p className={`verdict ${model.verdict.value}`}>
      <span className={`mark mark-${mark}`} aria-hidden="true">
        {MARK_SIGNS[mark]}
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
  const disclosure = (id: DetailPart, title: string) => (
    <Disclosure
      key={id}
      id={id}
      title={title}
      open={open.includes(id)}
      onToggle={(isOpen) => setSectionOpen(id, isOpen)}
    >
      <DetailContent registry={registry} toolId={toolId} part={id} reveal={reveal} />
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
      {SUMMARY_SECTIONS.filter(
        (id) => (id !== 'notes' || glance.hasNotes) && (id !== 'assessments' || glance.assessment),
      ).map((id) => disclosure(id, t(`section.${id}`)))}
      {disclosure('sources', t('sources'))}
      <Suspense fallback={null}>
        <DetailContent registry={registry} toolId={toolId} part="footer" reveal={reveal} />
      </Suspense>
    </article>
  );
}
