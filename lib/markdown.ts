import { citeArticle, describeMechanisms, describeThirdCountry } from '@/lib/format';
import { countryName, formatDate, translator } from '@/lib/i18n';
import type { Lang, Tool } from '@/lib/registry/schema';

/** Escapes characters Markdown would read as formatting, so registry text stays literal text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, '\\$&').replace(/^(\s*)([-=])/gm, '$1\\$2');
}

/**
 * The summary of one tool as Markdown, in the display language, with its sources and the data-as-of
 * date: what "Copy as Markdown" puts on the clipboard.
 */
export function toolToMarkdown(tool: Tool, lang: Lang, dataAsOf: string): string {
  const t = translator(lang);
  const e = escapeMarkdown;
  const lines: string[] = [];
  const unconfirmed = (note: { de: string; en: string } | undefined) =>
    note ? [`> ${t('unconfirmed')}: ${e(note[lang])}`, ''] : [];

  lines.push(`# ${e(tool.name[lang])}`, '', e(tool.summary[lang]), '');
  if (tool.status.state === 'discontinued') {
    lines.push(`**${t('discontinuedSince', { date: formatDate(tool.status.since, lang) })}.** ${e(tool.status.note[lang])}`, '');
  }

  const { provider, links } = tool;
  lines.push(`## ${t('provider')}`, '', `${e(provider.name)}, ${e(provider.address)} (${countryName(provider.country, lang)})`, '');
  if (provider.euEntity) lines.push(`${e(provider.euEntity.role[lang])}: ${e(provider.euEntity.name)}, ${e(provider.euEntity.address)}`, '');
  lines.push(...unconfirmed(provider.unconfirmed));
  for (const policyLang of ['de', 'en'] as const) {
    const link = links.privacyPolicy[policyLang];
    if (link) lines.push(`- ${t('privacyPolicy')} (${policyLang.toUpperCase()}): <${link.url}>`);
  }
  if (links.dpa) lines.push(`- ${t('dpaDocument')}: <${links.dpa.url}>`);
  lines.push('');

  lines.push(`## ${t('collected')}`, '');
  for (const group of tool.collected) {
    lines.push(`### ${t(`category.${group.category}`)}`, '', ...group.items.map((item) => `- ${e(item[lang])}`), '');
  }

  lines.push(`## ${t('legalBases')}`, '');
  for (const basis of tool.legalBases) {
    lines.push(`- **${citeArticle(basis.article, lang)}**: ${e(basis.appliesWhen[lang])}${basis.note ? ` ${e(basis.note[lang])}` : ''}`);
  }
  lines.push('', `## ${t('retention')}`, '');
  for (const rule of tool.retention) {
    lines.push(`- **${e(rule.trigger[lang])}**: ${e(rule.outcome[lang])} (${t(`scope.${rule.scope}`)})`);
  }

  lines.push('', `## ${t('dpa')}`, '', `**${t(`dpa.${tool.dpa.status}`)}.** ${e(tool.dpa.note[lang])}`, '');
  lines.push(...unconfirmed(tool.dpa.unconfirmed));

  const { transfer } = tool;
  lines.push(`## ${t('transfer')}`, '', `**${describeThirdCountry(transfer, lang)}** · ${t('mechanisms')}: ${describeMechanisms(transfer, lang)}`, '');
  lines.push(e(transfer.note[lang]), '', ...unconfirmed(transfer.unconfirmed));
  lines.push(`**${t('residency')}:** ${t(`residency.${tool.residency.available}`)}. ${e(tool.residency.note[lang])}`, '');

  if (tool.notable.length) {
    lines.push(`## ${t('notable')}`, '', ...tool.notable.map((item) => `- **${t(`notable.${item.kind}`)}**: ${e(item.text[lang])}`), '');
  }

  lines.push(`## ${t('sources')}`, '');
  tool.sources.forEach((source, index) => {
    const title = source.url ? `[${e(source.title)}](<${source.url}>)` : e(source.title);
    lines.push(`${index + 1}. ${title} (${t('accessed', { date: formatDate(source.accessed, lang) })})`);
  });
  lines.push('', `_${t('lastReviewed', { date: formatDate(tool.lastReviewed, lang) })} · ${t('dataAsOf', { date: formatDate(dataAsOf, lang) })}_`, '');
  return lines.join('\n');
}
