import { useState } from 'react';
import { assessmentLine, KEY_FACTS, keyFactRows, type Glance, type KeyFactRow } from '@/lib/shared/key-facts';
import type { RegistryView } from '@/lib/ui/popup-registry';
import type { Tool } from '@/lib/shared/registry/build/schema';
import { verdictFor, verdictMark } from '@/lib/shared/policy';
import { usePopupStore } from '@/lib/ui/store';
import { organisationModel } from '@/lib/ui/organisation';
import { useLang, useT } from './hooks';
import { FactMark, FactText } from './KeyFacts';
import { LineList } from './LineView';
import { ToolColumns } from './ToolColumns';

export const COMPARE_SLOTS = 3;

interface Props {
  registry: RegistryView;
  /** One tool id per column, COMPARE_SLOTS of them; an empty string is an unused column. */
  slots: readonly string[];
  onSelect: (slot: number, toolId: string) => void;
  copyText: (text: string) => Promise<void>;
}

/**
 * The key facts and the newest assessment of the chosen tools side by side, row by row, so differences stand
 * out. Read from the first-screen projection, so it renders at once, without loading whole entries.
 */
function CompareTable({
  registry,
  ids,
  copyText,
}: {
  registry: RegistryView;
  ids: readonly string[];
  copyText: Props['copyText'];
}) {
  const t = useT();
  const lang = useLang();
  const [copyStatus, setCopyStatus] = useState<'copied' | 'copyFailed' | null>(null);
  const tools = ids.flatMap((id) => {
    const glance = registry.glance(id);
    const entry = registry.byId.get(id);
    return glance && entry ? [{ id, name: entry.name, glance }] : [];
  });
  const assessmentRow = (glance: Glance): KeyFactRow => {
    const line = assessmentLine(glance, lang);
    return {
      id: 'who',
      label: t('fact.assessment'),
      mark: line?.mark ?? 'unknown',
      text: line?.text ?? t('assessment.none'),
      unconfirmed: line?.unconfirmed ?? false,
      section: 'assessments',
    };
  };
  const rows = tools.map(({ glance }) => [...keyFactRows(glance, lang), assessmentRow(glance)]);
  const parsed = usePopupStore((state) => state.policy);
  const { policy } = parsed;
  if (tools.length < 2) return <p className="muted">{t('compareHint')}</p>;
  // The copy holds every structured fact, as the registry page's comparison does, not only the rows shown here.
  // Its code and the full entries load on the click: the popup's start-up bundle stays as small as before.
  const copy = () =>
    Promise.all([import('@/lib/ui/registry-page/compare'), Promise.all(tools.map(({ id }) => registry.load(id)))])
      .then(([{ comparisonMarkdown }, entries]) =>
        copyText(
          comparisonMarkdown(
            entries.filter((entry): entry is Tool => entry !== null),
            lang,
            policy,
          ),
        ),
      )
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
                    <FactMark mark={verdictMark(verdict)} />
                    <span className="fact-text">{t(`verdictShort.${verdict ?? 'none'}`)}</span>
                    {/* Its notice and contact are the same in every column, so only its terms are compared. */}
                    <LineList lines={organisationModel(parsed, tool.id, lang)?.terms ?? []} />
                  </td>
                );
              })}
            </tr>
          </tbody>
        )}
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
      <CompareTable registry={registry} ids={slots.filter(Boolean)} copyText={copyText} />
    </div>
  );
}
