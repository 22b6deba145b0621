import { z } from 'zod';
import { DetectionRulesSchema, HostnameSchema } from '../detection/rules';
import { TOOL_ID_PATTERN } from '../detection/shapes';
import { LANGS } from '../lang';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** A user-facing text in every display language; a missing translation is an error, never a fallback. */
export const TextSchema = z.strictObject({ de: nonEmpty, en: nonEmpty });
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

export const DATA_CATEGORIES = ['account', 'metadata', 'technical', 'media', 'chat', 'files', 'recordings', 'ai', 'dial-in'] as const;
export const DataCategorySchema = z.enum(DATA_CATEGORIES);
export type DataCategory = z.infer<typeof DataCategorySchema>;

export const CollectedDataSchema = z.strictObject({
  category: DataCategorySchema,
  items: z.array(TextSchema).min(1, 'must list at least one item'),
  note: TextSchema.optional(),
  unconfirmed,
});
export type CollectedData = z.infer<typeof CollectedDataSchema>;

export const LEGAL_ARTICLES = ['6(1)(a)', '6(1)(b)', '6(1)(c)', '6(1)(f)', '9(2)(a)', '28', '44', '46(2)(c)', '49(1)(a)'] as const;
export const LegalArticleSchema = z.enum(LEGAL_ARTICLES);
export type LegalArticle = z.infer<typeof LegalArticleSchema>;

export const LegalBasisSchema = z.strictObject({
  article: LegalArticleSchema,
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
export const DpaSchema = z.strictObject({
  status: z.enum(['offered', 'not-offered', 'not-applicable', 'unknown']),
  /** How a customer gets it: part of the terms everyone accepts, signed on its own, or on request. */
  how: z.enum(['part-of-terms', 'signed-separately', 'on-request']).optional(),
  url: HttpsUrlSchema.optional(),
  note: TextSchema,
  unconfirmed,
});
export type Dpa = z.infer<typeof DpaSchema>;

export const TRANSFER_MECHANISMS = ['none-needed', 'adequacy', 'dpf', 'scc', 'bcr', 'art49-consent', 'unknown'] as const;
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
export const PROVIDER_RETENTION = ['until-deleted', 'fixed-period', 'customer-controls', 'not-stored', 'unknown'] as const;

/** The facts the first screen answers with. Enums and booleans the schema checks; notes only explain. */
export const KeyFactsSchema = z.strictObject({
  recording: z.strictObject({
    ...featureFields,
    /** Where recordings are kept; empty when recording is not available. */
    storedAt: z.array(z.enum(RECORDING_STORAGE)),
    /** Who can start a recording. */
    startedBy: z.array(z.enum(RECORDING_STARTERS)),
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

export const ProviderSchema = EntitySchema.extend({
  euEntity: EntitySchema.extend({ role: TextSchema }).optional(),
  unconfirmed,
});
export type Provider = z.infer<typeof ProviderSchema>;

export const LinkSchema = z.strictObject({ url: HttpsUrlSchema, unconfirmed });
export const LinksSchema = z.strictObject({
  privacyPolicy: z
    .strictObject({ de: LinkSchema.optional(), en: LinkSchema.optional() })
    .refine((p) => p.de ?? p.en, 'needs a privacy-policy link in at least one language'),
  dpa: LinkSchema.optional(),
  more: z.array(z.strictObject({ title: TextSchema, url: HttpsUrlSchema, unconfirmed })).optional(),
});
export type Links = z.infer<typeof LinksSchema>;

export const StatusSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('active'), unconfirmed }),
  z.strictObject({ state: z.literal('discontinued'), since: IsoDateSchema, note: TextSchema, unconfirmed }),
]);
export type Status = z.infer<typeof StatusSchema>;

/** The summary's detail sections, in the order shown; a source says which of them it backs. */
export const SECTIONS = ['provider', 'features', 'collected', 'legalBases', 'retention', 'dpa', 'transfer', 'notes', 'detection'] as const;
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
  /** Omitted only for source texts handed to us without an address (e.g. an operator's privacy notice). */
  url: HttpsUrlSchema.optional(),
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

/**
 * Other names people search a tool by, per display language: abbreviations ("BBB"), former or vendor names
 * ("Cisco Webex", "Lync"), suites it is part of ("Google Workspace") and the words of each language.
 */
export const AliasesSchema = z.strictObject({ de: z.array(nonEmpty), en: z.array(nonEmpty) });
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
    detection: DetectionRulesSchema,
    sources: z.array(SourceSchema).min(1, 'needs at least one source'),
    lastReviewed: IsoDateSchema,
  })
  .superRefine((tool, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const seen = new Set<string>();
    tool.collected.forEach((entry, index) => {
      if (seen.has(entry.category)) issue(['collected', index, 'category'], `category "${entry.category}" is listed twice`);
      seen.add(entry.category);
    });
    if (!tool.sources.some((source) => source.url)) issue(['sources'], 'needs at least one source with a URL');
    tool.statements?.forEach((statement, index) => {
      if (tool.sources[statement.source]?.kind !== 'operator-notice') {
        issue(['statements', index, 'source'], 'must point to a source of kind "operator-notice"');
      }
    });
    const { recording, providerRetention } = tool.keyFacts;
    if (recording.available === 'yes' && recording.storedAt.length === 0) {
      issue(['keyFacts', 'recording', 'storedAt'], 'must say where recordings are kept');
    }
    if (recording.available === 'no' && (recording.storedAt.length || recording.startedBy.length)) {
      issue(['keyFacts', 'recording'], 'a tool without recording has no storage or starters');
    }
    if ((providerRetention.rule === 'fixed-period') !== (providerRetention.days !== undefined)) {
      issue(['keyFacts', 'providerRetention', 'days'], 'days are given exactly for a fixed period');
    }
    if (tool.status.state === 'discontinued' && tool.detection.hosts.some((host) => host.watch !== false)) {
      issue(['detection', 'hosts'], 'a discontinued tool asks for no host permission: set "watch": false on its hosts');
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
    const placeholders = LANGS.map((lang) => [...text[lang].matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join());
    if (new Set(placeholders).size > 1) {
      ctx.addIssue({ code: 'custom', path: [key], message: 'placeholders differ between languages' });
    }
  }
});
