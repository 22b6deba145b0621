import { citeArticle } from '@/lib/format';
import { countryName, formatDate, formatList, translator, type Translate } from '@/lib/i18n';
import { LANGS, type Lang } from '@/lib/lang';
import { localise, verdictFor, type ParsedPolicy, type PolicyText, type Verdict } from '@/lib/policy';
import type { KeyFactInput } from '@/lib/registry/glance';
import type { KeyFacts, Section, Text, Tool } from '@/lib/registry/schema';

/**
 * The summary of one tool as a plain view model in the display language: what the popup renders and what
 * "Copy as Markdown" writes, built once so the two cannot drift. Every string comes from the registry or the
 * interface strings; nothing here is HTML.
 */

/** A fact's status mark: shown as an icon with a text label, never by colour alone. Facts, not verdicts. */
export type Mark = 'ok' | 'caution' | 'info' | 'unknown';

export const KEY_FACTS = ['who', 'where', 'recording', 'ai', 'e2ee', 'dpa'] as const;
export type KeyFactId = (typeof KEY_FACTS)[number];

export interface KeyFactRow {
  id: KeyFactId;
  label: string;
  mark: Mark;
  text: string;
  /** Whether the evidence leaves this fact open; its details say what. */
  unconfirmed: boolean;
  /** The detail section that explains it. */
  section: Section;
}

/** One line of a detail section. `lead` is emphasised, `aside` muted; `unconfirmed` says what is open. */
export interface Line {
  lead?: string;
  text: string;
  aside?: string;
  unconfirmed?: string;
  lang?: Lang;
  /** An outside document the line links to; its text is the link's text. */
  href?: string;
  /** The language `text` is written in, where it is not the display language: shown marked. */
  textLang?: Lang;
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; line: Line }
  | { kind: 'list'; lines: Line[] }
  | { kind: 'links'; lines: Line[] }
  /** A claim one organisation makes about its own use, with the number of its source. */
  | { kind: 'statement'; source: number; sourceTitle: string; text: string };

export interface SectionModel {
  id: Section;
  title: string;
  blocks: Block[];
  /** Numbers (1-based) of the sources that back this section. */
  sources: number[];
}

export interface SourceModel {
  number: number;
  title: string;
  url?: string;
  kind: string;
  accessed: string;
}

/** The organisation's word on a tool, from its policy: kept apart from the provider's facts everywhere. */
export interface OrganisationModel {
  verdict?: { value: Verdict; text: string };
  /** "Statements by <organisation>". */
  title: string;
  /** Its own terms for the tool: legal basis, retention, agreement, note. */
  terms: Line[];
  /** Where to read and ask more: its privacy notice and contact. */
  reach: Line[];
}

export interface SummaryModel {
  name: string;
  organisation?: OrganisationModel;
  discontinued?: { text: string; note: string; unconfirmed?: string };
  statusUnconfirmed?: string;
  keyFacts: KeyFactRow[];
  sections: SectionModel[];
  sources: SourceModel[];
  footer: string;
}

const text = (value: Text | undefined, lang: Lang): string | undefined => value?.[lang];

function feature(t: Translate, fact: { available: string; defaultOn: boolean | null }): string {
  return fact.defaultOn === null ? t('default.depends') : t(fact.defaultOn ? 'default.on' : 'default.off');
}

/**
 * The first screen's key facts, derived from the registry's structured facts, never written per tool. Takes a
 * full entry or its Glance, the projection the start-up bundle carries.
 */
export function keyFactRows(tool: KeyFactInput, lang: Lang): KeyFactRow[] {
  const t = translator(lang);
  const { provider, transfer, dpa, hosting } = tool;
  const { recording, transcription, ai, e2ee } = tool.keyFacts;
  const list = (items: readonly string[]) => formatList(items, lang);
  const open = (...facts: Array<{ unconfirmed?: unknown }>) => facts.some((fact) => Boolean(fact.unconfirmed));
  const row = (id: KeyFactId, section: Section, mark: Mark, value: string, unconfirmed: boolean): KeyFactRow => ({
    id,
    label: t(`fact.${id}`),
    mark,
    text: value,
    unconfirmed,
    section,
  });

  const who = { provider: provider.name, country: countryName(provider.country, lang) };
  const whoText =
    hosting === 'self-hosted'
      ? t('who.selfHosted')
      : hosting === 'cloud-and-self-hosted'
        ? t('who.either', who)
        : t(dpa.status === 'not-applicable' ? 'who.consumer' : 'who.cloud', who);

  const whereRow = (): KeyFactRow => {
    if (transfer.thirdCountry === null) return row('where', 'transfer', 'info', t('where.depends'), open(transfer));
    if (!transfer.thirdCountry) return row('where', 'transfer', 'ok', t('where.stays'), open(transfer));
    const countries = list(transfer.countries.map((code) => countryName(code, lang)));
    const safeguards = list(transfer.mechanisms.map((mechanism) => t(`mechanism.${mechanism}`)));
    const adequate = transfer.mechanisms.every((mechanism) => mechanism === 'adequacy');
    return row('where', 'transfer', adequate ? 'info' : 'caution', t('where.abroad', { countries, safeguards }), open(transfer));
  };

  const recordingRow = (): KeyFactRow => {
    const unconfirmed = open(recording, transcription);
    if (recording.available === 'unknown') return row('recording', 'features', 'unknown', t('notKnown'), unconfirmed);
    const transcripts = t(`transcripts.${transcription.available}`);
    if (recording.available === 'no') return row('recording', 'features', transcription.available === 'yes' ? 'caution' : 'ok', t('recording.no', { transcripts }), unconfirmed);
    const starters = list(recording.startedBy.map((starter) => t(`starter.${starter}`)));
    const places = list(recording.storedAt.map((place) => t(`storage.${place}`)));
    const key = recording.defaultOn ? 'recording.automatic' : recording.startedBy.length ? 'recording.yes' : 'recording.yesNoStarter';
    return row('recording', 'features', 'caution', t(key, { starters, places, transcripts }), unconfirmed);
  };

  const aiRow = (): KeyFactRow => {
    const unconfirmed = open(ai);
    if (ai.available === 'unknown') return row('ai', 'features', 'unknown', t('notKnown'), unconfirmed);
    if (ai.available === 'no') return row('ai', 'features', 'ok', t('ai.no'), unconfirmed);
    return row('ai', 'features', 'caution', t('ai.yes', { state: feature(t, ai) }), unconfirmed);
  };

  const e2eeRow = (): KeyFactRow => {
    const unconfirmed = open(e2ee);
    if (e2ee.available === 'unknown') return row('e2ee', 'features', 'unknown', t('notKnown'), unconfirmed);
    if (e2ee.available === 'no') return row('e2ee', 'features', 'caution', t('e2ee.no'), unconfirmed);
    const limits = e2ee.limits.length ? t('e2ee.limits', { limits: list(e2ee.limits.map((limit) => t(`limit.${limit}`))) }) : '';
    return e2ee.defaultOn
      ? row('e2ee', 'features', 'ok', `${t('e2ee.default')}${limits}`, unconfirmed)
      : row('e2ee', 'features', 'caution', `${t('e2ee.optional')}${limits}`, unconfirmed);
  };

  const dpaRow = (): KeyFactRow => {
    const unconfirmed = open(dpa);
    const how = dpa.how ? t(`dpa.how.${dpa.how}`) : '';
    const mark: Mark = { offered: 'ok', 'not-offered': 'caution', 'not-applicable': 'info', unknown: 'unknown' }[dpa.status] as Mark;
    return row('dpa', 'dpa', mark, [t(`dpa.${dpa.status}`), how].filter(Boolean).join(' · '), unconfirmed);
  };

  return [
    row('who', 'provider', 'info', whoText, open(provider)),
    whereRow(),
    recordingRow(),
    aiRow(),
    e2eeRow(),
    dpaRow(),
  ];
}

function featureLines(tool: Tool, lang: Lang, t: Translate): Line[] {
  const facts: KeyFacts = tool.keyFacts;
  const requires = (list: KeyFacts['ai']['requires']) =>
    list?.length ? t('requires', { needs: formatList(list.map((need) => t(`requires.${need}`)), lang) }) : undefined;
  const line = (key: 'recording' | 'transcription' | 'ai' | 'e2ee'): Line => {
    const fact = facts[key];
    const state = fact.available === 'yes' ? feature(t, fact) : t(`answer.${fact.available}`);
    return { lead: t(`feature.${key}`), text: [state, text(fact.note, lang)].filter(Boolean).join('. '), aside: requires(fact.requires), unconfirmed: text(fact.unconfirmed, lang) };
  };
  const retention = facts.providerRetention;
  const retentionText = retention.rule === 'fixed-period' ? t('retentionRule.fixed-period', { days: retention.days ?? 0 }) : t(`retentionRule.${retention.rule}`);
  return [
    line('recording'),
    line('transcription'),
    line('ai'),
    line('e2ee'),
    { lead: t('feature.providerRetention'), text: [retentionText, text(retention.note, lang)].filter(Boolean).join('. '), unconfirmed: text(retention.unconfirmed, lang) },
  ];
}

function sectionBlocks(tool: Tool, lang: Lang, t: Translate): Record<Exclude<Section, 'detection'>, Block[]> {
  const { provider, links, dpa, transfer, residency } = tool;
  const unconfirmed = (note: Text | undefined): Block[] => (note ? [{ kind: 'paragraph', line: { lead: t('unconfirmed'), text: note[lang] } }] : []);
  const providerLines: Line[] = [
    { lead: provider.name, text: provider.address, aside: `${countryName(provider.country, lang)} · ${t(`hosting.${tool.hosting}`)}`, unconfirmed: text(provider.unconfirmed, lang) },
    ...(provider.euEntity ? [{ lead: provider.euEntity.role[lang], text: `${provider.euEntity.name}, ${provider.euEntity.address}` }] : []),
  ];
  const documents: Line[] = [
    ...LANGS.flatMap((policyLang): Line[] => {
      const link = links.privacyPolicy[policyLang];
      return link ? [{ text: `${t('privacyPolicy')} (${policyLang.toUpperCase()})`, href: link.url, lang: policyLang, unconfirmed: text(link.unconfirmed, lang) }] : [];
    }),
    ...(links.dpa ? [{ text: t('dpaDocument'), href: links.dpa.url, unconfirmed: text(links.dpa.unconfirmed, lang) }] : []),
    ...(links.more ?? []).map((link): Line => ({ text: link.title[lang], href: link.url, unconfirmed: text(link.unconfirmed, lang) })),
  ];
  return {
    provider: [{ kind: 'paragraph', line: { text: tool.summary[lang] } }, { kind: 'list', lines: providerLines }, { kind: 'links', lines: documents }],
    features: [{ kind: 'list', lines: featureLines(tool, lang, t) }],
    collected: tool.collected.flatMap((group): Block[] => [
      { kind: 'heading', text: t(`category.${group.category}`) },
      ...(group.note ? [{ kind: 'paragraph' as const, line: { text: group.note[lang] } }] : []),
      { kind: 'list', lines: group.items.map((item) => ({ text: item[lang] })) },
      ...unconfirmed(group.unconfirmed),
    ]),
    legalBases: [
      { kind: 'paragraph', line: { text: t('legalBasesIntro') } },
      {
        kind: 'list',
        lines: tool.legalBases.map((basis) => ({
          lead: citeArticle(basis.article, lang),
          text: [basis.appliesWhen[lang], basis.note?.[lang] ?? (basis.revocable ? t('consentRevocable') : undefined)].filter(Boolean).join(' '),
        })),
      },
    ],
    retention: [
      {
        kind: 'list',
        lines: tool.retention.map((rule) => ({ lead: rule.trigger[lang], text: rule.outcome[lang], aside: t(`scope.${rule.scope}`), unconfirmed: text(rule.unconfirmed, lang) })),
      },
    ],
    dpa: [
      { kind: 'paragraph', line: { lead: [t(`dpa.${dpa.status}`), dpa.how && t(`dpa.how.${dpa.how}`)].filter(Boolean).join(' · '), text: dpa.note[lang] } },
      ...unconfirmed(dpa.unconfirmed),
    ],
    transfer: [
      {
        kind: 'paragraph',
        line: {
          lead: transfer.thirdCountry === null ? t('thirdCountry.depends') : transfer.thirdCountry ? t('thirdCountry.yes', { countries: formatList(transfer.countries.map((code) => countryName(code, lang)), lang) }) : t('thirdCountry.no'),
          text: `${t('mechanisms')}: ${formatList(transfer.mechanisms.map((mechanism) => t(`mechanism.${mechanism}`)), lang)}. ${transfer.note[lang]}`,
        },
      },
      ...unconfirmed(transfer.unconfirmed),
      { kind: 'paragraph', line: { lead: `${t('residency')}: ${t(`residency.${residency.available}`)}`, text: residency.note[lang], unconfirmed: text(residency.unconfirmed, lang) } },
    ],
    notes: [{ kind: 'list', lines: tool.notes.map((note) => ({ text: note.text[lang], unconfirmed: text(note.unconfirmed, lang) })) }],
  };
}

/**
 * What the organisation's policy says about one tool, in the display language; undefined without a policy or
 * with nothing to say. A text the organisation gave in the other language only is kept, marked as such.
 */
export function organisationModel(parsed: ParsedPolicy, toolId: string, lang: Lang): OrganisationModel | undefined {
  const { policy } = parsed;
  if (!policy) return undefined;
  const t = translator(lang);
  const org = policy.organisation.name ?? t('policy.unnamed');
  const status = verdictFor(policy, toolId);
  const entry = policy.tools.get(toolId);
  const own = (lead: string, value: PolicyText | undefined): Line[] => {
    const shown = localise(value, lang);
    return shown ? [{ lead, text: shown.text, ...(shown.lang !== lang && { textLang: shown.lang }) }] : [];
  };
  const { noticeUrl, contact } = policy.organisation;
  const terms: Line[] = [
    ...own(t('policy.legalBasis'), entry?.legalBasis),
    ...own(t('policy.retention'), entry?.retention),
    ...(entry?.agreement ? [{ lead: t('policy.agreement'), text: t(`policy.agreement.${entry.agreement}`) }] : []),
    ...own(t('policy.note'), entry?.note),
  ];
  const reach: Line[] = [
    ...(noticeUrl ? [{ text: t('policy.notice', { org }), href: noticeUrl }] : []),
    ...(contact ? [{ lead: t('policy.contact'), text: contact }] : []),
  ];
  if (!status && !terms.length && !reach.length) return undefined;
  return {
    verdict: status && { value: status, text: t(`verdict.${status}`, { org }) },
    title: t('policy.statements', { org }),
    terms,
    reach,
  };
}

/** Builds the summary of `tool` in `lang`, with the organisation's word on it when a policy is given. */
export function buildSummary(tool: Tool, lang: Lang, dataAsOf: string, policy?: ParsedPolicy): SummaryModel {
  const t = translator(lang);
  const blocks = sectionBlocks(tool, lang, t);
  const sections = (Object.keys(blocks) as Array<keyof typeof blocks>).map((id): SectionModel => ({
    id,
    title: t(`section.${id}`),
    blocks: [
      ...blocks[id],
      ...(tool.statements ?? [])
        .filter((statement) => statement.section === id)
        .map((statement): Block => ({ kind: 'statement', source: statement.source + 1, sourceTitle: tool.sources[statement.source]!.title, text: statement.text[lang] })),
    ],
    sources: tool.sources.flatMap((source, index) => (source.covers.includes(id) ? [index + 1] : [])),
  }));
  const { status } = tool;
  return {
    name: tool.name[lang],
    organisation: policy && organisationModel(policy, tool.id, lang),
    discontinued:
      status.state === 'discontinued'
        ? { text: t('discontinuedSince', { date: formatDate(status.since, lang) }), note: status.note[lang], unconfirmed: text(status.unconfirmed, lang) }
        : undefined,
    statusUnconfirmed: status.state === 'active' ? text(status.unconfirmed, lang) : undefined,
    keyFacts: keyFactRows(tool, lang),
    // A section with nothing in it (no other notes) is left out rather than shown empty.
    sections: sections.filter((section) => section.blocks.some((block) => block.kind !== 'list' || block.lines.length > 0)),
    sources: tool.sources.map((source, index) => ({
      number: index + 1,
      title: source.title,
      url: source.url,
      kind: t(`sourceKind.${source.kind}`),
      accessed: t('accessed', { date: formatDate(source.accessed, lang) }),
    })),
    footer: `${t('lastReviewed', { date: formatDate(tool.lastReviewed, lang) })} · ${t('dataAsOf', { date: formatDate(dataAsOf, lang) })}`,
  };
}
