import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseMessage } from '@/lib/shared/messaging/protocol';
import { fromPopup, fromTab, scanOf, setupBackground } from './support/background';

const RUNS = 2000;
const teamsUrl = 'https://teams.microsoft.com/v2/';

const isPlainRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const hasExactly = (value: Record<string, unknown>, ...keys: string[]) =>
  Object.keys(value).sort().join() === [...keys].sort().join();

/** The protocol, written out by hand: exactly `{verb: 'scanTab', data: {tabId}}` with a non-negative safe integer. */
function isProtocolMessage(raw: unknown): boolean {
  if (!isPlainRecord(raw) || !hasExactly(raw, 'verb', 'data') || !isPlainRecord(raw.data) || raw.verb !== 'scanTab')
    return false;
  const { tabId } = raw.data;
  return hasExactly(raw.data, 'tabId') && Number.isSafeInteger(tabId) && (tabId as number) >= 0;
}

/** Messages close to the protocol: real and miscased verbs, the old page report, near-miss payloads, stray keys. */
const nearMiss = fc.record(
  {
    verb: fc.oneof(
      fc.constantFrom('scanTab', 'pageChanged', 'SCANTAB', 'scantab', ' scanTab', 'scanTab\u0000', '__proto__'),
      fc.string({ maxLength: 12 }),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    data: fc.oneof(
      fc.record({
        tabId: fc.oneof(
          fc.nat(),
          fc.integer(),
          fc.double(),
          fc.constantFrom(-1, 1.5, NaN, Infinity, 2 ** 53, '4'),
          fc.jsonValue({ maxDepth: 1 }),
        ),
      }),
      fc.record({ url: fc.oneof(fc.webUrl(), fc.string()) }),
      fc.dictionary(
        fc.constantFrom('url', 'tabId', 'extra', '__proto__', 'constructor'),
        fc.anything({ maxDepth: 1 }),
        { maxKeys: 3 },
      ),
      fc.anything({ maxDepth: 2 }),
    ),
    extra: fc.anything({ maxDepth: 1 }),
  },
  { requiredKeys: ['verb', 'data'] },
);
const anyMessage = fc.oneof(nearMiss, fc.anything(), fc.jsonValue());

const malformed: Array<[string, unknown]> = [
  ['the verb in lower case', { verb: 'scantab', data: { tabId: 4 } }],
  ['the old page report of the content script', { verb: 'pageChanged', data: { url: teamsUrl } }],
  ['a negative tab id', { verb: 'scanTab', data: { tabId: -1 } }],
  ['a fractional tab id', { verb: 'scanTab', data: { tabId: 4.5 } }],
  ['a NaN tab id', { verb: 'scanTab', data: { tabId: NaN } }],
  ['a tab id beyond the safe integers', { verb: 'scanTab', data: { tabId: 2 ** 53 } }],
  ['a tab id as a string', { verb: 'scanTab', data: { tabId: '4' } }],
  ['a tab id as a BigInt', { verb: 'scanTab', data: { tabId: 4n } }],
  ['no tab id', { verb: 'scanTab', data: {} }],
  ['an extra key inside data', { verb: 'scanTab', data: { tabId: 4, frameId: 0 } }],
  ['an extra key next to verb and data', { verb: 'scanTab', data: { tabId: 4 }, force: true }],
  ['the whole message as a list', ['scanTab', { tabId: 4 }]],
  ['the message as a JSON string', JSON.stringify({ verb: 'scanTab', data: { tabId: 4 } })],
  ['the verb "hasOwnProperty"', { verb: 'hasOwnProperty', data: { tabId: 4 } }],
  ['a "__proto__" key inside data', JSON.parse('{"verb":"scanTab","data":{"tabId":4,"__proto__":{"tabId":5}}}')],
  ['verb and data hidden under "__proto__"', JSON.parse('{"__proto__":{"verb":"scanTab","data":{"tabId":4}}}')],
  ['null', null],
];

beforeEach(() => {
  fakeBrowser.reset();
});

describe('parsing received messages', () => {
  it('never throws, and accepts exactly the messages of the protocol, unchanged', () => {
    fc.assert(
      fc.property(anyMessage, (raw) => {
        let parsed: unknown;
        expect(() => (parsed = parseMessage(raw))).not.toThrow();
        if (isProtocolMessage(raw)) expect(parsed).toEqual(raw);
        else expect(parsed).toBeNull();
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it.each(malformed)('rejects %s', (_, message) => {
    expect(parseMessage(message)).toBeNull();
  });
});

describe('the background receiving messages', () => {
  it.each(malformed)('ignores a message with %s: nothing scanned, stored or marked', async (_, message) => {
    const { deps, background } = setupBackground();
    expect(await background.receive(message, fromPopup)).toBeUndefined();
    expect(deps.scan).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(deps.badge).not.toHaveBeenCalled();
  });

  it('answers a well-formed request from the popup, so the rejections above are about the message', async () => {
    const { deps, background } = setupBackground({ scan: vi.fn(async () => scanOf('https://www.example.com/')) });
    expect(await background.receive({ verb: 'scanTab', data: { tabId: 4 } }, fromPopup)).toEqual({
      state: null,
      links: [],
      linksTruncated: false,
    });
    expect(deps.scan).toHaveBeenCalledWith(4, true);
  });

  it('refuses scan requests from web pages and from other extensions', async () => {
    const { deps, background } = setupBackground();
    const message = { verb: 'scanTab', data: { tabId: 4 } };
    expect(await background.receive(message, fromTab(9, teamsUrl))).toBeUndefined();
    expect(await background.receive(message, { ...fromPopup, id: 'another-extension' })).toBeUndefined();
    expect(
      await background.receive(message, { id: browser.runtime.id, url: 'https://evil.example/popup.html' }),
    ).toBeUndefined();
    expect(deps.scan).not.toHaveBeenCalled();
  });

  it('stores nothing and marks nothing for any message outside the protocol', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyMessage.filter((raw) => !isProtocolMessage(raw)),
        async (message) => {
          fakeBrowser.reset();
          const { deps, background } = setupBackground();
          expect(await background.receive(message, fromPopup)).toBeUndefined();
          expect(await fakeBrowser.storage.session.get(null)).toEqual({});
          expect(deps.badge).not.toHaveBeenCalled();
          expect(deps.scan).not.toHaveBeenCalled();
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});
