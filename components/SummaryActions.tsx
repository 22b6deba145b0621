import { useState } from 'react';
import { summaryToMarkdown } from '@/lib/markdown';
import type { Tool } from '@/lib/registry/schema';
import { buildSummary } from '@/lib/summary';
import { useLang, useT } from './hooks';

interface Props {
  tool: Tool;
  dataAsOf: string;
  pinned: boolean;
  onTogglePin: () => void;
  onCompare: () => void;
  copyText: (text: string) => Promise<void>;
}

/** Pin, compare and copy-as-Markdown for the summary on screen. */
export function SummaryActions({ tool, dataAsOf, pinned, onTogglePin, onCompare, copyText }: Props) {
  const t = useT();
  const lang = useLang();
  const [copyStatus, setCopyStatus] = useState<'copied' | 'copyFailed' | null>(null);
  const name = tool.name[lang];

  const copy = () =>
    copyText(summaryToMarkdown(buildSummary(tool, lang, dataAsOf), lang)).then(
      () => setCopyStatus('copied'),
      () => setCopyStatus('copyFailed'),
    );

  return (
    <div className="summary-actions">
      <button type="button" aria-pressed={pinned} aria-label={t(pinned ? 'unpinLabel' : 'pinLabel', { tool: name })} onClick={onTogglePin}>
        <span aria-hidden="true">{pinned ? '★' : '☆'}</span> {t(pinned ? 'pinned' : 'pin')}
      </button>
      <button type="button" onClick={onCompare}>
        {t('compare')}
      </button>
      <button type="button" onClick={copy}>
        {t('copyMarkdown')}
      </button>
      <span role="status" className="copy-status">
        {copyStatus && t(copyStatus)}
      </span>
    </div>
  );
}
