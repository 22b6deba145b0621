// Build code: runs in Node at build time (wxt.config.ts, the registry check, tests, the bench). Runtime code
// imports only `type`s from here: one value import would pull full zod and the registry's authoring data into a bundle.
// Reached from wxt.config.ts, which loads before Vite's `@/` alias exists: relative imports only, no `@/`.
import { z } from 'zod';
import { MARKER_TYPES, PageSignalsSchema, type PageSignals } from '../../detection/shapes';

/** A lowercase DNS host name with at least two labels. */
export const HostnameSchema = z
  .string()
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/,
    'must be a lowercase host name',
  );

const RegexSourceSchema = z.string().refine((source) => {
  try {
    new RegExp(source);
    return source.startsWith('^');
  } catch {
    return false;
  }
}, 'must be a valid regular expression anchored with ^');

/** Page evidence gathered by the on-demand scan; the detection engine reads nothing else from a page. */
export const MarkerSchema = z.strictObject({
  /** global: a property of the page's window; script: part of a script's src; selector: a CSS selector that matches; title: part of the document title. */
  type: z.enum(MARKER_TYPES),
  value: z.string().trim().min(1).max(200),
});
export type Marker = z.infer<typeof MarkerSchema>;

/**
 * Whether a marker is one only the page's author can place: a script (mail and post sanitisers never keep
 * scripts), a window global (once the scan has set aside those that named elements explain), or a selector on
 * the root element (content lives inside the body).
 */
export function authorMarker(marker: Marker): boolean {
  return (
    marker.type === 'script' ||
    marker.type === 'global' ||
    (marker.type === 'selector' && /^(?:html|:root)(?![\w-])/.test(marker.value))
  );
}

/** An address the rules must recognise, alone or with the page signals a scan would find there. */
export const ExampleSchema = z.union([z.string(), z.strictObject({ url: z.string(), signals: PageSignalsSchema })]);
export type Example = z.infer<typeof ExampleSchema>;

/** Splits a registry example into its URL and the page signals it needs. */
export function exampleParts(example: Example): { url: string; signals?: PageSignals } {
  return typeof example === 'string' ? { url: example } : example;
}

export const DetectionRulesSchema = z.strictObject({
  /** Badge text, at most 4 characters. */
  label: z.string().min(1).max(4),
  /**
   * Hosts served by the tool. `subdomains`: true adds every dot-separated subdomain, "only" means the
   * subdomains but not the domain itself (e.g. account rooms under a vendor's marketing site).
   * `paths`, when given, limit the host to those paths. `watch: false` leaves the host out of the extension's
   * host permissions: for sites that serve far more than the tool (facebook.com) and for services that have
   * ended, the tool is still recognised in links and when the popup opens, but no tab on the host is followed.
   */
  hosts: z.array(
    z.strictObject({
      domain: HostnameSchema,
      subdomains: z.union([z.boolean(), z.literal('only')]),
      paths: z.array(RegexSourceSchema).min(1).optional(),
      watch: z.literal(false).optional(),
    }),
  ),
  /** Hosts under a registered domain that belong to the vendor but are not the tool (help, marketing). */
  excludeHosts: z.array(HostnameSchema).optional(),
  /** Matched against path + query + fragment: a match means a meeting, otherwise the tool's app. */
  meetingPaths: z.array(RegexSourceSchema),
  /** Paths that identify the tool on any host (self-hosted installations). */
  anyHostPaths: z.array(RegexSourceSchema).optional(),
  /**
   * Page markers for self-hosted and embedded use; `all` must all be present. Each set needs a marker that
   * only the page's author can place ({@link authorMarker}): titles name tools without using them, and ids,
   * names and custom elements can come with content the author does not write (a mail body, a post).
   */
  markers: z
    .array(
      z.strictObject({
        all: z
          .array(MarkerSchema)
          .min(1)
          .refine(
            (all) => all.some(authorMarker),
            'needs a script, a global or a selector on the root element: titles and other selectors alone prove nothing',
          ),
      }),
    )
    .optional(),
  examples: z.strictObject({
    match: z.array(ExampleSchema).min(3, 'needs at least 3 example URLs'),
    /** Addresses, or addresses with page signals, that must not be detected: lookalikes and pages that only mention the tool. */
    noMatch: z.array(ExampleSchema).min(1, 'needs at least 1 URL that must not match'),
  }),
});
export type DetectionRules = z.infer<typeof DetectionRulesSchema>;

/** The rules detection runs on: the badge label travels in the catalog, the examples only serve checks and tests. */
export type ToolRules = Omit<DetectionRules, 'label' | 'examples'>;

/** What the engine needs of a tool: its id and rules. */
export interface DetectableTool {
  id: string;
  detection: ToolRules;
}
