import { translator } from '@/lib/shared/i18n';
import type { Lang } from '@/lib/shared/lang';
import { MARK_SIGNS } from '@/lib/shared/key-facts';
import type { SummaryModel } from '@/lib/ui/summary';

/**
 * The summary as plain text for a mail or a chat: the tool's name, its key facts with the popup's signs and
 * labels, the sources as bare links (which mail and chat programs turn into links themselves) and the
 * data-as-of date. No markup at all, so nothing shows as `**` or `\(` where it is pasted.
 */
export function summaryToPlainText(model: SummaryModel, lang: Lang): string {
  const t = translator(lang);
  const lines = [model.name, ''];
  if (model.discontinued) lines.push(`${model.discontinued.text}. ${model.discontinued.note}`, '');
  lines.push(`${t('keyFacts')}:`);
  for (const fact of model.keyFacts) {
    lines.push(
      `${MARK_SIGNS[fact.mark]} ${fact.label}: ${fact.text}${fact.unconfirmed ? ` (${t('unconfirmed')})` : ''}`,
    );
  }
  if (model.assessment) {
    const { mark, label, text, unconfirmed } = model.assessment;
    lines.push(`${MARK_SIGNS[mark]} ${label}: ${text}${unconfirmed ? ` (${t('unconfirmed')})` : ''}`);
  }
  lines.push('', `${t('sources')}:`);
  for (const source of model.sources) {
    lines.push(
      `[${source.number}] ${source.title} (${source.kind}; ${source.accessed})${source.url ? `\n    ${source.url}` : ''}`,
    );
  }
  lines.push('', model.footer, '');
  return lines.join('\n');
}
