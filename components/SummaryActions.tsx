import { useState } from 'react';
import { summaryToMarkdown } from '@/lib/markdown';
import type { RegistryView } from '@/lib/registry/popup-registry';
import { usePopupStore } from '@/lib/store';
import { buildSummary } from '@/lib/summary';
import { useLang, useT } from './hooks';

interface Props {
  registry: RegistryView;
  toolId: string;
  pinned: boolean;
  onTogglePin: () => void;
  onCompare: () => void;
  copyText: (text: string) => Promise<void>;
}

/** Pin, compare and copy-as-Markdown for the summary on screen. */
export function SummaryActions({ registry, toolId, pinned, onTogglePin, onCompare, copyText }: Props) {
  const t = useT();
  const lang = useLang();
  const policy = usePopupStore((state) => state.policy);
  const [copyStatus, setCopyStatus] = useState<'copied' | 'copyFailed' | null>(null);
  const name = registry.byId.get(toolId)?.name[lang] ?? toolId;

  const copy = () =>
    registry
      .load(toolId)
      .then((tool) => (tool ? copyText(summaryToMarkdown(buildSummary(tool, lang, registry.dataAsOf, policy), lang)) : Promise.reject(new Error(toolId))))
      .then(
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
