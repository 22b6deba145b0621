import type { Text } from '@/lib/registry/schema';
import { useLang, useT } from './hooks';

/** Marks a fact the sources could not confirm, saying what is open. */
export function Unconfirmed({ note }: { note: Text | undefined }) {
  const t = useT();
  const lang = useLang();
  if (!note) return null;
  return (
    <p className="unconfirmed">
      <span className="tag">{t('unconfirmed')}</span> {note[lang]}
    </p>
  );
}
