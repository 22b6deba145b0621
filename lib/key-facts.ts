// Reached from wxt.config.ts (through the registry's build code): relative imports only, no `@/`.
import { countryName, formatDate, formatList, translator, type Translate } from './i18n';
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

/** Assessor kinds whose findings weigh against an agreement: public bodies, not tests or research. */
const AUTHORITATIVE: ReadonlySet<Assessment['kind']> = new Set(['authority', 'government-dpia', 'enforcement']);

/** Whether the evidence leaves a fact open, as the projections carry it: a flag instead of the note. */
export const open = (value: { unconfirmed?: unknown }): { unconfirmed?: true } => (value.unconfirmed ? { unconfirmed: true } : {});

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
      assessment.points.some(({ point, finding }) => (point === 'agreement' || point === 'own-purposes') && finding === 'concern'),
  );
  return {
    hosting: tool.hosting,
    /** Whether the summary has other notes, so the first screen lists only sections with content. */
    hasNotes: tool.notes.length > 0 || (tool.statements ?? []).some((statement) => statement.section === 'notes'),
    provider: { name: provider.name, country: provider.country, ...open(provider) },
    transfer: { thirdCountry: transfer.thirdCountry, countries: transfer.countries, mechanisms: transfer.mechanisms, ...open(transfer) },
    ...(usLaw && { usLaw: { subject: usLaw.subject, ...open(usLaw) } }),
    dpa: { status: dpa.status, ...(dpa.how && { how: dpa.how }), ...(dpa.reason && { reason: dpa.reason }), ...open(dpa) },
    keyFacts: {
      recording: { available: recording.available, defaultOn: recording.defaultOn, storedAt: recording.storedAt, startedBy: recording.startedBy, ...open(recording) },
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

function featureState(t: Translate, fact: { defaultOn: boolean | null }): string {
  return fact.defaultOn === null ? t('default.depends') : t(fact.defaultOn ? 'default.on' : 'default.off');
}

/** The first screen's key facts, derived from the structured facts, never written per tool. */
export function keyFactRows(tool: KeyFactInput, lang: Lang): KeyFactRow[] {
  const t = translator(lang);
  const { provider, transfer, dpa, hosting, usLaw } = tool;
  const { recording, transcription, ai, e2ee } = tool.keyFacts;
  const list = (items: readonly string[]) => formatList(items, lang);
  const isOpen = (...facts: Array<{ unconfirmed?: unknown }>) => facts.some((fact) => Boolean(fact.unconfirmed));
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
    // US law reaches a US provider's data wherever it is stored: it is said even where data stays in the EU.
    const usLawApplies = usLaw?.subject === true;
    const us = usLawApplies ? t('where.usLaw') : '';
    const unconfirmed = isOpen(transfer, usLaw ?? {});
    if (transfer.thirdCountry === null) return row('where', 'transfer', usLawApplies ? 'caution' : 'info', `${t('where.depends')}${us}`, unconfirmed);
    if (!transfer.thirdCountry) return row('where', 'transfer', usLawApplies ? 'caution' : 'ok', `${t('where.stays')}${us}`, unconfirmed);
    const countries = list(transfer.countries.map((code) => countryName(code, lang)));
    // Short names here; the details give each as the GDPR names it.
    const safeguards = list(transfer.mechanisms.map((mechanism) => t(`mechanismShort.${mechanism}`)));
    const adequate = !usLawApplies && transfer.mechanisms.every((mechanism) => mechanism === 'adequacy');
    return row('where', 'transfer', adequate ? 'info' : 'caution', `${t('where.abroad', { countries, safeguards })}${us}`, unconfirmed);
  };

  const recordingRow = (): KeyFactRow => {
    const unconfirmed = isOpen(recording, transcription);
    if (recording.available === 'unknown') return row('recording', 'features', 'unknown', t('notKnown'), unconfirmed);
    const transcripts = t(`transcripts.${transcription.available}`);
    if (recording.available === 'no') {
      return row('recording', 'features', transcription.available === 'yes' ? 'caution' : 'ok', t('recording.no', { transcripts }), unconfirmed);
    }
    const starters = list(recording.startedBy.map((starter) => t(`starter.${starter}`)));
    const places = list(recording.storedAt.map((place) => t(`storage.${place}`)));
    const key = recording.defaultOn ? 'recording.automatic' : recording.startedBy.length ? 'recording.yes' : 'recording.yesNoStarter';
    return row('recording', 'features', 'caution', t(key, { starters, places, transcripts }), unconfirmed);
  };

  const aiRow = (): KeyFactRow => {
    const unconfirmed = isOpen(ai);
    if (ai.available === 'unknown') return row('ai', 'features', 'unknown', t('notKnown'), unconfirmed);
    if (ai.available === 'no') return row('ai', 'features', 'ok', t('ai.no'), unconfirmed);
    return row('ai', 'features', 'caution', t('ai.yes', { state: featureState(t, ai) }), unconfirmed);
  };

  const e2eeRow = (): KeyFactRow => {
    const unconfirmed = isOpen(e2ee);
    if (e2ee.available === 'unknown') return row('e2ee', 'features', 'unknown', t('notKnown'), unconfirmed);
    if (e2ee.available === 'no') return row('e2ee', 'features', 'caution', t('e2ee.no'), unconfirmed);
    const limits = e2ee.limits.length ? t('e2ee.limits', { limits: list(e2ee.limits.map((limit) => t(`limit.${limit}`))) }) : '';
    if (e2ee.defaultOn === null) return row('e2ee', 'features', 'info', `${t('e2ee.depends')}${limits}`, unconfirmed);
    return e2ee.defaultOn
      ? row('e2ee', 'features', 'ok', `${t('e2ee.default')}${limits}`, unconfirmed)
      : row('e2ee', 'features', 'caution', `${t('e2ee.optional')}${limits}`, unconfirmed);
  };

  const dpaRow = (): KeyFactRow => {
    const unconfirmed = isOpen(dpa);
    const status = dpa.status === 'not-applicable' ? t(`dpa.not-applicable.${dpa.reason ?? 'consumer-service'}`) : t(`dpa.${dpa.status}`);
    const concern = dpa.status === 'offered' && tool.agreementConcern;
    // How the agreement is concluded yields to an authority's finding on the first screen; the details keep both.
    const how = dpa.how && !concern ? t(`dpa.how.${dpa.how}`) : '';
    // An authority that found the agreement or the provider's own use of data wanting outweighs "offered".
    const mark: Mark = concern ? 'caution' : ({ offered: 'ok', 'not-offered': 'caution', 'not-applicable': 'info', unknown: 'unknown' } as const)[dpa.status];
    const found = concern ? t('dpa.concern', { assessor: concern.short[lang], year: concern.date.slice(0, 4) }) : '';
    return row('dpa', 'dpa', mark, [status, how, found].filter(Boolean).join(' · '), unconfirmed);
  };

  return [row('who', 'provider', 'info', whoText, isOpen(provider)), whereRow(), recordingRow(), aiRow(), e2eeRow(), dpaRow()];
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
    text: t('assessment.line', { assessor: assessment.short[lang], date: formatDate(assessment.date, lang, 'month'), verdict: assessment.verdict[lang] }),
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
    superseded: newer ? t('assessment.superseded', { assessor: text(newer.short), date: formatDate(newer.date, lang) }) : undefined,
    unconfirmed: assessment.unconfirmed ? text(assessment.unconfirmed) : undefined,
  };
}
