import { browser } from 'wxt/browser';
import { ReplySchemas, type MessageData, type MessageReply, type Verb } from './protocol';

/** Sends a protocol message to the background and validates the reply; null when there is none or it is malformed. */
export async function request<V extends Verb>(verb: V, data: MessageData<V>): Promise<MessageReply<V> | null> {
  const reply: unknown = await browser.runtime.sendMessage({ verb, data }).catch(() => null);
  const parsed = ReplySchemas[verb].safeParse(reply);
  return parsed.success ? parsed.data : null;
}
