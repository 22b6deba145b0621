// zod/mini: these schemas run in the popup, where bundle size counts.
import * as z from 'zod/mini';

/** Scan results are page-controlled: every list and string is capped before detection sees it. */
const capped = z.string().check(z.maxLength(2048));
const cappedList = z.array(capped).check(z.maxLength(500));

export const PageSignalsSchema = z.object({
  globals: z.optional(cappedList),
  scripts: z.optional(cappedList),
  selectors: z.optional(cappedList),
  title: z.optional(capped),
  frames: z.optional(cappedList),
});

export const EvidenceSchema = z.strictObject({
  type: z.enum(['host', 'path', 'frame', 'global', 'script', 'selector', 'title']),
  value: capped,
});

export const DetectionSchema = z.strictObject({
  toolId: z.string().check(z.maxLength(100)),
  context: z.enum(['meeting', 'app', 'embedded']),
  evidence: z.array(EvidenceSchema).check(z.maxLength(20)),
});

/** What the extension knows about one tab. The page address itself is never stored: join links carry passcodes. */
export const TabStateSchema = z.strictObject({
  detection: DetectionSchema,
  via: z.enum(['page', 'scan']),
});
export type TabState = z.infer<typeof TabStateSchema>;

/** Every message, as one protocol map keyed by verb. Payloads are plain JSON. */
export const MessageSchema = z.discriminatedUnion('verb', [
  z.strictObject({ verb: z.literal('pageChanged'), data: z.strictObject({ url: z.string().check(z.maxLength(8192)) }) }),
  z.strictObject({ verb: z.literal('scanTab'), data: z.strictObject({ tabId: z.int().check(z.nonnegative()) }) }),
]);
export type Message = z.infer<typeof MessageSchema>;
export type Verb = Message['verb'];
export type MessageData<V extends Verb> = Extract<Message, { verb: V }>['data'];

/** What the background answers to each verb; the sender validates it with these schemas. */
export const ReplySchemas = {
  pageChanged: z.null(),
  scanTab: z.nullable(TabStateSchema),
} satisfies Record<Verb, z.ZodMiniType>;
export type MessageReply<V extends Verb> = z.infer<(typeof ReplySchemas)[V]>;

/** Validates anything received as a message; returns null for whatever is not part of the protocol. */
export function parseMessage(raw: unknown): Message | null {
  const parsed = MessageSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  if (import.meta.env.DEV) console.debug('Ignored a malformed message', parsed.error.issues);
  return null;
}
