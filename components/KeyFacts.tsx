import { MARK_SIGNS, type KeyFactRow, type Mark } from '@/lib/summary';
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

/** One key fact as text: its mark, the fact, and whether the evidence leaves it open. */
export function FactText({ row, withLabel = true }: { row: KeyFactRow; withLabel?: boolean }) {
  const t = useT();
  return (
    <>
      <FactMark mark={row.mark} />
      <span className="fact-text">
        {withLabel && <strong className="fact-label">{row.label}: </strong>}
        {row.text}
        {row.unconfirmed && <span className="tag">{t('unconfirmed')}</span>}
      </span>
    </>
  );
}

/** The first screen's answer: who processes, where data goes, recording, AI, encryption, agreement. Each row opens its details. */
export function KeyFacts({ rows, onOpen }: { rows: readonly KeyFactRow[]; onOpen: (row: KeyFactRow) => void }) {
  const t = useT();
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
      </ul>
    </section>
  );
}
