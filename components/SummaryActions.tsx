import { useState } from 'react';
import type { Lang } from '@/lib/lang';
import { summaryToMarkdown } from '@/lib/markdown';
import { summaryToPlainText } from '@/lib/plain-text';
import type { RegistryView } from '@/lib/registry/popup-registry';
import { buildSummary, type SummaryModel } from '@/lib/summary';
import { useLang, useT } from './hooks';
import { RegistryPageLink } from './RegistryPageLink';

interface Props {
  registry: RegistryView;
  toolId: string;
  pinned: boolean;
  onTogglePin: () => void;
  onCompare: () => void;
  copyText: (text: string) => Promise<void>;
}

/** Pin, compare, the two copies (plain text for mail and chat, Markdown in full) and the way to the registry page. */
export function SummaryActions({ registry, toolId, pinned, onTogglePin, onCompare, copyText }: Props) {
  const t = useT();
  const lang = useLang();
  const [copyStatus, setCopyStatus] = useState<'copied' | 'copyFailed' | null>(null);
  const name = registry.byId.get(toolId)?.name[lang] ?? toolId;

  const copy = (format: (model: SummaryModel, lang: Lang) => string) =>
    registry
      .load(toolId)
      .then((tool) => (tool ? copyText(format(buildSummary(tool, lang, registry.dataAsOf), lang)) : Promise.reject(new Error(toolId))))
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
      <button type="button" onClick={() => copy(summaryToPlainText)}>
        {t('copySummary')}
      </button>
      <button type="button" onClick={() => copy(summaryToMarkdown)}>
        {t('copyMarkdown')}
      </button>
      <RegistryPageLink pick={toolId} />
      <span role="status" className="copy-status">
        {copyStatus && t(copyStatus)}
      </span>
    </div>
  );
}
