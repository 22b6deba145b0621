import { z } from 'zod';

import { LANGS, type Lang } from '../lang';

export { LANGS, type Lang };
export const LangSchema = z.enum(LANGS);

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
 * Set where the research could not confirm a fact: the popup shows it as unconfirmed,
 * with this text saying what is open.
 */
const unconfirmed = TextSchema.optional();

export const DATA_CATEGORIES = [
  'account',
  'metadata',
  'technical',
  'media',
  'chat',
  'files',
  'recordings',
  'ai',
  'dial-in',
] as const;
export const DataCategorySchema = z.enum(DATA_CATEGORIES);
export type DataCategory = z.infer<typeof DataCategorySchema>;

export const CollectedDataSchema = z.strictObject({
  category: DataCategorySchema,
  items: z.array(TextSchema).min(1, 'must list at least one item'),
  note: TextSchema.optional(),
  unconfirmed,
});
export type CollectedData = z.infer<typeof CollectedDataSchema>;

export const LEGAL_ARTICLES = [
  '6(1)(a)',
  '6(1)(b)',
  '6(1)(c)',
  '6(1)(f)',
  '9(2)(a)',
  '28',
  '44',
  '46(2)(c)',
  '49(1)(a)',
] as const;
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

export const DpaSchema = z.strictObject({
  status: z.enum(['concluded', 'offered', 'not-offered', 'not-applicable', 'unknown']),
  url: HttpsUrlSchema.optional(),
  note: TextSchema,
  unconfirmed,
});
export type Dpa = z.infer<typeof DpaSchema>;

export const TRANSFER_MECHANISMS = ['none-needed', 'adequacy', 'dpf', 'scc', 'bcr', 'art49-consent', 'unknown'] as const;
export const TransferSchema = z.strictObject({
  /** Whether personal data may leave the EU/EEA; null where it depends on the operator's setup. */
  thirdCountry: z.boolean().nullable(),
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

export const NOTABLE_KINDS = ['recording', 'transcription', 'ai', 'e2ee', 'data-location', 'other'] as const;
export const NotableSchema = z.strictObject({
  kind: z.enum(NOTABLE_KINDS),
  text: TextSchema,
  unconfirmed,
});
export type Notable = z.infer<typeof NotableSchema>;

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

/** The popup sections a source can back, so each fact can be traced to where it comes from. */
export const SECTIONS = [
  'provider',
  'collected',
  'legalBases',
  'retention',
  'dpa',
  'transfer',
  'notable',
  'detection',
] as const;
export const SectionSchema = z.enum(SECTIONS);
export type Section = z.infer<typeof SectionSchema>;

export const SourceSchema = z.strictObject({
  /** The document's own title, as published. */
  title: nonEmpty,
  /** Omitted only for source texts handed to us without an address (e.g. an operator's privacy notice). */
  url: HttpsUrlSchema.optional(),
  accessed: IsoDateSchema,
  covers: z.array(SectionSchema).min(1),
});
export type Source = z.infer<typeof SourceSchema>;

/** Page evidence gathered by the on-demand scan; the detection engine reads nothing else from a page. */
export const MarkerSchema = z.strictObject({
  /** global: a property of the page's window; script: part of a script's src; selector: a CSS selector that matches; title: part of the document title. */
  type: z.enum(['global', 'script', 'selector', 'title']),
  value: nonEmpty,
});
export type Marker = z.infer<typeof MarkerSchema>;

const hostname = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/, 'must be a lowercase host name');

const regexSource = z.string().refine((source) => {
  try {
    new RegExp(source);
    return source.startsWith('^');
  } catch {
    return false;
  }
}, 'must be a valid regular expression anchored with ^');

export const ExampleSchema = z.union([
  z.string(),
  z.strictObject({
    url: z.string(),
    signals: z.strictObject({
      globals: z.array(z.string()).optional(),
      scripts: z.array(z.string()).optional(),
      selectors: z.array(z.string()).optional(),
      title: z.string().optional(),
      frames: z.array(z.string()).optional(),
    }),
  }),
]);
export type Example = z.infer<typeof ExampleSchema>;

export const DetectionSchema = z.strictObject({
  /** Badge text, at most 4 characters. */
  label: z.string().min(1).max(4),
  /**
   * Hosts served by the tool. `subdomains`: true adds every dot-separated subdomain, "only" means the
   * subdomains but not the domain itself (e.g. account rooms under a vendor's marketing site).
   * `paths`, when given, limit the host to those paths.
   */
  hosts: z.array(
    z.strictObject({
      domain: hostname,
      subdomains: z.union([z.boolean(), z.literal('only')]),
      paths: z.array(regexSource).min(1).optional(),
    }),
  ),
  /** Hosts under a registered domain that belong to the vendor but are not the tool (help, marketing). */
  excludeHosts: z.array(hostname).optional(),
  /** Matched against path + query + fragment: a match means a meeting, otherwise the tool's app. */
  meetingPaths: z.array(regexSource),
  /** Paths that identify the tool on any host (self-hosted installations). */
  anyHostPaths: z.array(regexSource).optional(),
  /** Page markers for self-hosted and embedded use; `all` must all be present. */
  markers: z.array(z.strictObject({ all: z.array(MarkerSchema).min(1) })).optional(),
  examples: z.strictObject({
    match: z.array(ExampleSchema).min(3, 'needs at least 3 example URLs'),
    noMatch: z.array(z.string()).min(1, 'needs at least 1 URL that must not match'),
  }),
});
export type DetectionRules = z.infer<typeof DetectionSchema>;

export const ToolSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
    name: TextSchema,
    summary: TextSchema,
    hosting: z.enum(['cloud', 'self-hosted', 'cloud-and-self-hosted']),
    status: StatusSchema,
    provider: ProviderSchema,
    links: LinksSchema,
    collected: z.array(CollectedDataSchema).min(1),
    legalBases: z.array(LegalBasisSchema).min(1),
    retention: z.array(RetentionRuleSchema).min(1),
    dpa: DpaSchema,
    transfer: TransferSchema,
    residency: ResidencySchema,
    notable: z.array(NotableSchema),
    detection: DetectionSchema,
    sources: z.array(SourceSchema).min(1, 'needs at least one source'),
    lastReviewed: IsoDateSchema,
  })
  .superRefine((tool, ctx) => {
    const seen = new Set<string>();
    tool.collected.forEach((entry, index) => {
      if (seen.has(entry.category)) {
        ctx.addIssue({ code: 'custom', path: ['collected', index, 'category'], message: `category "${entry.category}" is listed twice` });
      }
      seen.add(entry.category);
    });
    if (!tool.sources.some((source) => source.url)) {
      ctx.addIssue({ code: 'custom', path: ['sources'], message: 'needs at least one source with a URL' });
    }
  });
export type Tool = z.infer<typeof ToolSchema>;

export const RegistryMetaSchema = z.strictObject({
  /** Date up to which the registry's facts were gathered. */
  dataAsOf: IsoDateSchema,
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
