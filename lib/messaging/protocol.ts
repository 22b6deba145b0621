import { z } from 'zod';

/** Scan results are page-controlled: every list and string is capped before detection sees it. */
const capped = z.string().max(2048);
const cappedList = z.array(capped).max(500);

export const PageSignalsSchema = z.object({
  globals: cappedList.optional(),
  scripts: cappedList.optional(),
  selectors: cappedList.optional(),
  title: capped.optional(),
  frames: cappedList.optional(),
});

export const EvidenceSchema = z.strictObject({
  type: z.enum(['host', 'path', 'frame', 'global', 'script', 'selector', 'title']),
  value: z.string().max(2048),
});

export const DetectionSchema = z.strictObject({
  toolId: z.string().max(100),
  context: z.enum(['meeting', 'app', 'embedded']),
  evidence: z.array(EvidenceSchema).max(20),
});

/** What the extension knows about one tab. The page address itself is never stored: join links carry passcodes. */
export const TabStateSchema = z.strictObject({
  detection: DetectionSchema,
  via: z.enum(['page', 'scan']),
});
export type TabState = z.infer<typeof TabStateSchema>;

/** Every message, as one protocol map keyed by verb. Payloads are plain JSON. */
export const MessageSchema = z.discriminatedUnion('verb', [
  z.strictObject({ verb: z.literal('pageChanged'), data: z.strictObject({ url: z.string().max(8192) }) }),
  z.strictObject({ verb: z.literal('scanTab'), data: z.strictObject({ tabId: z.number().int().nonnegative() }) }),
]);
export type Message = z.infer<typeof MessageSchema>;
export type Verb = Message['verb'];
export type MessageData<V extends Verb> = Extract<Message, { verb: V }>['data'];

/** What the background answers to each verb; the sender validates it with these schemas. */
export const ReplySchemas = {
  pageChanged: z.null(),
  scanTab: TabStateSchema.nullable(),
} satisfies Record<Verb, z.ZodType>;
export type MessageReply<V extends Verb> = z.infer<(typeof ReplySchemas)[V]>;

/** Validates anything received as a message; returns null for whatever is not part of the protocol. */
export function parseMessage(raw: unknown): Message | null {
  const parsed = MessageSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  if (import.meta.env.DEV) console.debug('Ignored a malformed message', parsed.error.issues);
  return null;
}
