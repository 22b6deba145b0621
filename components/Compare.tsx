import { Suspense, useState } from 'react';
import type { RegistryView } from '@/lib/registry/popup-registry';
import type { Tool } from '@/lib/registry/schema';
import { KEY_FACTS, keyFactRows } from '@/lib/summary';
import { readTool, useLang, useT } from './hooks';
import { FactText } from './KeyFacts';
import { ToolColumns } from './ToolColumns';

export const COMPARE_SLOTS = 3;

interface Props {
  registry: RegistryView;
  /** One tool id per column, COMPARE_SLOTS of them; an empty string is an unused column. */
  slots: readonly string[];
  onSelect: (slot: number, toolId: string) => void;
  copyText: (text: string) => Promise<void>;
}

/** The key facts of the chosen tools side by side, row by row, so differences stand out. */
function CompareTable({ registry, ids, copyText }: { registry: RegistryView; ids: readonly string[]; copyText: Props['copyText'] }) {
  const t = useT();
  const lang = useLang();
  const [copyStatus, setCopyStatus] = useState<'copied' | 'copyFailed' | null>(null);
  const tools = ids.map((id) => readTool(registry, id)).filter((tool): tool is Tool => tool !== null);
  const rows = tools.map((tool) => keyFactRows(tool, lang));
  if (tools.length < 2) return <p className="muted">{t('compareHint')}</p>;
  // The copy holds every structured fact, as the registry page's comparison does, not only the six rows shown
  // here. Its code loads on the click: the popup's start-up bundle stays as small as before.
  const copy = () =>
    import('@/lib/registry-page/compare')
      .then(({ comparisonMarkdown }) => copyText(comparisonMarkdown(tools, lang)))
      .then(
        () => setCopyStatus('copied'),
        () => setCopyStatus('copyFailed'),
      );
  return (
    <>
      <div className="summary-actions">
        <button type="button" onClick={copy}>
          {t('compareCopy')}
        </button>
        <span role="status" className="copy-status">
          {copyStatus && t(copyStatus)}
        </span>
      </div>
      <table className="compare-table">
        <caption className="visually-hidden">{t('compareTitle')}</caption>
        <thead>
          <tr>
            <ToolColumns tools={tools} />
          </tr>
        </thead>
        {KEY_FACTS.map((fact, index) => (
          <tbody key={fact} data-fact={fact}>
            <tr>
              <th scope="rowgroup" colSpan={tools.length} className="field">
                {rows[0]![index]!.label}
              </th>
            </tr>
            <tr>
              {rows.map((facts, column) => (
                <td key={tools[column]!.id}>
                  <FactText row={facts[index]!} withLabel={false} />
                </td>
              ))}
            </tr>
          </tbody>
        ))}
      </table>
    </>
  );
}

export function Compare({ registry, slots, onSelect, copyText }: Props) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="compare">
      <h1>{t('compareTitle')}</h1>
      <div className="compare-pickers">
        {slots.map((selected, slot) => (
          <label key={slot}>
            <span>{t('compareSlot', { n: slot + 1 })}</span>
            <select value={selected} onChange={(event) => onSelect(slot, event.target.value)}>
              <option value="">{t('compareNone')}</option>
              {registry.catalog.map((tool) => (
                <option key={tool.id} value={tool.id}>
                  {tool.name[lang]}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <Suspense fallback={null}>
        <CompareTable registry={registry} ids={slots.filter(Boolean)} copyText={copyText} />
      </Suspense>
    </div>
  );
}
