import { citeArticle } from '@/lib/shared/lang';
import { countryName, formatDate, formatList, translator, type Translate } from '@/lib/shared/i18n';
import type { Lang } from '@/lib/shared/lang';
import type { Tool } from '@/lib/shared/registry/build/schema';
import { glanceOf, keyFactRows } from '@/lib/shared/key-facts';
import { featureRequires, featureState, providerRetentionText } from '@/lib/ui/summary';
import { toMarkdownTable, type TextTable } from '@/lib/ui/export';
import './strings';
import { verdictFor, type Policy } from '@/lib/shared/policy';
import { cellText, verdictCell, verdictLabel, type Cell } from './table';

/** One fact of a comparison: a row of the comparison table, a line of its CSV. */
export interface ComparedFact {
  id: string;
  label: string;
  cell: Cell;
}

const open = (fact: { unconfirmed?: unknown }): boolean => Boolean(fact.unconfirmed);

/**
 * Every structured fact of a tool, in words, for a comparison: the six key facts of the first screen (with
 * their marks), then the facts behind them that the first screen leaves out. Explanatory notes are not facts
 * and stay in the summary.
 */
export function comparedFacts(tool: Tool, lang: Lang, policy: Policy | null = null): ComparedFact[] {
  const t: Translate = translator(lang);
  const list = (items: readonly string[]) => (items.length ? formatList(items, lang) : t('none'));
  const { keyFacts, provider, transfer, residency, dpa, status } = tool;
  const feature = (key: 'recording' | 'transcription' | 'ai' | 'e2ee'): Cell => ({
    text: [featureState(t, keyFacts[key]), featureRequires(t, keyFacts[key].requires, lang)].filter(Boolean).join('. '),
    unconfirmed: open(keyFacts[key]),
  });
  const fact = (id: string, label: string, cell: Cell): ComparedFact => ({ id, label, cell });
  const sourceKinds = [...new Set(tool.sources.map((source) => source.kind))];
  return [
    ...(policy ? [fact('verdict', verdictLabel(policy, t), verdictCell(verdictFor(policy, tool.id), t))] : []),
    ...keyFactRows(glanceOf(tool), lang).map((row) =>
      fact(`key.${row.id}`, row.label, { text: row.text, mark: row.mark, unconfirmed: row.unconfirmed }),
    ),
    fact('status', t('compareFact.status'), {
      text:
        status.state === 'active'
          ? t('status.active')
          : t('discontinuedSince', { date: formatDate(status.since, lang) }),
      unconfirmed: open(status),
    }),
    fact('hosting', t('compareFact.hosting'), { text: t(`hosting.${tool.hosting}`) }),
    fact('provider', t('compareFact.provider'), {
      text: `${provider.name} (${countryName(provider.country, lang)})`,
      unconfirmed: open(provider),
    }),
    fact('euEntity', t('compareFact.euEntity'), {
      text: provider.euEntity
        ? `${provider.euEntity.name} (${countryName(provider.euEntity.country, lang)}): ${provider.euEntity.role[lang]}`
        : t('none'),
    }),
    fact('thirdCountry', t('compareFact.thirdCountry'), {
      text:
        transfer.thirdCountry === null
          ? t('thirdCountry.depends')
          : transfer.thirdCountry
            ? t('thirdCountry.yes', { countries: list(transfer.countries.map((code) => countryName(code, lang))) })
            : t('thirdCountry.no'),
      unconfirmed: open(transfer),
    }),
    fact('basis', t('column.basis'), {
      text: list(transfer.mechanisms.map((mechanism) => t(`mechanism.${mechanism}`))),
      unconfirmed: open(transfer),
    }),
    fact('residency', t('residency'), { text: t(`residency.${residency.available}`), unconfirmed: open(residency) }),
    fact('recording', t('feature.recording'), feature('recording')),
    fact('startedBy', t('compareFact.startedBy'), {
      text: list(keyFacts.recording.startedBy.map((starter) => t(`starter.${starter}`))),
    }),
    fact('storedAt', t('compareFact.storedAt'), {
      text: list(keyFacts.recording.storedAt.map((place) => t(`storage.${place}`))),
    }),
    fact('transcription', t('feature.transcription'), feature('transcription')),
    fact('ai', t('feature.ai'), feature('ai')),
    fact('e2ee', t('feature.e2ee'), feature('e2ee')),
    fact('e2eeLimits', t('compareFact.e2eeLimits'), {
      text: list(keyFacts.e2ee.limits.map((limit) => t(`limit.${limit}`))),
    }),
    fact('providerRetention', t('feature.providerRetention'), {
      text: providerRetentionText(t, keyFacts.providerRetention),
      unconfirmed: open(keyFacts.providerRetention),
    }),
    fact('dpa', t('section.dpa'), {
      text: [t(`dpa.${dpa.status}`), dpa.how && t(`dpa.how.${dpa.how}`)].filter(Boolean).join(' · '),
      unconfirmed: open(dpa),
    }),
    fact('collected', t('section.collected'), {
      text: list(tool.collected.map((group) => t(`category.${group.category}`))),
    }),
    fact('legalBases', t('section.legalBases'), {
      text: list([...new Set(tool.legalBases.map((basis) => citeArticle(basis.article, lang)))]),
    }),
    fact('sources', t('sources'), {
      text: t('compareFact.sourceCount', {
        count: tool.sources.length,
        kinds: list(sourceKinds.map((kind) => t(`sourceKind.${kind}`))),
      }),
    }),
    fact('lastReviewed', t('compareFact.lastReviewed'), { text: formatDate(tool.lastReviewed, lang) }),
  ];
}

/** A comparison as a table to export: one row per fact, one column per tool. */
export function exportComparison(tools: readonly Tool[], lang: Lang, policy: Policy | null = null): TextTable {
  const t = translator(lang);
  const facts = tools.map((tool) => comparedFacts(tool, lang, policy));
  return {
    header: [t('compareFact.fact'), ...tools.map((tool) => tool.name[lang])],
    rows: (facts[0] ?? []).map((first, index) => [
      first.label,
      ...facts.map((columns) => cellText(columns[index]!.cell, t)),
    ]),
  };
}

/** A comparison as a Markdown table, as the popup's "Copy comparison" puts it on the clipboard. */
export const comparisonMarkdown = (tools: readonly Tool[], lang: Lang, policy: Policy | null = null): string =>
  toMarkdownTable(exportComparison(tools, lang, policy));
