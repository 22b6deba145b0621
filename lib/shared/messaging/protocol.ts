// zod/mini: these schemas run in the popup and the background, where bundle size counts.
import * as z from 'zod/mini';
import { ToolIdSchema } from '@/lib/shared/detection/shapes';
import { TabStateSchema } from '@/lib/shared/tab-state';

/** The extension's messages, keyed by verb. Only its own pages send them; the background validates each. */
export const MessageSchema = z.discriminatedUnion('verb', [
  /** The popup asks what a tab shows: its detection, scanning the page once if nothing is known, and the tools it links to. */
  z.strictObject({ verb: z.literal('scanTab'), data: z.strictObject({ tabId: z.int().check(z.nonnegative()) }) }),
]);
export type Message = z.infer<typeof MessageSchema>;
export type Verb = Message['verb'];
export type MessageData<V extends Verb> = Extract<Message, { verb: V }>['data'];

/** A tool the page links to, with how many of its links point there and how many meetings they name. */
export const LinkedToolSchema = z.strictObject({
  toolId: ToolIdSchema,
  count: z.int().check(z.positive(), z.maximum(100_000)),
  meetings: z.int().check(z.nonnegative(), z.maximum(100_000)),
});

/** What the background answers to each verb; the popup validates it with these schemas. */
export const ReplySchemas = {
  scanTab: z.strictObject({
    state: z.nullable(TabStateSchema),
    links: z.array(LinkedToolSchema).check(z.maxLength(100)),
    /** The page holds more than the scan reads: it may link to tools the list lacks. */
    linksTruncated: z.boolean(),
  }),
} satisfies Record<Verb, z.ZodMiniType>;
export type MessageReply<V extends Verb> = z.infer<(typeof ReplySchemas)[V]>;

/** Validates anything received as a message; returns null for whatever is not part of the protocol. */
export function parseMessage(raw: unknown): Message | null {
  const parsed = MessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
