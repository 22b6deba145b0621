import { Suspense } from 'react';
import type { RegistryView } from '@/lib/registry/popup-registry';
import type { Tool } from '@/lib/registry/schema';
import { verdictFor } from '@/lib/policy';
import { usePopupStore } from '@/lib/store';
import { KEY_FACTS, keyFactRows, organisationModel } from '@/lib/summary';
import { readTool, useLang, useT } from './hooks';
import { FactMark, FactText } from './KeyFacts';
import { LineList } from './LineView';

export const COMPARE_SLOTS = 3;

interface Props {
  registry: RegistryView;
  /** One tool id per column, COMPARE_SLOTS of them; an empty string is an unused column. */
  slots: readonly string[];
  onSelect: (slot: number, toolId: string) => void;
}

/** The key facts of the chosen tools side by side, row by row, so differences stand out. */
function CompareTable({ registry, ids }: { registry: RegistryView; ids: readonly string[] }) {
  const t = useT();
  const lang = useLang();
  const tools = ids.map((id) => readTool(registry, id)).filter((tool): tool is Tool => tool !== null);
  const rows = tools.map((tool) => keyFactRows(tool, lang));
  const parsed = usePopupStore((state) => state.policy);
  const { policy } = parsed;
  if (tools.length < 2) return <p className="muted">{t('compareHint')}</p>;
  return (
    <table className="compare-table">
      <caption className="visually-hidden">{t('compareTitle')}</caption>
      <thead>
        <tr>
          {tools.map((tool) => (
            <th key={tool.id} scope="col">
              {tool.name[lang]}
            </th>
          ))}
        </tr>
      </thead>
      {policy && (
        <tbody data-fact="organisation">
          <tr>
            <th scope="rowgroup" colSpan={tools.length} className="field">
              {t('policy.compareRow', { org: policy.organisation.name ?? t('policy.unnamed') })}
            </th>
          </tr>
          <tr>
            {tools.map((tool) => {
              const verdict = verdictFor(policy, tool.id);
              return (
                <td key={tool.id}>
                  <FactMark mark={verdict === 'approved' ? 'ok' : verdict ? 'caution' : 'unknown'} />
                  <span className="fact-text">{t(`verdictShort.${verdict ?? 'none'}`)}</span>
                  {/* Its notice and contact are the same in every column, so only its terms are compared. */}
                  <LineList lines={organisationModel(parsed, tool.id, lang)?.terms ?? []} />
                </td>
              );
            })}
          </tr>
        </tbody>
      )}
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
  );
}

export function Compare({ registry, slots, onSelect }: Props) {
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
        <CompareTable registry={registry} ids={slots.filter(Boolean)} />
      </Suspense>
    </div>
  );
}
