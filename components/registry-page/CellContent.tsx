import type { Cell } from '@/lib/ui/registry-page/table';
import { useT } from '../hooks';
import { FactMark } from '../KeyFacts';

/** A table cell's content: the popup's mark where the fact has one, the words, and whether the evidence leaves it open. */
export function CellContent({ cell }: { cell: Cell }) {
  const t = useT();
  return (
    <>
      {cell.mark && <FactMark mark={cell.mark} />} {cell.text}
      {cell.unconfirmed && <span className="tag">{t('unconfirmed')}</span>}
    </>
  );
}
