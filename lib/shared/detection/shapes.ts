// Reached from wxt.config.ts (through the registry's build code): relative imports only, no `@/`.
// zod/mini: these schemas run in the popup and the background, where bundle size counts.
import * as z from 'zod/mini';

/** A tool's id: kebab-case, and the name of its registry file. */
export const TOOL_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ToolIdSchema = z.string().check(z.maxLength(60), z.regex(TOOL_ID_PATTERN));

/** What a scan may report of a page. Everything is page-controlled, so every list and string is capped. */
const capped = z.string().check(z.maxLength(2048));
const cappedList = z.array(capped).check(z.maxLength(500));

export const PageSignalsSchema = z.strictObject({
  /** Names of the registry's window properties that exist on the page. */
  globals: z.optional(cappedList),
  /** `src` of the page's first script elements. */
  scripts: z.optional(cappedList),
  /** The registry's marker selectors that matched at least one element. */
  selectors: z.optional(cappedList),
  title: z.optional(capped),
  /** `src` of the page's first iframes. */
  frames: z.optional(cappedList),
});
export type PageSignals = z.infer<typeof PageSignalsSchema>;

export const MARKER_TYPES = ['global', 'script', 'selector', 'title'] as const;
export type MarkerType = (typeof MARKER_TYPES)[number];

/**
 * Why a tool was detected, in registry terms only: the registered host or marker that matched, never the
 * page's own address or text, which can carry a join secret or words the page chose.
 */
const registryValue = z.string().check(z.maxLength(253));
export const EvidenceSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('host'), value: registryValue }),
  z.strictObject({ type: z.literal('frame'), value: registryValue }),
  /** A path that identifies the tool on any host; the tool's name says which. */
  z.strictObject({ type: z.literal('path') }),
  /** A host the organisation's policy assigns to the tool. */
  z.strictObject({ type: z.literal('policy') }),
  z.strictObject({ type: z.enum(MARKER_TYPES), value: registryValue }),
]);
export type Evidence = z.infer<typeof EvidenceSchema>;

/** `meeting`: a meeting or join link; `app`: the tool's other pages; `embedded`: the tool inside another site's frame. */
export const CONTEXTS = ['meeting', 'app', 'embedded'] as const;
export type DetectionContext = (typeof CONTEXTS)[number];

export const DetectionResultSchema = z.strictObject({
  toolId: ToolIdSchema,
  context: z.enum(CONTEXTS),
  evidence: z.array(EvidenceSchema).check(z.maxLength(8)),
});
export type Detection = z.infer<typeof DetectionResultSchema>;
