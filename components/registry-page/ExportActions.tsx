import { useId, useState } from 'react';
import { toCsv, toMarkdownTable, type TextTable } from '@/lib/ui/export';
import { useT } from '../hooks';

export interface ExportTools {
  copyText: (text: string) => Promise<void>;
  download: (fileName: string, text: string, type: string) => void;
}

interface Props extends ExportTools {
  label: string;
  /** The file name without extension. */
  fileName: string;
  /** Built when asked, so a table is not serialised on every render. */
  table: () => TextTable;
}

/** Download or copy one table as CSV or Markdown. */
export function ExportActions({ label, fileName, table, copyText, download }: Props) {
  const t = useT();
  const id = useId();
  const [status, setStatus] = useState<'copied' | 'copyFailed' | null>(null);
  const copy = (text: string) =>
    copyText(text).then(
      () => setStatus('copied'),
      () => setStatus('copyFailed'),
    );
  return (
    <div className="export-actions" role="group" aria-labelledby={id}>
      <span id={id} className="export-label">
        {label}
      </span>
      <button type="button" onClick={() => download(`${fileName}.csv`, toCsv(table()), 'text/csv;charset=utf-8')}>
        {t('downloadCsv')}
      </button>
      <button
        type="button"
        onClick={() => download(`${fileName}.md`, toMarkdownTable(table()), 'text/markdown;charset=utf-8')}
      >
        {t('downloadMarkdown')}
      </button>
      <button type="button" onClick={() => copy(toCsv(table()).replace(/^\uFEFF/, ''))}>
        {t('copyCsv')}
      </button>
      <button type="button" onClick={() => copy(toMarkdownTable(table()))}>
        {t('copyMarkdown')}
      </button>
      <span role="status" className="copy-status">
        {status && t(status)}
      </span>
    </div>
  );
}
