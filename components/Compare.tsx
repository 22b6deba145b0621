import type { ReactNode } from 'react';
import { citeArticle, describeMechanisms, describeThirdCountry } from '@/lib/format';
import type { RegistryView } from '@/lib/registry/view';
import type { Tool } from '@/lib/registry/schema';
import { useLang, useT, useTools } from './hooks';
import { Unconfirmed } from './Unconfirmed';

export const COMPARE_SLOTS = 3;

interface Props {
  registry: RegistryView;
  /** Tool ids per column; an empty string is an unused column. */
  selection: readonly string[];
  onSelect: (slot: number, toolId: string) => void;
}

/** Side-by-side key fields of two or three tools. */
export function Compare({ registry, selection, onSelect }: Props) {
  const t = useT();
  const lang = useLang();
  const tools = useTools(registry, selection).filter((tool): tool is Tool => Boolean(tool));

  const row = (label: string, cell: (tool: Tool) => ReactNode) => (
    <tbody key={label}>
      <tr>
        <th scope="rowgroup" colSpan={tools.length} className="field">
          {label}
        </th>
      </tr>
      <tr>
        {tools.map((tool) => (
          <td key={tool.id}>{cell(tool)}</td>
        ))}
      </tr>
    </tbody>
  );

  return (
    <div className="compare">
      <h1>{t('compareTitle')}</h1>
      <div className="compare-pickers">
        {Array.from({ length: COMPARE_SLOTS }, (_, slot) => (
          <label key={slot}>
            <span>{t('compareSlot', { n: slot + 1 })}</span>
            <select value={selection[slot] ?? ''} onChange={(event) => onSelect(slot, event.target.value)}>
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
      {tools.length < 2 ? (
        <p className="muted">{t('compareHint')}</p>
      ) : (
        <table className="compare-table" style={{ ['--columns' as string]: tools.length }}>
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
          {row(t('collected'), (tool) => (
            <ul>
              {tool.collected.map((group) => (
                <li key={group.category}>{t(`category.${group.category}`)}</li>
              ))}
            </ul>
          ))}
          {row(t('legalBases'), (tool) => (
            <ul>
              {tool.legalBases.map((basis) => (
                <li key={basis.article}>{citeArticle(basis.article, lang)}</li>
              ))}
            </ul>
          ))}
          {row(t('retention'), (tool) => (
            <ul>
              {tool.retention.map((rule) => (
                <li key={rule.trigger.en}>{rule.trigger[lang]}</li>
              ))}
            </ul>
          ))}
          {row(t('transfer'), (tool) => (
            <>
              <p>{describeThirdCountry(tool.transfer, lang)}</p>
              <p className="muted">{describeMechanisms(tool.transfer, lang)}</p>
              <Unconfirmed note={tool.transfer.unconfirmed} />
            </>
          ))}
          {row(t('dpa'), (tool) => t(`dpa.${tool.dpa.status}`))}
        </table>
      )}
    </div>
  );
}
