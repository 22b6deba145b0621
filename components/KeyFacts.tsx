import { MARK_SIGNS, type AssessmentLine, type KeyFactRow, type Mark } from '@/lib/shared/key-facts';
import { useT } from './hooks';

/** A fact's status mark: a shape with its own sign and a spoken name, so colour is never the only cue. */
export function FactMark({ mark }: { mark: Mark }) {
  const t = useT();
  return (
    <span className={`mark mark-${mark}`} role="img" aria-label={t(`mark.${mark}`)} title={t(`mark.${mark}`)}>
      {MARK_SIGNS[mark]}
    </span>
  );
}

/** The quiet sign on a fact the evidence leaves open; the line under the rows explains it. */
export function OpenMarker({ open }: { open: boolean }) {
  const t = useT();
  if (!open) return null;
  return (
    <span className="open-marker" role="img" aria-label={t('unconfirmedMark')} title={t('unconfirmedMark')}>
      *
    </span>
  );
}

/** One key fact as text: its mark and its sentence, which names its subject, so no label is needed. */
export function FactText({ row }: { row: KeyFactRow }) {
  return (
    <>
      <FactMark mark={row.mark} />
      <span className="fact-text">
        {row.text}
        <OpenMarker open={row.unconfirmed} />
      </span>
    </>
  );
}

/**
 * The first screen's answer: who is responsible, where data goes, recording, AI, encryption, the newest
 * assessment, one line on what is not confirmed, the legend, and the way to what a participant can do.
 * Each row opens its details.
 */
export function KeyFacts({
  rows,
  assessment,
  onOpen,
  onOpenAssessments,
  onOpenActions,
}: {
  rows: readonly KeyFactRow[];
  /** The newest assessment no newer one replaces, where one is recorded. */
  assessment: AssessmentLine | null;
  onOpen: (row: KeyFactRow) => void;
  onOpenAssessments: () => void;
  onOpenActions: () => void;
}) {
  const t = useT();
  const anyOpen = rows.some((row) => row.unconfirmed) || Boolean(assessment?.unconfirmed);
  return (
    <section className="key-facts" aria-labelledby="key-facts-title">
      <h2 id="key-facts-title" className="visually-hidden">
        {t('keyFacts')}
      </h2>
      <ul>
        {rows.map((row) => (
          <li key={row.id}>
            <button type="button" className="fact" data-fact={row.id} onClick={() => onOpen(row)}>
              <FactText row={row} />
              <span className="chevron" aria-hidden="true">
                ›
              </span>
            </button>
          </li>
        ))}
        {assessment && (
          <li>
            <button type="button" className="fact" data-fact="assessment" onClick={onOpenAssessments}>
              <FactMark mark={assessment.mark} />
              <span className="fact-text">
                <strong className="fact-label">{assessment.label}: </strong>
                {assessment.text}
                <OpenMarker open={assessment.unconfirmed} />
              </span>
              <span className="chevron" aria-hidden="true">
                ›
              </span>
            </button>
          </li>
        )}
      </ul>
      {anyOpen && (
        <details className="open-note">
          <summary>{t('unconfirmedLine')}</summary>
          <p>{t('unconfirmedWhy')}</p>
        </details>
      )}
      <p className="legend muted">
        {(['ok', 'caution', 'info', 'unknown'] as const).map((mark) => (
          <span key={mark}>
            <span className={`mark mark-${mark}`} aria-hidden="true">
              {MARK_SIGNS[mark]}
            </span>{' '}
            {t(`mark.${mark}`)}
          </span>
        ))}
      </p>
      <button type="button" className="actions-link" data-fact="actions" onClick={onOpenActions}>
        {t('actionsButton')} <span aria-hidden="true">›</span>
      </button>
    </section>
  );
}
