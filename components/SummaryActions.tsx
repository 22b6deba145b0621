import { useState } from 'react';
import type { Lang } from '@/lib/shared/lang';
import type { RegistryView } from '@/lib/ui/popup-registry';
import { usePopupStore } from '@/lib/ui/store';
import type { SummaryModel } from '@/lib/ui/summary';
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
  const policy = usePopupStore((state) => state.policy);
  const [copyStatus, setCopyStatus] = useState<'copied' | 'copyFailed' | null>(null);
  const name = registry.byId.get(toolId)?.name[lang] ?? toolId;

  // The summary model and the formats load on the click, well within the click's user activation, so the first
  // screen does not wait for them.
  const copy = (loadFormat: () => Promise<(model: SummaryModel, lang: Lang) => string>) =>
    Promise.all([registry.load(toolId), import('@/lib/ui/summary'), loadFormat()])
      .then(([tool, { buildSummary }, format]) =>
        tool
          ? copyText(format(buildSummary(tool, lang, registry.dataAsOf, policy), lang))
          : Promise.reject(new Error(toolId)),
      )
      .then(
        () => setCopyStatus('copied'),
        () => setCopyStatus('copyFailed'),
      );

  return (
    <div className="summary-actions">
      <button
        type="button"
        aria-pressed={pinned}
        aria-label={t(pinned ? 'unpinLabel' : 'pinLabel', { tool: name })}
        onClick={onTogglePin}
      >
        <span aria-hidden="true">{pinned ? '★' : '☆'}</span> {t(pinned ? 'pinned' : 'pin')}
      </button>
      <button type="button" onClick={onCompare}>
        {t('compare')}
      </button>
      <button
        type="button"
        onClick={() => copy(() => import('@/lib/ui/plain-text').then((module) => module.summaryToPlainText))}
      >
        {t('copySummary')}
      </button>
      <button
        type="button"
        onClick={() => copy(() => import('@/lib/ui/markdown').then((module) => module.summaryToMarkdown))}
      >
        {t('copyMarkdown')}
      </button>
      <RegistryPageLink pick={toolId} />
      <span role="status" className="copy-status">
        {copyStatus && t(copyStatus)}
      </span>
    </div>
  );
}
