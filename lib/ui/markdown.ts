import { translator } from '@/lib/shared/i18n';
import { MARK_SIGNS } from '@/lib/shared/key-facts';
import type { Lang } from '@/lib/shared/lang';
import type { Block, Line, SummaryModel } from '@/lib/ui/summary';

/**
 * Escapes only what Markdown would read as formatting, so registry text stays literal text and a paste into a
 * mail or a ticket shows no stray backslashes: brackets and parentheses of running text ("Art. 6(1)(b)") are
 * left alone, since without a `[text]` right before them they never form a link.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*[\]~]/g, '\\$&')
    .replace(/(^|[^\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (match) => match.replace('_', '\\_'))
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/^(\s*)([#>+=-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s)/gm, '$1\\$2');
}

/** A Markdown link whose address may hold spaces or parentheses. */
export const markdownLink = (text: string, url: string): string => `[${escapeMarkdown(text)}](<${url}>)`;

function line(item: Line, lang: Lang): string {
  const t = translator(lang);
  return [
    item.lead && `**${escapeMarkdown(item.lead)}:**`,
    item.href ? markdownLink(item.text, item.href) : escapeMarkdown(item.text),
    item.textLang && `_(${t(`onlyIn.${item.textLang}`)})_`,
    item.aside && `(${escapeMarkdown(item.aside)})`,
    item.unconfirmed && `_${t('unconfirmed')}: ${escapeMarkdown(item.unconfirmed)}_`,
  ]
    .filter(Boolean)
    .join(' ');
}

function block(item: Block, lang: Lang): string[] {
  switch (item.kind) {
    case 'heading':
      return [`### ${escapeMarkdown(item.text)}`, ''];
    case 'paragraph':
      return [line(item.line, lang), ''];
    case 'list':
    case 'links':
      return item.lines.length ? [...item.lines.map((entry) => `- ${line(entry, lang)}`), ''] : [];
    case 'statement':
      return [
        `> ${translator(lang)('accordingTo', { source: escapeMarkdown(item.sourceTitle) })} [${item.source}]: ${escapeMarkdown(item.text)}`,
        '',
      ];
  }
}

/**
 * The summary as Markdown, from the same view model the popup renders: what "Copy as Markdown" puts on
 * the clipboard, in the display language, with its sources and the data-as-of date, and the popup's signs.
 */
export function summaryToMarkdown(model: SummaryModel, lang: Lang): string {
  const t = translator(lang);
  const lines = [`# ${escapeMarkdown(model.name)}`, ''];
  if (model.organisation?.verdict) lines.push(`**${escapeMarkdown(model.organisation.verdict.text)}**`, '');
  if (model.discontinued) {
    const { text, note, unconfirmed } = model.discontinued;
    lines.push(
      [
        `**${escapeMarkdown(text)}.** ${escapeMarkdown(note)}`,
        unconfirmed && `_${t('unconfirmed')}: ${escapeMarkdown(unconfirmed)}_`,
      ]
        .filter(Boolean)
        .join(' '),
      '',
    );
  }
  if (model.statusUnconfirmed) lines.push(`_${t('unconfirmed')}: ${escapeMarkdown(model.statusUnconfirmed)}_`, '');
  lines.push(`## ${t('keyFacts')}`, '');
  for (const fact of model.keyFacts) {
    const open = fact.unconfirmed ? ` _(${t('unconfirmed')})_` : '';
    lines.push(`- ${MARK_SIGNS[fact.mark]} **${escapeMarkdown(fact.label)}:** ${escapeMarkdown(fact.text)}${open}`);
  }
  if (model.assessment) {
    const { mark, label, text, unconfirmed } = model.assessment;
    lines.push(
      `- ${MARK_SIGNS[mark]} **${escapeMarkdown(label)}:** ${escapeMarkdown(text)}${unconfirmed ? ` _(${t('unconfirmed')})_` : ''}`,
    );
  }
  lines.push('');
  const organisation = model.organisation ? [...model.organisation.terms, ...model.organisation.reach] : [];
  if (model.organisation && organisation.length) {
    lines.push(
      `## ${escapeMarkdown(model.organisation.title)}`,
      '',
      `_${t('policy.intro')}_`,
      '',
      ...organisation.map((entry) => `- ${line(entry, lang)}`),
      '',
    );
  }
  for (const section of model.sections) {
    lines.push(`## ${escapeMarkdown(section.title)}`, '', ...section.blocks.flatMap((item) => block(item, lang)));
    if (section.sources.length) lines.push(`${t('sourcesFor')} ${section.sources.map((n) => `[${n}]`).join(' ')}`, '');
  }
  lines.push(`## ${t('sources')}`, '');
  for (const source of model.sources) {
    const title = source.url ? markdownLink(source.title, source.url) : escapeMarkdown(source.title);
    lines.push(`${source.number}. ${title} (${escapeMarkdown(source.kind)}; ${source.accessed})`);
  }
  lines.push('', `_${escapeMarkdown(model.footer)}_`, '');
  return lines.join('\n');
}
