// Reached from wxt.config.ts (through the registry's build code): relative imports only, no `@/`.
import { countryName, formatDate, formatList, translator } from './i18n';
import type { Lang } from './lang';
import type { Assessment, Section, Text, Tool } from './registry/build/schema';

/**
 * The first screen's facts: what the marks are, how each row is derived from a tool's structured facts, and
 * the projection (`Glance`) the start-up bundle carries for every tool. The popup, Compare, meeting links and
 * the exports all read rows from here, so a mark is derived in exactly one place.
 */

/** A fact's mark: shown as a sign with a spoken name, never by colour alone. `ok` means in the reader's favour. */
export type Mark = 'ok' | 'caution' | 'info' | 'unknown';

/** The one sign table for the popup and every export. */
export const MARK_SIGNS: Readonly<Record<Mark, string>> = { ok: '✓', caution: '!', info: 'i', unknown: '?' };

/**
 * The first screen's rows, each one plain sentence for a participant. `who` says who is responsible and who
 * processes for it; its mark is the agreement's (the agreement itself is one tap away, in its details).
 */
export const KEY_FACTS = ['who', 'where', 'recording', 'ai', 'e2ee'] as const;
export type KeyFactId = (typeof KEY_FACTS)[number];

export interface KeyFactRow {
  id: KeyFactId;
  /** A short name of the question, for Compare's row heads and the exports; the sentence stands on its own. */
  label: string;
  mark: Mark;
  /** One sentence in the display language. */
  text: string;
  /** Whether the evidence leaves this fact open; its details say what. */
  unconfirmed: boolean;
  /** The detail section that explains it. */
  section: Section;
}

/** Assessor kinds whose findings weigh against an agreement: public bodies, not tests or research. */
const AUTHORITATIVE: ReadonlySet<Assessment['kind']> = new Set(['authority', 'government-dpia', 'enforcement']);

/** Whether the evidence leaves a fact open, as the projections carry it: a flag instead of the note. */
export const open = (value: { unconfirmed?: unknown }): { unconfirmed?: true } =>
  value.unconfirmed ? { unconfirmed: true } : {};

/** Assessments no newer one replaces, newest first (the registry lists them newest first). */
export function currentAssessments(tool: Pick<Tool, 'assessments'>): Assessment[] {
  return (tool.assessments ?? []).filter((assessment) => assessment.supersededBy === undefined);
}

/**
 * What the first screen needs of a tool, without explanations: projected from every entry at build time
 * into the start-up bundle, so the first screen renders without waiting for the tool's full entry.
 */
export function glanceOf(tool: Tool) {
  const { provider, transfer, dpa, keyFacts, usLaw } = tool;
  const { recording, transcription, ai, e2ee } = keyFacts;
  const current = currentAssessments(tool);
  const newest = current[0];
  // A current finding by a public body that the agreement or the provider's own use of data falls short.
  const concern = current.find(
    (assessment) =>
      AUTHORITATIVE.has(assessment.kind) &&
      assessment.points.some(
        ({ point, finding }) => (point === 'agreement' || point === 'own-purposes') && finding === 'concern',
      ),
  );
  // Only an EEA entity that is answerable for data is named to participants; a representative is not.
  const euEntity =
    provider.euEntity && (provider.euEntity.acts === 'controller' || provider.euEntity.acts === 'processor')
      ? { name: provider.euEntity.name, acts: provider.euEntity.acts }
      : undefined;
  return {
    /** The tool's name, for sentences that quote its own notice ("According to Webex, ..."). */
    name: tool.name,
    hosting: tool.hosting,
    /** Whether the summary has other notes, so the first screen lists only sections with content. */
    hasNotes: tool.notes.length > 0 || (tool.statements ?? []).some((statement) => statement.section === 'notes'),
    provider: { name: provider.name, country: provider.country, ...(euEntity && { euEntity }), ...open(provider) },
    transfer: {
      thirdCountry: transfer.thirdCountry,
      countries: transfer.countries,
      mechanisms: transfer.mechanisms,
      ...open(transfer),
    },
    ...(usLaw && { usLaw: { subject: usLaw.subject, ...open(usLaw) } }),
    dpa: {
      status: dpa.status,
      ...(dpa.how && { how: dpa.how }),
      ...(dpa.reason && { reason: dpa.reason }),
      ...open(dpa),
    },
    keyFacts: {
      recording: {
        available: recording.available,
        defaultOn: recording.defaultOn,
        storedAt: recording.storedAt,
        startedBy: recording.startedBy,
        ...(recording.participants && {
          participants: { consent: recording.participants.consent, notice: recording.participants.notice },
        }),
        ...open(recording),
      },
      transcription: { available: transcription.available, defaultOn: transcription.defaultOn, ...open(transcription) },
      ai: { available: ai.available, defaultOn: ai.defaultOn, ...open(ai) },
      e2ee: { available: e2ee.available, defaultOn: e2ee.defaultOn, limits: e2ee.limits, ...open(e2ee) },
    },
    ...(newest && {
      assessment: {
        short: newest.short,
        date: newest.date,
        verdict: newest.verdict,
        tone: newest.tone,
        count: (tool.assessments ?? []).length,
        ...open(newest),
      },
    }),
    ...(concern && { agreementConcern: { short: concern.short, date: concern.date } }),
  };
}
export type Glance = ReturnType<typeof glanceOf>;
/** What rows are derived from: a Glance, or a projection that carries the same facts. */
export type KeyFactInput = Omit<Glance, 'hasNotes'>;

/** Whom a participant deals with: an organisation running the meeting, the provider itself, or a server's operator. */
export type Setting = 'organisation' | 'consumer' | 'self-hosted';

/** Who stands between the participant and the provider, from the hosting and the agreement's reason. */
export function settingOf(tool: { hosting: Tool['hosting']; dpa: Pick<Tool['dpa'], 'status' | 'reason'> }): Setting {
  if (tool.hosting === 'self-hosted') return 'self-hosted';
  return tool.dpa.status === 'not-applicable' && tool.dpa.reason === 'consumer-service' ? 'consumer' : 'organisation';
}

/** Limits on encryption a participant notices in this call; what it switches off belongs to the details. */
const SCOPE_LIMITS = ['one-to-one-only', 'participant-limit', 'experimental'] as const;

/** The agreement's mark: an authority that found the agreement or the provider's own use of data wanting outweighs "offered". */
export function agreementMark(tool: KeyFactInput): Mark {
  if (tool.dpa.status === 'offered' && tool.agreementConcern) return 'caution';
  return ({ offered: 'ok', 'not-offered': 'caution', 'not-applicable': 'info', unknown: 'unknown' } as const)[
    tool.dpa.status
  ];
}

/** The first screen's key facts, each one sentence derived from the structured facts, never written per tool. */
export function keyFactRows(tool: KeyFactInput, lang: Lang): KeyFactRow[] {
  const t = translator(lang);
  const { provider, transfer, dpa, usLaw } = tool;
  const { recording, transcription, ai, e2ee } = tool.keyFacts;
  const setting = settingOf(tool);
  const list = (items: readonly string[]) => formatList(items, lang);
  const isOpen = (...facts: Array<{ unconfirmed?: unknown }>) => facts.some((fact) => Boolean(fact.unconfirmed));
  const row = (id: KeyFactId, section: Section, mark: Mark, text: string, unconfirmed: boolean): KeyFactRow => ({
    id,
    label: t(`fact.${id}`),
    mark,
    text,
    unconfirmed,
    section,
  });
  /** Who can switch a feature on, in this setting. */
  const turnsOn = t(`turnsOn.${setting}`);

  const whoRow = (): KeyFactRow => {
    const unconfirmed = isOpen(provider, dpa);
    const { euEntity } = provider;
    if (setting === 'self-hosted') return row('who', 'dpa', agreementMark(tool), t('who.selfHosted'), unconfirmed);
    if (setting === 'consumer') {
      const controller = euEntity?.acts === 'controller' ? euEntity.name : provider.name;
      return row('who', 'dpa', agreementMark(tool), t('who.consumer', { controller }), unconfirmed);
    }
    const processor = euEntity?.acts === 'processor' ? euEntity.name : provider.name;
    const concern = dpa.status === 'offered' && tool.agreementConcern;
    const agreement = concern
      ? t('who.agreement.concern', { assessor: concern.short[lang], year: concern.date.slice(0, 4) })
      : t(`who.agreement.${dpa.status === 'not-applicable' ? 'unknown' : dpa.status}`);
    const key = tool.hosting === 'cloud-and-self-hosted' ? 'who.either' : 'who.organisation';
    const ownAccount = euEntity?.acts === 'controller' ? t('who.ownAccount', { controller: euEntity.name }) : '';
    return row('who', 'dpa', agreementMark(tool), `${t(key, { processor, agreement })}${ownAccount}`, unconfirmed);
  };

  const whereRow = (): KeyFactRow => {
    // US law reaches a US provider's data wherever it is stored: it is said even where data stays in the EU.
    const usLawApplies = usLaw?.subject === true;
    const unconfirmed = isOpen(transfer, usLaw ?? {});
    const us = usLawApplies ? t('where.usLaw') : '';
    if (transfer.thirdCountry === null)
      return row('where', 'transfer', usLawApplies ? 'caution' : 'info', `${t('where.depends')}${us}`, unconfirmed);
    if (!transfer.thirdCountry) {
      return row(
        'where',
        'transfer',
        usLawApplies ? 'caution' : 'ok',
        t(usLawApplies ? 'where.staysUsLaw' : 'where.stays'),
        unconfirmed,
      );
    }
    const countries = list(transfer.countries.map((code) => countryName(code, lang)));
    const adequate = transfer.mechanisms.every((mechanism) => mechanism === 'adequacy');
    const key = !countries ? 'where.abroadUnnamed' : adequate ? 'where.abroadAdequate' : 'where.abroad';
    return row(
      'where',
      'transfer',
      adequate && !usLawApplies ? 'info' : 'caution',
      `${t(key, { countries })}${us}`,
      unconfirmed,
    );
  };

  const recordingRow = (): KeyFactRow => {
    const unconfirmed = isOpen(recording, transcription);
    if (recording.available === 'unknown')
      return row('recording', 'features', 'unknown', t('recording.unknown'), unconfirmed);
    if (recording.available === 'no') {
      return row(
        'recording',
        'features',
        transcription.available === 'yes' ? 'caution' : 'ok',
        t(`recording.no.${transcription.available}`),
        unconfirmed,
      );
    }
    const transcripts = transcription.available === 'yes' ? t('recording.transcripts') : '';
    const starters = list(recording.startedBy.map((starter) => t(`starter.${starter}`)));
    const sentence = recording.defaultOn
      ? t('recording.automatic', { transcripts })
      : recording.startedBy.length
        ? t('recording.yes', { starters, transcripts })
        : t('recording.yesNoStarter', { transcripts });
    const { participants } = recording;
    const notices = participants
      ? [
          participants.consent !== 'not-stated' &&
            t(`recording.consent.${participants.consent}`, { tool: tool.name[lang] }),
          participants.notice === 'everyone' && t('recording.notice'),
        ]
      : [];
    return row('recording', 'features', 'caution', [sentence, ...notices].filter(Boolean).join(' '), unconfirmed);
  };

  const aiRow = (): KeyFactRow => {
    const unconfirmed = isOpen(ai);
    if (ai.available === 'unknown') return row('ai', 'features', 'unknown', t('ai.unknown'), unconfirmed);
    if (ai.available === 'no') return row('ai', 'features', 'ok', t('ai.no'), unconfirmed);
    const state = ai.defaultOn === null ? 'depends' : ai.defaultOn ? 'on' : 'off';
    return row('ai', 'features', 'caution', t(`ai.${state}`, { turnsOn }), unconfirmed);
  };

  const e2eeRow = (): KeyFactRow => {
    const unconfirmed = isOpen(e2ee);
    if (e2ee.available === 'unknown') return row('e2ee', 'features', 'unknown', t('e2ee.unknown'), unconfirmed);
    if (e2ee.available === 'no') return row('e2ee', 'features', 'caution', t('e2ee.no'), unconfirmed);
    const state = e2ee.defaultOn === null ? 'depends' : e2ee.defaultOn ? 'on' : 'off';
    // The popup runs in a browser: encryption the browser cannot join is none for this reader.
    if (e2ee.limits.includes('not-in-browser'))
      return row('e2ee', 'features', 'caution', t(`e2ee.notInBrowser.${state}`, { turnsOn }), unconfirmed);
    const scopes = SCOPE_LIMITS.filter((limit) => e2ee.limits.includes(limit)).map((limit) => t(`limit.${limit}`));
    const scope = scopes.length ? t('e2ee.scope', { limits: list(scopes) }) : '';
    const mark: Mark = ({ on: 'ok', off: 'caution', depends: 'info' } as const)[state];
    return row('e2ee', 'features', mark, t(`e2ee.${state}`, { turnsOn, scope }), unconfirmed);
  };

  return [whoRow(), whereRow(), recordingRow(), aiRow(), e2eeRow()];
}

/** The first screen's line on the newest assessment no newer one replaces. */
export interface AssessmentLine {
  label: string;
  mark: Mark;
  text: string;
  unconfirmed: boolean;
  /** How many assessments the details list. */
  count: number;
}

const TONE_MARKS: Readonly<Record<Assessment['tone'], Mark>> = { negative: 'caution', mixed: 'info', positive: 'ok' };

/** Who assessed the tool, when, and the assessor's own verdict word; null where no assessment is recorded. */
export function assessmentLine(tool: KeyFactInput, lang: Lang): AssessmentLine | null {
  const { assessment } = tool;
  if (!assessment) return null;
  const t = translator(lang);
  return {
    label: t('fact.assessment'),
    mark: TONE_MARKS[assessment.tone],
    text: t('assessment.line', {
      assessor: assessment.short[lang],
      date: formatDate(assessment.date, lang, 'month'),
      verdict: assessment.verdict[lang],
    }),
    unconfirmed: Boolean(assessment.unconfirmed),
    count: assessment.count,
  };
}

/** An assessment's text in the display language, for the details and the exports. */
export function describeAssessment(assessment: Assessment, all: readonly Assessment[], lang: Lang) {
  const t = translator(lang);
  const newer = assessment.supersededBy === undefined ? undefined : all[assessment.supersededBy];
  const text = (value: Text) => value[lang];
  return {
    lead: `${text(assessment.assessor)}, ${formatDate(assessment.date, lang)}`,
    kind: t(`assessor.${assessment.kind}`),
    verdict: text(assessment.verdict),
    mark: TONE_MARKS[assessment.tone],
    scope: text(assessment.scope),
    summary: text(assessment.summary),
    points: formatList(
      assessment.points.map(({ point, finding }) => `${t(`point.${point}`)} (${t(`finding.${finding}`)})`),
      lang,
    ),
    url: assessment.url,
    superseded: newer
      ? t('assessment.superseded', { assessor: text(newer.short), date: formatDate(newer.date, lang) })
      : undefined,
    unconfirmed: assessment.unconfirmed ? text(assessment.unconfirmed) : undefined,
  };
}
