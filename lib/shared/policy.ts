// zod/mini: the policy is read in the popup and the background, where bundle size counts.
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { ToolIdSchema } from '@/lib/shared/detection/shapes';
import { LANGS, type Lang } from '@/lib/shared/lang';
import { catalogById } from '@/lib/shared/registry/catalog';
import type { Mark } from '@/lib/shared/key-facts';

/**
 * The organisation's policy, set by its administrators through enterprise policy and read from managed storage
 * (docs/ADMIN.md has the contract and how to deploy it). Administrators make mistakes and a policy reaches
 * thousands of browsers, so the parser is lenient field by field: what is invalid is ignored and listed, the
 * rest is kept, and a bad policy never costs anyone the provider's facts.
 */

export const VERDICTS = ['approved', 'not-approved'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Where the organisation stands on a data-processing agreement (Art. 28 GDPR) with the tool's provider. */
export const AGREEMENTS = ['signed', 'not-signed', 'not-required'] as const;
export type Agreement = (typeof AGREEMENTS)[number];

/** Caps: far above what a real policy needs, low enough that a damaged one cannot crowd the popup or the worker. */
export const POLICY_LIMITS = {
  text: 500,
  name: 100,
  contact: 200,
  url: 2048,
  tools: 200,
  hosts: 200,
  ignoredShown: 50,
} as const;

/** A text in the languages the organisation gave; at least one. */
export type PolicyText = Partial<Record<Lang, string>>;

export interface ToolPolicy {
  status?: Verdict;
  legalBasis?: PolicyText;
  retention?: PolicyText;
  agreement?: Agreement;
  note?: PolicyText;
}

export interface Organisation {
  name?: string;
  /** https only. */
  noticeUrl?: string;
  contact?: string;
}

export interface Policy {
  organisation: Organisation;
  /** The verdict on tools the policy does not list; none if not set. */
  defaultStatus?: Verdict;
  tools: ReadonlyMap<string, ToolPolicy>;
  /** Host name (lower case, exact) to tool id. */
  hosts: ReadonlyMap<string, string>;
}

export type IgnoreReason = 'unknown-field' | 'invalid' | 'unknown-tool' | 'not-https' | 'shortened' | 'too-many';

/** Something in the policy that was not used as given: where (the keys leading to it) and why. */
export interface Ignored {
  path: string;
  reason: IgnoreReason;
}

export interface ParsedPolicy {
  /** null when managed storage holds nothing: no policy at all. */
  policy: Policy | null;
  /** Everything ignored, the first POLICY_LIMITS.ignoredShown of it; `more` counts the rest. */
  ignored: Ignored[];
  more: number;
}

export const NO_POLICY: ParsedPolicy = { policy: null, ignored: [], more: 0 };

const VerdictSchema = z.enum(VERDICTS);
const AgreementSchema = z.enum(AGREEMENTS);
const HttpsUrlSchema = z.url({ protocol: /^https$/, hostname: z.regexes.domain });
/** A host name as browsers write it: lower case, no port, no trailing dot. */
const HostSchema = z
  .string()
  .check(
    z.maxLength(253),
    z.regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/),
  );

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keys are the administrator's, and may be anything: shown shortened, so a long one cannot flood the list. */
const shortKey = (key: string): string => (key.length > 60 ? `${key.slice(0, 59)}…` : key);

/**
 * Reads a policy of any shape. Bounded: it looks at no more than POLICY_LIMITS tools and hosts and a fixed
 * number of fields of each, never recurses further, and copies no text longer than its cap.
 * @param known tool ids the registry has; others are ignored
 */
export function parsePolicy(raw: unknown, known: { has: (id: string) => boolean } = catalogById): ParsedPolicy {
  if (raw === undefined || raw === null || (isRecord(raw) && Object.keys(raw).length === 0)) return NO_POLICY;
  const ignored: Ignored[] = [];
  let more = 0;
  const ignore = (path: readonly string[], reason: IgnoreReason): void => {
    if (ignored.length < POLICY_LIMITS.ignoredShown) ignored.push({ path: path.map(shortKey).join('.'), reason });
    else more++;
  };

  /** Up to `limit` own entries of an object, and whether it had more, without listing every key of a huge one. */
  const entries = (
    value: Record<string, unknown>,
    limit: number,
    path: readonly string[],
  ): Array<[string, unknown]> => {
    const found: Array<[string, unknown]> = [];
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      if (found.length === limit) {
        ignore(path, 'too-many');
        break;
      }
      found.push([key, value[key]]);
    }
    return found;
  };

  const text = (value: unknown, cap: number, path: readonly string[]): string | undefined => {
    if (typeof value !== 'string' || !value.trim()) return void ignore(path, 'invalid');
    // Cut before trimming, so a huge string is never copied whole.
    const kept = value.slice(0, cap + 1).trim();
    if (kept.length <= cap) return kept;
    ignore(path, 'shortened');
    return `${kept.slice(0, cap - 1).trimEnd()}…`;
  };

  /** Only the known fields of an object, each read by `read`; unknown fields are listed. */
  const fields = <T extends string>(
    value: unknown,
    names: readonly T[],
    path: readonly string[],
    read: (name: T, field: unknown, at: string[]) => void,
  ): void => {
    if (!isRecord(value)) return void ignore(path, 'invalid');
    for (const [key, field] of entries(value, names.length + 20, path)) {
      if ((names as readonly string[]).includes(key)) read(key as T, field, [...path, key]);
      else ignore([...path, key], 'unknown-field');
    }
  };

  const localText = (value: unknown, path: readonly string[]): PolicyText | undefined => {
    const result: PolicyText = {};
    fields(value, LANGS, path, (lang, field, at) => {
      const kept = text(field, POLICY_LIMITS.text, at);
      if (kept !== undefined) result[lang] = kept;
    });
    return Object.keys(result).length ? result : undefined;
  };

  const parsed = <T>(
    schema: z.ZodMiniType<T>,
    value: unknown,
    path: readonly string[],
    reason: IgnoreReason = 'invalid',
  ): T | undefined => {
    const result = schema.safeParse(value);
    return result.success ? result.data : void ignore(path, reason);
  };

  const organisation: Organisation = {};
  let defaultStatus: Verdict | undefined;
  const tools = new Map<string, ToolPolicy>();
  const hosts = new Map<string, string>();

  fields(raw, ['organisation', 'defaultStatus', 'tools', 'hosts'] as const, [], (name, value, at) => {
    switch (name) {
      case 'organisation':
        return fields(value, ['name', 'noticeUrl', 'contact'] as const, at, (field, content, path) => {
          if (field === 'name') organisation.name = text(content, POLICY_LIMITS.name, path);
          if (field === 'contact') organisation.contact = text(content, POLICY_LIMITS.contact, path);
          if (field === 'noticeUrl') {
            const url = typeof content === 'string' && content.length <= POLICY_LIMITS.url ? content : undefined;
            organisation.noticeUrl = parsed(
              HttpsUrlSchema,
              url,
              path,
              typeof url === 'string' && !url.startsWith('https:') ? 'not-https' : 'invalid',
            );
          }
        });
      case 'defaultStatus':
        defaultStatus = parsed(VerdictSchema, value, at);
        return;
      case 'tools':
        if (!isRecord(value)) return void ignore(at, 'invalid');
        for (const [id, entry] of entries(value, POLICY_LIMITS.tools, at)) {
          if (!ToolIdSchema.safeParse(id).success || !known.has(id)) {
            ignore([...at, id], 'unknown-tool');
            continue;
          }
          if (!isRecord(entry)) {
            ignore([...at, id], 'invalid');
            continue;
          }
          const tool: ToolPolicy = {};
          fields(
            entry,
            ['status', 'legalBasis', 'retention', 'agreement', 'note'] as const,
            [...at, id],
            (field, content, path) => {
              if (field === 'status') tool.status = parsed(VerdictSchema, content, path);
              else if (field === 'agreement') tool.agreement = parsed(AgreementSchema, content, path);
              else tool[field] = localText(content, path);
            },
          );
          tools.set(id, tool);
        }
        return;
      case 'hosts':
        if (!isRecord(value)) return void ignore(at, 'invalid');
        for (const [host, id] of entries(value, POLICY_LIMITS.hosts, at)) {
          const name = parsed(HostSchema, host.toLowerCase(), [...at, host]);
          if (name === undefined) continue;
          if (typeof id !== 'string' || !ToolIdSchema.safeParse(id).success || !known.has(id))
            ignore([...at, host], 'unknown-tool');
          else hosts.set(name, id);
        }
    }
  });
  return { policy: { organisation, defaultStatus, tools, hosts }, ignored, more };
}

/** A verdict's mark, wherever one is shown: approved is in the reader's favour, no verdict is not known. */
export const verdictMark = (verdict: Verdict | undefined): Mark =>
  verdict === 'approved' ? 'ok' : verdict ? 'caution' : 'unknown';

/** The organisation's verdict on a tool: its own entry's, else the policy's default, else none. */
export function verdictFor(policy: Policy | null, toolId: string): Verdict | undefined {
  return policy ? (policy.tools.get(toolId)?.status ?? policy.defaultStatus) : undefined;
}

/**
 * A policy text in the display language, or else in the language the organisation gave it in, with that
 * language named so the popup can mark it (lang attribute and a visible marker).
 */
export function localise(text: PolicyText | undefined, lang: Lang): { text: string; lang: Lang } | undefined {
  if (!text) return undefined;
  const shown = text[lang] !== undefined ? lang : LANGS.find((other) => text[other] !== undefined);
  return shown && { text: text[shown]!, lang: shown };
}

/**
 * Reads the policy from managed storage. Without one, Firefox rejects and Chromium answers `{}`; either way,
 * and on any failure, the extension works as if there were no policy.
 */
export async function readPolicy(): Promise<ParsedPolicy> {
  try {
    return parsePolicy(await browser.storage.managed.get(null));
  } catch {
    return NO_POLICY;
  }
}
