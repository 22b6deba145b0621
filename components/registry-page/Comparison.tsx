import { exportComparison, comparedFacts } from '@/lib/ui/registry-page/compare';
import type { TableData } from '@/lib/ui/registry-page/data';
import type { Policy } from '@/lib/shared/policy';
import type { Tool } from '@/lib/shared/registry/build/schema';
import { readTool, useLang, useT } from '../hooks';
import { CellContent } from './CellContent';
import { ToolColumns } from '../ToolColumns';
import { ExportActions, type ExportTools } from './ExportActions';

interface Props extends ExportTools {
  data: TableData;
  ids: readonly string[];
  /** The organisation's policy, whose verdict leads the comparison where one is set. */
  policy?: Policy | null;
}

/** The chosen tools side by side on every structured fact, one row per fact; suspends while their entries load. */
export function Comparison({ data, ids, policy = null, copyText, download }: Props) {
  const t = useT();
  const lang = useLang();
  const tools = ids.map((id) => readTool(data, id)).filter((tool): tool is Tool => tool !== null);
  const facts = tools.map((tool) => comparedFacts(tool, lang, policy));
  if (!tools.length) return null;
  return (
    <>
      <div className="table-scroll">
        <table className="data-table comparison-table">
          <caption className="visually-hidden">{t('compareTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('compareFact.fact')}</th>
              <ToolColumns tools={tools} />
            </tr>
          </thead>
          <tbody>
            {facts[0]!.map((first, index) => (
              <tr key={first.id} data-fact={first.id}>
                <th scope="row">{first.label}</th>
                {facts.map((columns, column) => {
                  return (
                    <td key={tools[column]!.id}>
                      <CellContent cell={columns[index]!.cell} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ExportActions
        label={t('exportComparison')}
        fileName={`meeting-tools-${tools.map((tool) => tool.id).join('-')}`}
        table={() => exportComparison(tools, lang, policy)}
        copyText={copyText}
        download={download}
      />
    </>
  );
}
