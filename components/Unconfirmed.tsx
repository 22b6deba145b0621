import { useT } from './hooks';

/** Marks a fact the evidence does not confirm, saying what is open. */
export function Unconfirmed({ note }: { note: string | undefined }) {
  const t = useT();
  if (!note) return null;
  return (
    <span className="unconfirmed">
      <span className="tag">{t('unconfirmed')}:</span> {note}
    </span>
  );
}
