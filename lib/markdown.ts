import { translator } from '@/lib/i18n';
import type { Lang } from '@/lib/lang';
import type { Block, Line, SummaryModel } from '@/lib/summary';

/** Escapes characters Markdown would read as formatting, so registry text stays literal text. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, '\\$&').replace(/^(\s*)([-=])/gm, '$1\\$2');
}

const MARK_SIGNS = { ok: '✓', caution: '⚠', info: 'ⓘ', unknown: '?' } as const;

function line(item: Line, lang: Lang): string {
  const t = translator(lang);
  const body = item.href ? `[${escape(item.text)}](<${item.href}>)` : escape(item.text);
  return [
    item.lead && `**${escape(item.lead)}**${item.href ? '' : ':'}`,
    body,
    item.textLang && `_(${t(`onlyIn.${item.textLang}`)})_`,
    item.aside && `(${escape(item.aside)})`,
    item.unconfirmed && `_${t('unconfirmed')}: ${escape(item.unconfirmed)}_`,
  ]
    .filter(Boolean)
    .join(' ');
}

function block(item: Block, lang: Lang): string[] {
  switch (item.kind) {
    case 'heading':
      return [`### ${escape(item.text)}`, ''];
    case 'paragraph':
      return [line(item.line, lang), ''];
    case 'list':
    case 'links':
      return [...item.lines.map((entry) => `- ${line(entry, lang)}`), ''];
    case 'statement':
      return [`> ${translator(lang)('accordingTo', { source: escape(item.sourceTitle) })} [${item.source}]: ${escape(item.text)}`, ''];
  }
}

/**
 * The summary as Markdown, from the same view model the popup renders: what "Copy as Markdown" puts on
 * the clipboard, in the display language, with its sources and the data-as-of date.
 */
export function summaryToMarkdown(model: SummaryModel, lang: Lang): string {
  const t = translator(lang);
  const lines = [`# ${escape(model.name)}`, ''];
  if (model.organisation?.verdict) lines.push(`**${escape(model.organisation.verdict.text)}**`, '');
  if (model.discontinued) lines.push(`**${escape(model.discontinued.text)}.** ${escape(model.discontinued.note)}`, '');
  lines.push(`## ${t('keyFacts')}`, '');
  for (const fact of model.keyFacts) {
    const open = fact.unconfirmed ? ` _(${t('unconfirmed')})_` : '';
    lines.push(`- ${MARK_SIGNS[fact.mark]} **${escape(fact.label)}:** ${escape(fact.text)}${open}`);
  }
  lines.push('');
  const organisation = model.organisation ? [...model.organisation.terms, ...model.organisation.reach] : [];
  if (model.organisation && organisation.length) {
    lines.push(`## ${escape(model.organisation.title)}`, '', `_${t('policy.intro')}_`, '', ...organisation.map((entry) => `- ${line(entry, lang)}`), '');
  }
  for (const section of model.sections) {
    lines.push(`## ${escape(section.title)}`, '', ...section.blocks.flatMap((item) => block(item, lang)));
    if (section.sources.length) lines.push(`${t('sourcesFor')} ${section.sources.map((n) => `[${n}]`).join(' ')}`, '');
  }
  lines.push(`## ${t('sources')}`, '');
  for (const source of model.sources) {
    const title = source.url ? `[${escape(source.title)}](<${source.url}>)` : escape(source.title);
    lines.push(`${source.number}. ${title} (${escape(source.kind)}; ${source.accessed})`);
  }
  lines.push('', `_${escape(model.footer)}_`, '');
  return lines.join('\n');
}
