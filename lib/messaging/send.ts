import { browser } from 'wxt/browser';
import type { MessageData, MessageReply, Verb } from './protocol';

/**
 * Sends a protocol message to the background. It imports no schema, so the content script stays
 * small; the background validates what it receives, and callers that use a reply validate it.
 */
export function sendMessage<V extends Verb>(verb: V, data: MessageData<V>): Promise<MessageReply<V>> {
  return browser.runtime.sendMessage({ verb, data }) as Promise<MessageReply<V>>;
}
