import { Suspense, useEffect, useMemo, useState } from 'react';
import { formatDate } from '@/lib/shared/i18n';
import type { TableData } from '@/lib/ui/registry-page/data';
import {
  columnsFor,
  exportTable,
  filtersFor,
  sortRows,
  tableRows,
  type Filter,
  type SortOrder,
} from '@/lib/ui/registry-page/table';
import { filterTools } from '@/lib/ui/search';
import { usePopupStore } from '@/lib/ui/store';
import { Header } from '../Header';
import { useLang, useT } from '../hooks';
import { CellContent } from './CellContent';
import { Comparison } from './Comparison';
import { ExportActions, type ExportTools } from './ExportActions';

/** How many tools a comparison holds: as many columns as still read side by side. */
export const MAX_PICKS = 3;

interface Props extends ExportTools {
  data: TableData;
  /** Tools to compare from the start (the popup's "All tools as a table" passes the tool on screen). */
  initialPicks?: readonly string[];
}

/**
 * The whole registry as one table, for those who choose and approve tools: search, filters, sorting by any
 * column, up to three tools compared on every fact, and exports of either as CSV or Markdown.
 */
export function RegistryPage({ data, initialPicks = [], copyText, download }: Props) {
  const t = useT();
  const lang = useLang();
  const setLang = usePopupStore((state) => state.setLang);
  const policy = usePopupStore((state) => state.policy.policy);
  const columns = useMemo(() => columnsFor(policy), [policy]);
  const filtersShown = useMemo(() => filtersFor(policy), [policy]);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<ReadonlySet<Filter['id']>>(new Set());
  const [order, setOrder] = useState<SortOrder>({ column: 'tool', direction: 'ascending' });
  const [picks, setPicks] = useState<readonly string[]>(() =>
    initialPicks.filter((id) => id in data.rows).slice(0, MAX_PICKS),
  );

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t('registryTitle')} · ${t('appName')}`;
  }, [lang, t]);

  const all = useMemo(() => tableRows(data.catalog, data.rows, lang, policy), [data, lang, policy]);
  const shown = useMemo(() => {
    const found = new Set(filterTools(data.catalog, query, data.aliases).map((entry) => entry.id));
    const passing = all.filter(
      (row) => found.has(row.entry.id) && filtersShown.every((filter) => !filters.has(filter.id) || filter.test(row)),
    );
    return sortRows(passing, order, lang, columns);
  }, [all, data, query, filters, filtersShown, order, lang, columns]);

  const toggleFilter = (id: Filter['id']) =>
    setFilters((now) => new Set(now.has(id) ? [...now].filter((other) => other !== id) : [...now, id]));
  const togglePick = (id: string) =>
    setPicks((now) => (now.includes(id) ? now.filter((other) => other !== id) : [...now, id].slice(0, MAX_PICKS)));
  const sortBy = (column: string) =>
    setOrder((now) => ({
      column,
      direction: now.column === column && now.direction === 'ascending' ? 'descending' : 'ascending',
    }));
  const nameOf = (id: string) => data.catalog.find((entry) => entry.id === id)?.name[lang] ?? id;

  return (
    <>
      <Header onLang={setLang} />
      <main className="registry-page">
        <h1>{t('registryTitle')}</h1>
        <p>{t('registryIntro', { count: all.length, date: formatDate(data.dataAsOf, lang) })}</p>
        <p className="muted">{t('markLegend')}</p>

        <div className="controls">
          <label className="search">
            <span>{t('searchLabel')}</span>
            <input
              type="search"
              value={query}
              placeholder={t('searchPlaceholder')}
              aria-controls="registry-table"
              onChange={(event) => setQuery(event.target.value)}
            />
          </label>
          <fieldset className="filters">
            <legend>{t('filtersLegend')}</legend>
            {filtersShown.map((filter) => (
              <label key={filter.id}>
                <input
                  type="checkbox"
                  name="filter"
                  value={filter.id}
                  checked={filters.has(filter.id)}
                  onChange={() => toggleFilter(filter.id)}
                />{' '}
                {t(`filter.${filter.id}`)}
              </label>
            ))}
          </fieldset>
        </div>

        <section className="comparison" aria-labelledby="comparison-heading">
          <div className="section-head">
            <h2 id="comparison-heading">{t('compareTitle')}</h2>
            {picks.length > 0 && (
              <button type="button" onClick={() => setPicks([])}>
                {t('clearPicks')}
              </button>
            )}
          </div>
          <p className="muted">
            {picks.length
              ? `${t('comparePicked', { count: picks.length })}: ${picks.map(nameOf).join(', ')}`
              : t('comparePickHint')}
          </p>
          <Suspense fallback={null}>
            <Comparison data={data} ids={picks} policy={policy} copyText={copyText} download={download} />
          </Suspense>
        </section>

        <section className="all-tools" aria-labelledby="table-heading">
          <h2 id="table-heading">{t('allTools')}</h2>
          <ExportActions
            label={t('exportTable')}
            fileName={`meeting-tools-${data.dataAsOf}`}
            table={() => exportTable(shown, lang, columns)}
            copyText={copyText}
            download={download}
          />
          <p className="muted" role="status" aria-live="polite">
            {shown.length ? t('resultCount', { count: shown.length }) : t('noResults', { query })}
          </p>
          <div className="table-scroll">
            <table id="registry-table" className="data-table registry-table">
              <caption className="visually-hidden">
                {t('tableCaption', { shown: shown.length, total: all.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t('compare')}</span>
                  </th>
                  {columns.map((column) => (
                    <th
                      key={column.id}
                      scope="col"
                      data-column={column.id}
                      aria-sort={order.column === column.id ? order.direction : undefined}
                    >
                      <button type="button" className="sort" onClick={() => sortBy(column.id)}>
                        {column.label(t)}
                        <span aria-hidden="true" className="sort-sign">
                          {order.column === column.id ? (order.direction === 'ascending' ? '▲' : '▼') : '↕'}
                        </span>
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => {
                  const name = row.entry.name[lang];
                  const picked = picks.includes(row.entry.id);
                  return (
                    <tr key={row.entry.id} data-tool={row.entry.id}>
                      <td className="pick">
                        <input
                          type="checkbox"
                          aria-label={t('pickLabel', { tool: name })}
                          checked={picked}
                          disabled={!picked && picks.length >= MAX_PICKS}
                          onChange={() => togglePick(row.entry.id)}
                        />
                      </td>
                      {columns.map((column) => {
                        if (column.id === 'tool') {
                          return (
                            <th key={column.id} scope="row">
                              {name}
                              {row.entry.status.state === 'discontinued' && (
                                <span className="tag muted-tag">{t('discontinuedShort')}</span>
                              )}
                            </th>
                          );
                        }
                        return (
                          <td key={column.id} data-column={column.id}>
                            <CellContent cell={column.cell(row, lang, t)} />
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      </main>
    </>
  );
}
