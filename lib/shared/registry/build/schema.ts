// Build code: runs in Node at build time (wxt.config.ts, the registry check, tests, the bench). Runtime code
// imports only `type`s from here: one value import would pull full zod and the registry's authoring data into a bundle.
// Reached from wxt.config.ts, which loads before Vite's `@/` alias exists: relative imports only, no `@/`.
import { z } from 'zod';
import { DetectionRulesSchema, HostnameSchema } from './rules-schema';
import { TOOL_ID_PATTERN } from '../../detection/shapes';
import { deniesAgreement, LANGS, type Lang } from '../../lang';
import { SECTIONS } from '../sections';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** A user-facing text in every display language; a missing translation is an error, never a fallback. */
/** A text in every display language. */
export const TextSchema = z.strictObject(
  Object.fromEntries(LANGS.map((lang) => [lang, nonEmpty])) as Record<Lang, typeof nonEmpty>,
);
export type Text = z.infer<typeof TextSchema>;

export const HttpsUrlSchema = z.url({
  protocol: /^https$/,
  hostname: z.regexes.domain,
  error: 'must be an https:// URL',
});

export const IsoDateSchema = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });

/** ISO 3166-1 alpha-2, rendered in the display language with Intl.DisplayNames. */
export const CountrySchema = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code');

/**
 * Set where the evidence does not confirm a fact: the popup shows the fact as unconfirmed, with this
 * text saying what is open.
 */
const unconfirmed = TextSchema.optional();

export const DATA_CATEGORIES = [
  'account',
  'metadata',
  'technical',
  'diagnostic',
  'media',
  'chat',
  'files',
  'recordings',
  'ai',
  'dial-in',
] as const;
export const DataCategorySchema = z.enum(DATA_CATEGORIES);
export type DataCategory = z.infer<typeof DataCategorySchema>;

/** Whose purposes data serves: the provider processes it for the organisation, on its own account, or both. */
export const PROVIDER_ROLES = ['processor', 'controller', 'both', 'unknown'] as const;

export const CollectedDataSchema = z.strictObject({
  category: DataCategorySchema,
  items: z.array(TextSchema).min(1, 'must list at least one item'),
  /** The provider's role for this category, where its documents say (diagnostic data above all). */
  providerRole: z.enum(PROVIDER_ROLES).optional(),
  /** How long the provider keeps this category, where known. */
  retention: TextSchema.optional(),
  note: TextSchema.optional(),
  unconfirmed,
});
export type CollectedData = z.infer<typeof CollectedDataSchema>;

/** Legal bases for processing (Art. 6 and 9 GDPR). Transfer rules (Art. 44 to 49) are not legal bases: see `transfer`. */
export const LEGAL_ARTICLES = ['6(1)(a)', '6(1)(b)', '6(1)(c)', '6(1)(e)', '6(1)(f)', '9(2)(a)'] as const;
export const LegalArticleSchema = z.enum(LEGAL_ARTICLES);
export type LegalArticle = z.infer<typeof LegalArticleSchema>;

/**
 * Who states a legal basis: the provider in its own notice, for what it processes as controller; or
 * `typical`, what organisations that run meetings with the tool typically state. The organisation's own
 * bases come from its policy or its notice (`statements`), never from here.
 */
export const STATED_BY = ['provider', 'typical'] as const;

export const LegalBasisSchema = z.strictObject({
  article: LegalArticleSchema,
  statedBy: z.enum(STATED_BY),
  /** When this basis applies, in plain words. */
  appliesWhen: TextSchema,
  /** Consent-based processing: whether and how consent can be withdrawn. */
  revocable: z.boolean(),
  note: TextSchema.optional(),
});
export type LegalBasis = z.infer<typeof LegalBasisSchema>;

export const RETENTION_SCOPES = ['operator', 'provider', 'device', 'statutory'] as const;
export const RetentionRuleSchema = z.strictObject({
  /** Whose storage the rule is about; `provider` rules lie outside the operator's influence. */
  scope: z.enum(RETENTION_SCOPES),
  trigger: TextSchema,
  outcome: TextSchema,
  unconfirmed,
});
export type RetentionRule = z.infer<typeof RetentionRuleSchema>;

/**
 * What the provider offers every customer, never one customer's own contract: an operator's claims
 * about its agreement belong in `statements`, attributed to its notice.
 */
export const DPA_NOT_APPLICABLE = ['consumer-service', 'self-hosted'] as const;

export const DpaSchema = z.strictObject({
  status: z.enum(['offered', 'not-offered', 'not-applicable', 'unknown']),
  /**
   * Why no agreement applies: a consumer service, where the provider is the controller; or software the
   * organisation runs itself, where it asks no one to process for it (ask the organisation running it).
   */
  reason: z.enum(DPA_NOT_APPLICABLE).optional(),
  /** How a customer gets it: part of the terms everyone accepts, signed on its own, or on request. */
  how: z.enum(['part-of-terms', 'signed-separately', 'on-request']).optional(),
  url: HttpsUrlSchema.optional(),
  note: TextSchema,
  unconfirmed,
});
export type Dpa = z.infer<typeof DpaSchema>;

/**
 * Transfer tools as the GDPR names them: an adequacy decision (Art. 45; `dpf` is the EU-US Data Privacy
 * Framework, one such decision), appropriate safeguards (Art. 46: standard contractual clauses, binding
 * corporate rules), or a derogation for specific situations (Art. 49, never for regular transfers).
 */
export const TRANSFER_MECHANISMS = [
  'none-needed',
  'adequacy',
  'dpf',
  'scc',
  'bcr',
  'art49-consent',
  'unknown',
] as const;
export type TransferMechanism = (typeof TRANSFER_MECHANISMS)[number];
export const TransferSchema = z.strictObject({
  /** Whether personal data may leave the EU/EEA; null where it depends on who runs the server. */
  thirdCountry: z.boolean().nullable(),
  /** Countries outside the EU/EEA the data may go to. */
  countries: z.array(CountrySchema),
  mechanisms: z.array(z.enum(TRANSFER_MECHANISMS)).min(1, 'must name at least one mechanism (or "unknown")'),
  note: TextSchema,
  unconfirmed,
});
export type Transfer = z.infer<typeof TransferSchema>;

export const ResidencySchema = z.strictObject({
  available: z.enum(['yes', 'no', 'partial', 'self-hosted', 'unknown']),
  note: TextSchema,
  unconfirmed,
});

/** yes / no, or unknown where the evidence says neither. */
export const AnswerSchema = z.enum(['yes', 'no', 'unknown']);
export type Answer = z.infer<typeof AnswerSchema>;

/** What a feature needs before anyone in a meeting can use it. */
export const REQUIREMENTS = ['paid-plan', 'add-on', 'admin-setting', 'server-setup'] as const;

/** A feature that processes meeting content: whether it exists, whether it is on without anyone acting, and what it needs. */
const featureFields = {
  available: AnswerSchema,
  /** On without anyone choosing it; null where it depends on settings or is unknown. */
  defaultOn: z.boolean().nullable(),
  requires: z.array(z.enum(REQUIREMENTS)).optional(),
  /** Plain explanation: the product's name for the feature, what it keeps, and for how long. */
  note: TextSchema.optional(),
  unconfirmed,
};

export const RECORDING_STORAGE = ['provider-cloud', 'customer-storage', 'local-device', 'operator-server'] as const;
export const RECORDING_STARTERS = ['host', 'permitted-participants', 'any-participant', 'operator'] as const;
export const E2EE_LIMITS = [
  'not-in-browser',
  'participant-limit',
  'one-to-one-only',
  'disables-recording',
  'disables-transcription',
  'disables-ai',
  'disables-dial-in',
  'experimental',
] as const;
/** How consent to a recording is handled, as the provider's own documents state it. */
export const RECORDING_CONSENT = ['joining-counts', 'each-asked', 'not-stated'] as const;

/**
 * What a participant meets when a meeting is recorded, as one cited source states it: whether joining counts
 * as consent (Webex's privacy supplement), everyone is asked first, or the documents do not say; and whether
 * everyone sees that a recording runs. Absent where no source in the entry says either.
 */
export const RecordingParticipantsSchema = z.strictObject({
  consent: z.enum(RECORDING_CONSENT),
  /** Whether the source says everyone in the meeting is shown that it is being recorded. */
  notice: z.enum(['everyone', 'not-stated']),
  /** Index into `sources`: the provider's document that says so. */
  source: z.int().nonnegative(),
});

export const PROVIDER_RETENTION = [
  'until-deleted',
  'fixed-period',
  'customer-controls',
  'not-stored',
  'unknown',
] as const;

/** The facts the first screen answers with. Enums and booleans the schema checks; notes only explain. */
export const KeyFactsSchema = z.strictObject({
  recording: z.strictObject({
    ...featureFields,
    /** Where recordings are kept; empty when recording is not available. */
    storedAt: z.array(z.enum(RECORDING_STORAGE)),
    /** Who can start a recording. */
    startedBy: z.array(z.enum(RECORDING_STARTERS)),
    participants: RecordingParticipantsSchema.optional(),
  }),
  transcription: z.strictObject(featureFields),
  ai: z.strictObject(featureFields),
  e2ee: z.strictObject({ ...featureFields, limits: z.array(z.enum(E2EE_LIMITS)) }),
  /** How long the provider keeps meeting content and data on its own systems. */
  providerRetention: z.strictObject({
    rule: z.enum(PROVIDER_RETENTION),
    /** For `fixed-period`: the period in days. */
    days: z.int().positive().optional(),
    note: TextSchema.optional(),
    unconfirmed,
  }),
});
export type KeyFacts = z.infer<typeof KeyFactsSchema>;

const EntitySchema = z.strictObject({
  /** Legal entity and postal address are proper names: written once, shown as they are. */
  name: nonEmpty,
  address: nonEmpty,
  country: CountrySchema,
});

/**
 * What the provider's entity in the EEA does for people there: it is the controller (for the provider's own
 * processing, or for consumers), the processor customers contract with, their representative under Art. 27,
 * or an affiliate without a stated role. Only the first two name who is answerable to a participant.
 */
export const EU_ENTITY_ROLES = ['controller', 'processor', 'representative', 'affiliate'] as const;

export const ProviderSchema = EntitySchema.extend({
  euEntity: EntitySchema.extend({ acts: z.enum(EU_ENTITY_ROLES), role: TextSchema }).optional(),
  unconfirmed,
});
export type Provider = z.infer<typeof ProviderSchema>;

export const LinkSchema = z.strictObject({ url: HttpsUrlSchema, unconfirmed });
export const LinksSchema = z.strictObject({
  privacyPolicy: z
    .strictObject(
      Object.fromEntries(LANGS.map((lang) => [lang, LinkSchema.optional()])) as Record<
        Lang,
        z.ZodOptional<typeof LinkSchema>
      >,
    )
    .refine((p) => LANGS.some((lang) => p[lang]), 'needs a privacy-policy link in at least one language'),
  dpa: LinkSchema.optional(),
  more: z.array(z.strictObject({ title: TextSchema, url: HttpsUrlSchema, unconfirmed })).optional(),
});
export type Links = z.infer<typeof LinksSchema>;

export const StatusSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('active'), unconfirmed }),
  z.strictObject({ state: z.literal('discontinued'), since: IsoDateSchema, note: TextSchema, unconfirmed }),
]);
export type Status = z.infer<typeof StatusSchema>;

export const SectionSchema = z.enum(SECTIONS);
export type Section = z.infer<typeof SectionSchema>;

/**
 * provider: the provider's own policy, terms or documentation; operator-notice: one organisation's
 * privacy notice about its use of the tool; code: public source code or configuration; authority: a
 * data-protection authority or public body; press and third-party: reports and summaries by others.
 */
export const SOURCE_KINDS = ['provider', 'operator-notice', 'code', 'authority', 'press', 'third-party'] as const;

export const SourceSchema = z.strictObject({
  /** The document's own title, as published. */
  title: nonEmpty,
  kind: z.enum(SOURCE_KINDS),
  /** The official page. Omitted only for an operator's notice handed to us without a public address. */
  url: HttpsUrlSchema.optional(),
  /** A recorded copy or mirror of the same document, shown as a second link. */
  archive: HttpsUrlSchema.optional(),
  accessed: IsoDateSchema,
  covers: z.array(SectionSchema).min(1),
});
export type Source = z.infer<typeof SourceSchema>;

/** A claim one organisation makes about its own use of the tool, shown in its section with its source named. */
export const StatementSchema = z.strictObject({
  section: SectionSchema,
  /** Index into `sources`; that source must be an operator notice. */
  source: z.int().nonnegative(),
  text: TextSchema,
});
export type Statement = z.infer<typeof StatementSchema>;

export const NoteSchema = z.strictObject({ text: TextSchema, unconfirmed });
export type Note = z.infer<typeof NoteSchema>;

/** Who assessed a tool: a data-protection authority, a government's DPIA, an enforcement decision, a consumer test, research. */
export const ASSESSOR_KINDS = ['authority', 'government-dpia', 'enforcement', 'consumer-test', 'research'] as const;
/** The points assessors weigh. */
export const ASSESSMENT_POINTS = [
  'agreement',
  'own-purposes',
  'telemetry',
  'us-access',
  'transfers',
  'encryption',
  'transparency',
  'retention',
  'ai',
  'security',
] as const;
export type AssessmentPoint = (typeof ASSESSMENT_POINTS)[number];

/** What an assessor found about a tool, dated, with its scope and a link; its words only as a short verdict. */
export const AssessmentSchema = z.strictObject({
  assessor: TextSchema,
  /** The assessor's name as the first screen shows it. */
  short: TextSchema.refine((text) => LANGS.every((lang) => text[lang].length <= 32), 'must be at most 32 characters'),
  kind: z.enum(ASSESSOR_KINDS),
  date: IsoDateSchema,
  /** Product, edition, audience and jurisdiction the assessment covers. */
  scope: TextSchema,
  /** The assessor's own verdict word(s), quoted briefly. */
  verdict: TextSchema.refine((text) => LANGS.every((lang) => text[lang].length <= 48), 'must be at most 48 characters'),
  /** The verdict's direction, for marks: against the tool, mixed, or in its favour. */
  tone: z.enum(['negative', 'mixed', 'positive']),
  points: z.array(
    z.strictObject({ point: z.enum(ASSESSMENT_POINTS), finding: z.enum(['concern', 'resolved', 'fine']) }),
  ),
  summary: TextSchema,
  url: HttpsUrlSchema,
  accessed: IsoDateSchema,
  /** Index of the newer assessment in the same list that replaces this one. */
  supersededBy: z.int().nonnegative().optional(),
  unconfirmed,
});
export type Assessment = z.infer<typeof AssessmentSchema>;

/** What the provider uses meeting data for on its own account, as controller. */
export const OwnPurposesSchema = z.strictObject({
  answer: AnswerSchema,
  purposes: z.array(TextSchema),
  note: TextSchema,
  unconfirmed,
});

/** Whether the provider is subject to US law that lets authorities demand data wherever it is stored. */
export const UsLawSchema = z.strictObject({
  subject: z.boolean().nullable(),
  note: TextSchema,
  unconfirmed,
});

/** Named AI features that contradict "no AI". */
const AI_FEATURES = /\b(Meta AI|Copilot|Gemini|AI Companion|Zoom AI|AI Assistant|KI-Assistent)\b/i;
/**
 * Other names people search a tool by, per display language: abbreviations ("BBB"), former or vendor names
 * ("Cisco Webex", "Lync"), suites it is part of ("Google Workspace") and the words of each language.
 */
export const AliasesSchema = z.strictObject(
  Object.fromEntries(LANGS.map((lang) => [lang, z.array(nonEmpty)])) as Record<Lang, z.ZodArray<typeof nonEmpty>>,
);
export type Aliases = z.infer<typeof AliasesSchema>;

const ToolIdSchema = z.string().regex(TOOL_ID_PATTERN, 'must be kebab-case').max(60);

export const ToolSchema = z
  .strictObject({
    id: ToolIdSchema,
    name: TextSchema,
    aliases: AliasesSchema.optional(),
    summary: TextSchema,
    hosting: z.enum(['cloud', 'self-hosted', 'cloud-and-self-hosted']),
    status: StatusSchema,
    provider: ProviderSchema,
    links: LinksSchema,
    keyFacts: KeyFactsSchema,
    collected: z.array(CollectedDataSchema).min(1),
    legalBases: z.array(LegalBasisSchema).min(1),
    retention: z.array(RetentionRuleSchema).min(1),
    dpa: DpaSchema,
    transfer: TransferSchema,
    residency: ResidencySchema,
    notes: z.array(NoteSchema),
    statements: z.array(StatementSchema).optional(),
    /** Newest first. */
    assessments: z.array(AssessmentSchema).optional(),
    ownPurposes: OwnPurposesSchema.optional(),
    usLaw: UsLawSchema.optional(),
    detection: DetectionRulesSchema,
    sources: z.array(SourceSchema).min(1, 'needs at least one source'),
    lastReviewed: IsoDateSchema,
  })
  .superRefine((tool, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const seen = new Set<string>();
    tool.collected.forEach((entry, index) => {
      if (seen.has(entry.category))
        issue(['collected', index, 'category'], `category "${entry.category}" is listed twice`);
      seen.add(entry.category);
    });
    if (!tool.sources.some((source) => source.url)) issue(['sources'], 'needs at least one source with a URL');
    tool.statements?.forEach((statement, index) => {
      if (tool.sources[statement.source]?.kind !== 'operator-notice') {
        issue(['statements', index, 'source'], 'must point to a source of kind "operator-notice"');
      }
    });
    const { keyFacts } = tool;
    const { recording, providerRetention } = keyFacts;
    if (recording.available === 'yes' && recording.storedAt.length === 0) {
      issue(['keyFacts', 'recording', 'storedAt'], 'must say where recordings are kept');
    }
    if (recording.available === 'no' && (recording.storedAt.length || recording.startedBy.length)) {
      issue(['keyFacts', 'recording'], 'a tool without recording has no storage or starters');
    }
    const participants = recording.participants;
    if (participants) {
      const source = tool.sources[participants.source];
      if (recording.available !== 'yes')
        issue(['keyFacts', 'recording', 'participants'], 'only a tool that records says what participants meet');
      if (!source || source.kind !== 'provider' || !source.covers.includes('features')) {
        issue(
          ['keyFacts', 'recording', 'participants', 'source'],
          'must point to a provider\'s source that covers "features"',
        );
      }
    }
    if ((providerRetention.rule === 'fixed-period') !== (providerRetention.days !== undefined)) {
      issue(['keyFacts', 'providerRetention', 'days'], 'days are given exactly for a fixed period');
    }
    if (tool.status.state === 'discontinued' && tool.detection.hosts.some((host) => host.watch !== false)) {
      issue(['detection', 'hosts'], 'a discontinued tool asks for no host permission: set "watch": false on its hosts');
    }
    tool.sources.forEach((source, index) => {
      if (!source.url && source.kind !== 'operator-notice')
        issue(['sources', index, 'url'], 'needs the official page (only an operator notice may lack an address)');
    });
    const { dpa } = tool;
    if ((dpa.status === 'not-applicable') !== (dpa.reason !== undefined)) {
      issue(['dpa', 'reason'], 'says why no agreement applies, exactly when the status is "not-applicable"');
    }
    if (tool.hosting === 'self-hosted' && dpa.status === 'not-applicable' && dpa.reason !== 'self-hosted') {
      issue(['dpa', 'reason'], 'software the organisation runs itself is "self-hosted", not a consumer service');
    }
    if (dpa.status === 'offered' && !dpa.url && !tool.links.dpa)
      issue(['dpa', 'url'], 'an offered agreement links to it');
    if (dpa.status === 'offered' && LANGS.some((lang) => deniesAgreement(dpa.note[lang], lang))) {
      issue(['dpa', 'note'], 'the note says no agreement applies or none was found, which contradicts "offered"');
    }
    if (keyFacts.ai.available === 'no' && LANGS.some((lang) => AI_FEATURES.test(keyFacts.ai.note?.[lang] ?? ''))) {
      issue(['keyFacts', 'ai', 'available'], 'the note names an AI feature, which contradicts "no"');
    }
    tool.assessments?.forEach((assessment, index) => {
      const by = assessment.supersededBy;
      if (by === undefined) return;
      const newer = tool.assessments?.[by];
      if (!newer || by === index || newer.date < assessment.date) {
        issue(['assessments', index, 'supersededBy'], 'must point to a newer assessment in the same list');
      }
    });
    if (tool.assessments?.some((assessment, index, all) => index > 0 && all[index - 1]!.date < assessment.date)) {
      issue(['assessments'], 'must be listed newest first');
    }
    if (tool.transfer.thirdCountry === false && tool.transfer.countries.length) {
      issue(['transfer', 'countries'], 'a transfer that stays in the EU/EEA lists no third countries');
    }
  });
export type Tool = z.infer<typeof ToolSchema>;

/** A reverse proxy that serves other sites under its own host suffix: `<site>.<suffix>`. */
export const ProxySchema = z.strictObject({
  name: nonEmpty,
  suffixes: z.array(HostnameSchema).min(1),
  source: HttpsUrlSchema,
});

export const RegistryMetaSchema = z.strictObject({
  /** Date up to which the registry's facts were gathered. */
  dataAsOf: IsoDateSchema,
  proxies: z.array(ProxySchema),
  /** The tools people meet most, most common first: the home list shows them after the pins and before the rest. */
  mostUsed: z.array(ToolIdSchema),
  /** How `mostUsed` was chosen, since JSON has no comments; never bundled. */
  mostUsedNote: nonEmpty,
});
export type RegistryMeta = z.infer<typeof RegistryMetaSchema>;

/** The interface strings (data/ui-strings.json): every key in every language, with the same placeholders. */
export const UiStringsSchema = z.record(z.string(), TextSchema).superRefine((strings, ctx) => {
  for (const [key, text] of Object.entries(strings)) {
    const placeholders = LANGS.map((lang) =>
      [...text[lang].matchAll(/\{(\w+)\}/g)]
        .map((m) => m[1])
        .sort()
        .join(),
    );
    if (new Set(placeholders).size > 1) {
      ctx.addIssue({ code: 'custom', path: [key], message: 'placeholders differ between languages' });
    }
  }
});
