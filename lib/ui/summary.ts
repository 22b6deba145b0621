import { countryName, formatDate, formatList, translator, type Translate } from '@/lib/shared/i18n';
import { citeArticle, LANGS, type Lang } from '@/lib/shared/lang';
import {
  assessmentLine,
  describeAssessment,
  glanceOf,
  keyFactRows,
  settingOf,
  type AssessmentLine,
  type KeyFactRow,
} from '@/lib/shared/key-facts';
import type { KeyFacts, LegalBasis, Section, Text, Tool } from '@/lib/shared/registry/build/schema';

/** Provider-stated bases first, then what organisations typically state. (Types only from the schema: it is build-time code.) */
const STATED_BY: ReadonlyArray<LegalBasis['statedBy']> = ['provider', 'typical'];
import type { ParsedPolicy } from '@/lib/shared/policy';
import { SUMMARY_SECTIONS } from '@/lib/shared/registry/sections';
import { organisationModel, type OrganisationModel } from '@/lib/ui/organisation';

/**
 * The summary of one tool as a plain view model in the display language: what the popup renders and what
 * "Copy as Markdown" writes, built once so the two cannot drift. Every string comes from the registry or the
 * interface strings; nothing here is HTML.
 */

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

/** The summary's own sections: the registry's, and what a participant can do. */
export type SummarySection = Exclude<Section, 'detection'> | 'actions';

export interface SectionModel {
  id: SummarySection;
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

export interface SummaryModel {
  name: string;
  organisation?: OrganisationModel;
  discontinued?: { text: string; note: string; unconfirmed?: string };
  statusUnconfirmed?: string;
  keyFacts: KeyFactRow[];
  /** The newest assessment no newer one replaces. */
  assessment: AssessmentLine | null;
  sections: SectionModel[];
  sources: SourceModel[];
  footer: string;
}

const text = (value: Text | undefined, lang: Lang): string | undefined => value?.[lang];

function feature(t: Translate, fact: { defaultOn: boolean | null }): string {
  return fact.defaultOn === null ? t('default.depends') : t(fact.defaultOn ? 'default.on' : 'default.off');
}

/** A feature's state in words: whether it exists and, if so, whether it is on without anyone acting. */
export function featureState(t: Translate, fact: { available: string; defaultOn: boolean | null }): string {
  return fact.available === 'yes' ? feature(t, fact) : t(`answer.${fact.available as 'yes' | 'no' | 'unknown'}`);
}

/** How long the provider keeps meeting data, in words. */
export function providerRetentionText(t: Translate, retention: KeyFacts['providerRetention']): string {
  return retention.rule === 'fixed-period'
    ? t('retentionRule.fixed-period', { days: retention.days ?? 0 })
    : t(`retentionRule.${retention.rule}`);
}

/** What a feature needs before anyone can use it ("Requires: a paid plan"), if anything. */
export function featureRequires(t: Translate, needs: KeyFacts['ai']['requires'], lang: Lang): string | undefined {
  return needs?.length
    ? t('requires', {
        needs: formatList(
          needs.map((need) => t(`requires.${need}`)),
          lang,
        ),
      })
    : undefined;
}

function featureLines(tool: Tool, lang: Lang, t: Translate): Line[] {
  const facts: KeyFacts = tool.keyFacts;
  const { recording, e2ee } = facts;
  // What the first screen leaves out for its budget: where recordings go, who starts them, what encryption costs.
  const extra: Record<'recording' | 'transcription' | 'ai' | 'e2ee', Array<string | undefined>> = {
    recording: [
      recording.startedBy.length
        ? t('recordingStarters', {
            starters: formatList(
              recording.startedBy.map((starter) => t(`starter.${starter}`)),
              lang,
            ),
          })
        : undefined,
      recording.storedAt.length
        ? t('recordingKept', {
            places: formatList(
              recording.storedAt.map((place) => t(`storage.${place}`)),
              lang,
            ),
          })
        : undefined,
    ],
    transcription: [],
    ai: [],
    e2ee: [
      e2ee.limits.length
        ? t('e2eeLimits', {
            limits: formatList(
              e2ee.limits.map((limit) => t(`limit.${limit}`)),
              lang,
            ),
          })
        : undefined,
    ],
  };
  const line = (key: 'recording' | 'transcription' | 'ai' | 'e2ee'): Line => {
    const fact = facts[key];
    const aside = [featureRequires(t, fact.requires, lang), ...extra[key]].filter(Boolean).join('; ');
    return {
      lead: t(`feature.${key}`),
      text: [featureState(t, fact), text(fact.note, lang)].filter(Boolean).join('. '),
      aside: aside || undefined,
      unconfirmed: text(fact.unconfirmed, lang),
    };
  };
  const retention = facts.providerRetention;
  const retentionText = providerRetentionText(t, retention);
  return [
    line('recording'),
    line('transcription'),
    line('ai'),
    line('e2ee'),
    {
      lead: t('feature.providerRetention'),
      text: [retentionText, text(retention.note, lang)].filter(Boolean).join('. '),
      unconfirmed: text(retention.unconfirmed, lang),
    },
  ];
}

/**
 * "What you can do": what a participant can switch off, what they will see, whom to ask and their rights,
 * from the structured facts where the registry knows them. Rights are stated with their limits (Art. 17(3),
 * Art. 21's compelling grounds), never as outcomes.
 */
function actionBlocks(tool: Tool, lang: Lang, t: Translate): Block[] {
  const setting = settingOf(tool);
  const { provider } = tool;
  const { recording } = tool.keyFacts;
  const euController = provider.euEntity?.acts === 'controller' ? provider.euEntity.name : undefined;
  const controller = setting === 'consumer' ? (euController ?? provider.name) : t(`actions.controller.${setting}`);
  const line = (value: string): Line => ({ text: value });
  const consent = recording.participants?.consent;
  const seen: string[] =
    recording.available !== 'yes'
      ? [t(recording.available === 'no' ? 'actions.noRecording' : 'actions.noticeUnknown')]
      : [
          ...(consent && consent !== 'not-stated'
            ? [t(`actions.consent.${consent}`, { provider: provider.name })]
            : []),
          t(recording.participants?.notice === 'everyone' ? 'actions.notice' : 'actions.noticeUnknown'),
        ];
  const ask =
    setting === 'consumer'
      ? [t('actions.ask.caller'), t('actions.ask.consumer', { controller })]
      : setting === 'self-hosted'
        ? [t('actions.ask.organiser'), t('actions.ask.selfHosted')]
        : [t('actions.ask.organiser'), t('actions.ask.organisation')];
  return [
    { kind: 'heading', text: t('actions.yourself') },
    {
      kind: 'list',
      lines: [
        t('actions.camera'),
        t('actions.guest'),
        ...(tool.collected.some((group) => group.category === 'dial-in') ? [t('actions.dialIn')] : []),
      ].map(line),
    },
    { kind: 'heading', text: t('actions.see') },
    { kind: 'list', lines: seen.map(line) },
    { kind: 'heading', text: t('actions.ask') },
    { kind: 'list', lines: ask.map(line) },
    { kind: 'heading', text: t('actions.rights') },
    { kind: 'paragraph', line: line(t('actions.rights.intro', { controller })) },
    {
      kind: 'list',
      lines: (['access', 'object', 'erase', 'complain'] as const).map((right) => line(t(`actions.rights.${right}`))),
    },
  ];
}

function sectionBlocks(tool: Tool, lang: Lang, t: Translate): Record<Exclude<SummarySection, 'actions'>, Block[]> {
  const { provider, links, dpa, transfer, residency, ownPurposes, usLaw } = tool;
  const unconfirmed = (note: Text | undefined): Block[] =>
    note ? [{ kind: 'paragraph', line: { lead: t('unconfirmed'), text: note[lang] } }] : [];
  const providerLines: Line[] = [
    {
      lead: provider.name,
      text: provider.address,
      aside: `${countryName(provider.country, lang)} · ${t(`hosting.${tool.hosting}`)}`,
      unconfirmed: text(provider.unconfirmed, lang),
    },
    ...(provider.euEntity
      ? [{ lead: provider.euEntity.role[lang], text: `${provider.euEntity.name}, ${provider.euEntity.address}` }]
      : []),
  ];
  const documents: Line[] = [
    ...LANGS.flatMap((policyLang): Line[] => {
      const link = links.privacyPolicy[policyLang];
      return link
        ? [
            {
              text: `${t('privacyPolicy')} (${policyLang.toUpperCase()})`,
              href: link.url,
              lang: policyLang,
              unconfirmed: text(link.unconfirmed, lang),
            },
          ]
        : [];
    }),
    ...(links.dpa
      ? [{ text: t('dpaDocument'), href: links.dpa.url, unconfirmed: text(links.dpa.unconfirmed, lang) }]
      : []),
    ...(links.more ?? []).map((link): Line => ({
      text: link.title[lang],
      href: link.url,
      unconfirmed: text(link.unconfirmed, lang),
    })),
  ];
  return {
    provider: [
      { kind: 'paragraph', line: { text: tool.summary[lang] } },
      { kind: 'list', lines: providerLines },
      ...(ownPurposes
        ? [
            {
              kind: 'paragraph' as const,
              line: {
                lead: `${t('ownPurposes')}: ${t(`answer.${ownPurposes.answer}`)}`,
                text: [
                  formatList(
                    ownPurposes.purposes.map((purpose) => purpose[lang]),
                    lang,
                  ),
                  ownPurposes.note[lang],
                ]
                  .filter(Boolean)
                  .join('. '),
                unconfirmed: text(ownPurposes.unconfirmed, lang),
              },
            },
          ]
        : []),
      { kind: 'links', lines: documents },
    ],
    features: [{ kind: 'list', lines: featureLines(tool, lang, t) }],
    collected: tool.collected.flatMap((group): Block[] => [
      { kind: 'heading', text: t(`category.${group.category}`) },
      ...(group.note ? [{ kind: 'paragraph' as const, line: { text: group.note[lang] } }] : []),
      { kind: 'list', lines: group.items.map((item) => ({ text: item[lang] })) },
      ...(group.providerRole
        ? [{ kind: 'paragraph' as const, line: { lead: t('providerRole'), text: t(`role.${group.providerRole}`) } }]
        : []),
      ...(group.retention
        ? [{ kind: 'paragraph' as const, line: { lead: t('section.retention'), text: group.retention[lang] } }]
        : []),
      ...unconfirmed(group.unconfirmed),
    ]),
    legalBases: STATED_BY.flatMap((by): Block[] => {
      const bases = tool.legalBases.filter((basis) => basis.statedBy === by);
      if (!bases.length) return [];
      return [
        { kind: 'paragraph', line: { text: t(`legalBases.${by}`) } },
        {
          kind: 'list',
          lines: bases.map((basis) => ({
            lead: citeArticle(basis.article, lang),
            text: [basis.appliesWhen[lang], basis.note?.[lang] ?? (basis.revocable ? t('consentRevocable') : undefined)]
              .filter(Boolean)
              .join(' '),
          })),
        },
      ];
    }),
    retention: [
      {
        kind: 'list',
        lines: tool.retention.map((rule) => ({
          lead: rule.trigger[lang],
          text: rule.outcome[lang],
          aside: t(`scope.${rule.scope}`),
          unconfirmed: text(rule.unconfirmed, lang),
        })),
      },
    ],
    dpa: [
      {
        kind: 'paragraph',
        line: {
          lead: [
            dpa.status === 'not-applicable'
              ? t(`dpa.not-applicable.${dpa.reason ?? 'consumer-service'}`)
              : t(`dpa.${dpa.status}`),
            dpa.how && t(`dpa.how.${dpa.how}`),
          ]
            .filter(Boolean)
            .join(' · '),
          text: dpa.note[lang],
        },
      },
      ...agreementFinding(tool, lang, t),
      ...unconfirmed(dpa.unconfirmed),
    ],
    transfer: [
      {
        kind: 'paragraph',
        line: {
          lead:
            transfer.thirdCountry === null
              ? t('thirdCountry.depends')
              : transfer.thirdCountry
                ? t('thirdCountry.yes', {
                    countries: formatList(
                      transfer.countries.map((code) => countryName(code, lang)),
                      lang,
                    ),
                  })
                : t('thirdCountry.no'),
          text: `${t('mechanisms')}: ${formatList(
            transfer.mechanisms.map((mechanism) => t(`mechanism.${mechanism}`)),
            lang,
          )}. ${transfer.note[lang]}`,
        },
      },
      ...unconfirmed(transfer.unconfirmed),
      ...(usLaw
        ? [
            {
              kind: 'paragraph' as const,
              line: {
                lead: `${t('usLaw')}: ${t(`answer.${usLaw.subject === null ? 'unknown' : usLaw.subject ? 'yes' : 'no'}`)}`,
                text: usLaw.note[lang],
                unconfirmed: text(usLaw.unconfirmed, lang),
              },
            },
          ]
        : []),
      {
        kind: 'paragraph',
        line: {
          lead: `${t('residency')}: ${t(`residency.${residency.available}`)}`,
          text: residency.note[lang],
          unconfirmed: text(residency.unconfirmed, lang),
        },
      },
    ],
    assessments: assessmentBlocks(tool, lang),
    notes: [
      {
        kind: 'list',
        lines: tool.notes.map((note) => ({ text: note.text[lang], unconfirmed: text(note.unconfirmed, lang) })),
      },
    ],
  };
}

/** A current finding by a public body that weighs against the agreement, as the first screen's mark weighs it. */
function agreementFinding(tool: Tool, lang: Lang, t: Translate): Block[] {
  const concern = glanceOf(tool).agreementConcern;
  if (tool.dpa.status !== 'offered' || !concern) return [];
  return [
    {
      kind: 'paragraph',
      line: { text: `${t('dpa.concern', { assessor: concern.short[lang], year: concern.date.slice(0, 4) })}.` },
    },
  ];
}

/** Every assessment, newest first: who, when, the verdict, what it covered and found, and a link to it. */
function assessmentBlocks(tool: Tool, lang: Lang): Block[] {
  const all = tool.assessments ?? [];
  if (!all.length) return [];
  const t = translator(lang);
  return [
    {
      kind: 'list',
      lines: all.map((assessment): Line => {
        const view = describeAssessment(assessment, all, lang);
        return {
          lead: `${view.kind} · ${view.lead}`,
          text: [
            `“${view.verdict}”`,
            view.summary,
            `${t('assessment.scope')}: ${view.scope}`,
            view.points && `${t('assessment.points')}: ${view.points}`,
          ]
            .filter(Boolean)
            .join('. '),
          aside: view.superseded,
          unconfirmed: view.unconfirmed,
        };
      }),
    },
    {
      kind: 'links',
      lines: all.map((assessment) => ({
        text: `${assessment.short[lang]}, ${formatDate(assessment.date, lang)}`,
        href: assessment.url,
      })),
    },
  ];
}

/** Builds the summary of `tool` in `lang`, with the organisation's word on it when a policy is given. */
export function buildSummary(tool: Tool, lang: Lang, dataAsOf: string, policy?: ParsedPolicy): SummaryModel {
  const t = translator(lang);
  const blocks = { actions: actionBlocks(tool, lang, t), ...sectionBlocks(tool, lang, t) };
  const sections = SUMMARY_SECTIONS.map((id): SectionModel => ({
    id,
    title: t(`section.${id}`),
    blocks: [
      ...blocks[id],
      ...(tool.statements ?? [])
        .filter((statement) => statement.section === id)
        .map((statement): Block => ({
          kind: 'statement',
          source: statement.source + 1,
          sourceTitle: tool.sources[statement.source]!.title,
          text: statement.text[lang],
        })),
    ],
    // What you can do follows from the law and the facts of the other sections, which carry their sources.
    sources:
      id === 'actions' ? [] : tool.sources.flatMap((source, index) => (source.covers.includes(id) ? [index + 1] : [])),
  }));
  const { status } = tool;
  return {
    name: tool.name[lang],
    organisation: policy && organisationModel(policy, tool.id, lang),
    discontinued:
      status.state === 'discontinued'
        ? {
            text: t('discontinuedSince', { date: formatDate(status.since, lang) }),
            note: status.note[lang],
            unconfirmed: text(status.unconfirmed, lang),
          }
        : undefined,
    statusUnconfirmed: status.state === 'active' ? text(status.unconfirmed, lang) : undefined,
    keyFacts: keyFactRows(glanceOf(tool), lang),
    assessment: assessmentLine(glanceOf(tool), lang),
    // A section with nothing in it (no other notes) is left out rather than shown empty.
    sections: sections.filter((section) =>
      section.blocks.some((block) => block.kind !== 'list' || block.lines.length > 0),
    ),
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
