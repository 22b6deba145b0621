import { formatList, translator, type Translate } from '@/lib/shared/i18n';
import type { Lang } from '@/lib/shared/lang';
import type { CatalogEntry } from '@/lib/shared/registry/catalog';
import type { TableRowInput } from '@/lib/shared/registry/build/projections';
import {
  agreementMark,
  assessmentLine,
  keyFactRows,
  MARK_SIGNS,
  type KeyFactId,
  type KeyFactRow,
  type Mark,
} from '@/lib/shared/key-facts';
import type { TextTable } from '@/lib/ui/export';
import { verdictFor, verdictMark, type Policy, type Verdict } from '@/lib/shared/policy';
import './strings';

/** One tool as the registry page's table shows it: its catalog entry, its projected facts, its key facts in the display language. */
export interface TableRow {
  entry: CatalogEntry;
  input: TableRowInput;
  facts: Readonly<Record<KeyFactId, KeyFactRow>>;
  /** The organisation's verdict, where its policy sets one for this tool (or a default). */
  verdict?: Verdict;
}

export interface Cell {
  text: string;
  mark?: Mark;
  unconfirmed?: boolean;
}

/** A column of the table: adding a column is adding one entry to COLUMNS, with its label, cell and sort order. */
export interface Column {
  id: string;
  label: (t: Translate) => string;
  cell: (row: TableRow, lang: Lang, t: Translate) => Cell;
}

const MARK_ORDER: readonly Mark[] = ['ok', 'info', 'caution', 'unknown'];

/** A key fact of the first screen as a column, with the same mark and words as the popup. */
const keyFactColumn = (id: KeyFactId): Column => ({
  id,
  label: (t) => t(`fact.${id}`),
  cell: ({ facts }) => ({ text: facts[id].text, mark: facts[id].mark, unconfirmed: facts[id].unconfirmed }),
});

/** The organisation's verdict as a cell, with the popup's words and mark. */
export const verdictCell = (verdict: Verdict | undefined, t: Translate): Cell => ({
  text: t(`verdictShort.${verdict ?? 'none'}`),
  mark: verdictMark(verdict),
});

/** The heading of the organisation's verdict: "Verdict of ACME GmbH". */
export const verdictLabel = (policy: Policy, t: Translate): string =>
  t('policy.compareRow', { org: policy.organisation.name ?? t('policy.unnamed') });

/** The column the organisation's policy adds: its verdict, with the popup's marks. */
const verdictColumn = (policy: Policy): Column => ({
  id: 'verdict',
  label: (t) => verdictLabel(policy, t),
  cell: ({ verdict }, _, t) => verdictCell(verdict, t),
});

/** The provider's facts, for every reader; {@link columnsFor} adds the organisation's verdict where a policy is set. */
export const COLUMNS: readonly Column[] = [
  { id: 'tool', label: (t) => t('column.tool'), cell: ({ entry }, lang) => ({ text: entry.name[lang] }) },
  keyFactColumn('who'),
  keyFactColumn('where'),
  {
    id: 'basis',
    label: (t) => t('column.basis'),
    cell: ({ input: { transfer } }, lang, t) => ({
      text: formatList(
        transfer.mechanisms.map((mechanism) => t(`mechanism.${mechanism}`)),
        lang,
      ),
      unconfirmed: Boolean(transfer.unconfirmed),
    }),
  },
  {
    id: 'residency',
    label: (t) => t('residency'),
    cell: ({ input: { residency } }, _, t) => ({
      text: t(`residency.${residency.available}`),
      unconfirmed: Boolean(residency.unconfirmed),
    }),
  },
  keyFactColumn('recording'),
  keyFactColumn('ai'),
  keyFactColumn('e2ee'),
  {
    // The agreement keeps its own column here, with the first screen's mark (authorities' findings included).
    id: 'agreement',
    label: (t) => t('section.dpa'),
    cell: ({ input }, _, t) => ({
      text:
        input.dpa.status === 'not-applicable'
          ? t(`dpa.not-applicable.${input.dpa.reason ?? 'consumer-service'}`)
          : t(`dpa.${input.dpa.status}`),
      mark: agreementMark(input),
      unconfirmed: Boolean(input.dpa.unconfirmed),
    }),
  },
  {
    id: 'assessment',
    label: (t) => t('fact.assessment'),
    cell: ({ input }, lang, t) => {
      const line = assessmentLine(input, lang);
      return line
        ? { text: line.text, mark: line.mark, unconfirmed: line.unconfirmed }
        : { text: t('assessment.none') };
    },
  },
];

/** The table's columns: the organisation's verdict comes right after the tool's name, where a policy is set. */
export function columnsFor(policy: Policy | null): readonly Column[] {
  return policy ? [COLUMNS[0]!, verdictColumn(policy), ...COLUMNS.slice(1)] : COLUMNS;
}

export function tableRows(
  entries: readonly CatalogEntry[],
  inputs: Readonly<Record<string, TableRowInput>>,
  lang: Lang,
  policy: Policy | null = null,
): TableRow[] {
  return entries.flatMap((entry) => {
    const input = inputs[entry.id];
    if (!input) return [];
    const facts = Object.fromEntries(keyFactRows(input, lang).map((fact) => [fact.id, fact])) as Record<
      KeyFactId,
      KeyFactRow
    >;
    const verdict = verdictFor(policy, entry.id);
    return [{ entry, input, facts, ...(verdict && { verdict }) }];
  });
}

/** A filter of the table: one entry per checkbox, each narrowing the rows to those that pass. */
export interface Filter {
  id: 'approved' | 'eu-only' | 'e2ee-default' | 'active';
  test: (row: TableRow) => boolean;
}

/** Only where a policy is set: the tools the organisation approved. */
const APPROVED: Filter = { id: 'approved', test: ({ verdict }) => verdict === 'approved' };

export const FILTERS: readonly Filter[] = [
  /** No transfer to a third country at all: "depends on who runs the server" does not count. */
  { id: 'eu-only', test: ({ input }) => input.transfer.thirdCountry === false },
  {
    id: 'e2ee-default',
    test: ({ input }) => input.keyFacts.e2ee.available === 'yes' && input.keyFacts.e2ee.defaultOn === true,
  },
  { id: 'active', test: ({ entry }) => entry.status.state === 'active' },
];

/** The table's filters: "approved here" first, where a policy is set. */
export function filtersFor(policy: Policy | null): readonly Filter[] {
  return policy ? [APPROVED, ...FILTERS] : FILTERS;
}

export type SortOrder = { column: string; direction: 'ascending' | 'descending' };

/**
 * Sorts rows by a column: cells with a mark by the mark (in your favour first), then by their words, in the
 * display language's collation. Ties keep the given order.
 */
export function sortRows(
  rows: readonly TableRow[],
  { column, direction }: SortOrder,
  lang: Lang,
  columns: readonly Column[] = COLUMNS,
): TableRow[] {
  const spec = columns.find((candidate) => candidate.id === column) ?? columns[0]!;
  const t = translator(lang);
  const collator = new Intl.Collator(lang);
  const keyed = rows.map((row) => ({ row, cell: spec.cell(row, lang, t) }));
  const sign = direction === 'ascending' ? 1 : -1;
  keyed.sort((a, b) => {
    const byMark = a.cell.mark && b.cell.mark ? MARK_ORDER.indexOf(a.cell.mark) - MARK_ORDER.indexOf(b.cell.mark) : 0;
    return sign * (byMark || collator.compare(a.cell.text, b.cell.text));
  });
  return keyed.map(({ row }) => row);
}

/** A cell as exported text: the popup's sign before a marked fact, "(Unconfirmed)" after an open one. */
export function cellText(cell: Cell, t: Translate): string {
  return `${cell.mark ? `${MARK_SIGNS[cell.mark]} ` : ''}${cell.text}${cell.unconfirmed ? ` (${t('unconfirmed')})` : ''}`;
}

/** The rows on screen, in their order, as a table to export. */
export function exportTable(rows: readonly TableRow[], lang: Lang, columns: readonly Column[] = COLUMNS): TextTable {
  const t = translator(lang);
  return {
    header: columns.map((column) => column.label(t)),
    rows: rows.map((row) => columns.map((column) => cellText(column.cell(row, lang, t), t))),
  };
}
