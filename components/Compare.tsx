import { assessmentLine, KEY_FACTS, keyFactRows, type Glance, type KeyFactRow } from '@/lib/key-facts';
import type { RegistryView } from '@/lib/registry/popup-registry';
import { useLang, useT } from './hooks';
import { FactText } from './KeyFacts';

export const COMPARE_SLOTS = 3;

interface Props {
  registry: RegistryView;
  /** One tool id per column, COMPARE_SLOTS of them; an empty string is an unused column. */
  slots: readonly string[];
  onSelect: (slot: number, toolId: string) => void;
}

/**
 * The key facts and the newest assessment of the chosen tools side by side, row by row, so differences stand
 * out. Read from the first-screen projection, so it renders at once, without loading whole entries.
 */
function CompareTable({ registry, ids }: { registry: RegistryView; ids: readonly string[] }) {
  const t = useT();
  const lang = useLang();
  const tools = ids.flatMap((id) => {
    const glance = registry.glance(id);
    const entry = registry.byId.get(id);
    return glance && entry ? [{ id, name: entry.name, glance }] : [];
  });
  const assessmentRow = (glance: Glance): KeyFactRow => {
    const line = assessmentLine(glance, lang);
    return { id: 'who', label: t('fact.assessment'), mark: line?.mark ?? 'unknown', text: line?.text ?? t('assessment.none'), unconfirmed: line?.unconfirmed ?? false, section: 'assessments' };
  };
  const rows = tools.map(({ glance }) => [...keyFactRows(glance, lang), assessmentRow(glance)]);
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
      {[...KEY_FACTS, 'assessment'].map((fact, index) => (
        <tbody key={fact} data-fact={fact}>
          <tr>
            <th scope="rowgroup" colSpan={tools.length} className="field">
              {rows[0]![index]!.label}
            </th>
          </tr>
          <tr>
            {rows.map((facts, column) => (
              <td key={tools[column]!.id}>
                <FactText row={facts[index]!} />
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
      <CompareTable registry={registry} ids={slots.filter(Boolean)} />
    </div>
  );
}
