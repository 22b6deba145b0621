// Build code: runs in Node at build time (wxt.config.ts, the registry check, tests, the bench). Runtime code
// imports only `type`s from here: one value import would pull full zod and the registry's authoring data into a bundle.
// Reached from wxt.config.ts, which loads before Vite's `@/` alias exists: relative imports only, no `@/`.
import { z } from 'zod';
import { HostnameSchema } from './rules-schema';

/**
 * How a redirect wrapper carries the address it leads to:
 * - `param`: URL-encoded in a query parameter (`?url=...`);
 * - `param-base64`: base64 in a query parameter;
 * - `proofpoint-v2`: Proofpoint URL Defense v2, a query parameter with `-` for `%` and `_` for `/`;
 * - `proofpoint-v3`: Proofpoint URL Defense v3, the address between `__` markers, with `*` placeholders
 *   filled from a base64 tail;
 * - `last-segment`: URL-encoded as the last path segment.
 */
export const WRAPPER_ENCODINGS = ['param', 'param-base64', 'proofpoint-v2', 'proofpoint-v3', 'last-segment'] as const;
export type WrapperEncoding = (typeof WRAPPER_ENCODINGS)[number];

export const WrapperSchema = z.strictObject({
  /** The wrapper's product name, e.g. "Microsoft Safe Links". */
  name: z.string().trim().min(1),
  /** Hosts the wrapper serves from; every subdomain of each is included. */
  domains: z.array(HostnameSchema).min(1),
  /** Anchored regular expression the path must match, e.g. "^/url$". */
  path: z.string().startsWith('^'),
  encoding: z.enum(WRAPPER_ENCODINGS),
  /** The query parameter holding the address, for `param`, `param-base64` and `proofpoint-v2`. */
  param: z.string().min(1).optional(),
  /** Where the format is documented or implemented in public. */
  sources: z.array(z.url({ protocol: /^https$/ })).min(1),
  /** A wrapped address and the address it must unwrap to. */
  examples: z.array(z.strictObject({ wrapped: z.url(), target: z.url() })).min(1),
});
export type Wrapper = z.infer<typeof WrapperSchema>;
/** What unwrapping needs of a wrapper: sources and examples only serve readers and checks. */
export type LinkWrapper = Omit<Wrapper, 'sources' | 'examples'>;

export const WrappersSchema = z.strictObject({ wrappers: z.array(WrapperSchema).min(1) });
