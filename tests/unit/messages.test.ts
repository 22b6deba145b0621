import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground, type BackgroundDeps } from '@/lib/background';
import { detectTool } from '@/lib/detection';
import { parseMessage } from '@/lib/messaging/protocol';

const RUNS = 2000;
const MAX_URL = 8192;
const teamsUrl = 'https://teams.microsoft.com/v2/';
/** A Teams address of exactly `length` characters, which the background would mark if it believed it. */
const teamsUrlOfLength = (length: number) => `${teamsUrl}?q=`.padEnd(length, 'a');

function setup() {
  const deps: BackgroundDeps = {
    detect: detectTool,
    badge: vi.fn(async () => {}),
    scan: vi.fn(async () => ({ url: teamsUrl, signals: {} })),
    language: async () => 'en',
  };
  return { deps, background: createBackground(deps) };
}

const fromContentScript = { id: browser.runtime.id, tab: { id: 7 } as never, frameId: 0, url: teamsUrl };
const fromPopup = { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') };

const isPlainRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const hasExactly = (value: Record<string, unknown>, ...keys: string[]) =>
  Object.keys(value).sort().join() === [...keys].sort().join();

/** The protocol, written out by hand: exactly `{verb, data}` with the verb's one data field. */
function isProtocolMessage(raw: unknown): boolean {
  if (!isPlainRecord(raw) || !hasExactly(raw, 'verb', 'data') || !isPlainRecord(raw.data)) return false;
  const data = raw.data;
  if (raw.verb === 'pageChanged') return hasExactly(data, 'url') && typeof data.url === 'string' && data.url.length <= MAX_URL;
  if (raw.verb === 'scanTab') return hasExactly(data, 'tabId') && Number.isSafeInteger(data.tabId) && (data.tabId as number) >= 0;
  return false;
}

/** Messages close to the protocol: real and miscased verbs, near-miss payloads, stray keys. */
const nearMiss = fc.record(
  {
    verb: fc.oneof(
      fc.constantFrom('pageChanged', 'scanTab', 'PageChanged', 'pagechanged', 'SCANTAB', 'scantab', ' scanTab', 'scanTab\u0000', '__proto__'),
      fc.string({ maxLength: 12 }),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    data: fc.oneof(
      fc.record({ url: fc.oneof(fc.webUrl(), fc.string(), fc.constant(teamsUrlOfLength(MAX_URL + 1)), fc.jsonValue({ maxDepth: 1 })) }),
      fc.record({
        tabId: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.constantFrom(-1, 1.5, NaN, Infinity, 2 ** 53, '4'), fc.jsonValue({ maxDepth: 1 })),
      }),
      fc.dictionary(fc.constantFrom('url', 'tabId', 'extra', '__proto__', 'constructor'), fc.anything({ maxDepth: 1 }), { maxKeys: 3 }),
      fc.anything({ maxDepth: 2 }),
    ),
    extra: fc.anything({ maxDepth: 1 }),
  },
  { requiredKeys: ['verb', 'data'] },
);
const anyMessage = fc.oneof(nearMiss, fc.anything(), fc.jsonValue());

beforeEach(() => {
  fakeBrowser.reset();
  // parseMessage explains each rejection in development builds; keep the test output readable.
  vi.spyOn(console, 'debug').mockImplementation(() => {});
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
  });

  it('accepts well-formed messages of both verbs', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ verb: fc.constant('pageChanged'), data: fc.record({ url: fc.string({ maxLength: 300 }) }) }),
          fc.record({ verb: fc.constant('scanTab'), data: fc.record({ tabId: fc.nat() }) }),
        ),
        (message) => {
          expect(parseMessage(message)).toEqual(message);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

const prototypeTricks: Array<[string, unknown]> = [
  ['a "__proto__" key next to verb and data', JSON.parse(`{"verb":"pageChanged","data":{"url":"${teamsUrl}"},"__proto__":{"admin":true}}`)],
  ['a "__proto__" key inside data', JSON.parse(`{"verb":"pageChanged","data":{"url":"${teamsUrl}","__proto__":{"url":"x"}}}`)],
  ['verb and data hidden under "__proto__"', JSON.parse(`{"__proto__":{"verb":"pageChanged","data":{"url":"${teamsUrl}"}}}`)],
  ['data hidden under "__proto__"', JSON.parse(`{"verb":"pageChanged","__proto__":{"data":{"url":"${teamsUrl}"}}}`)],
  ['a "constructor" key', { verb: 'pageChanged', data: { url: teamsUrl }, constructor: { name: 'Object' } }],
  ['the verb "__proto__"', { verb: '__proto__', data: { url: teamsUrl } }],
  ['the verb "toString"', { verb: 'toString', data: { url: teamsUrl } }],
  ['the verb "hasOwnProperty"', { verb: 'hasOwnProperty', data: { tabId: 4 } }],
];

const malformedPageReports: Array<[string, unknown]> = [
  ['the verb in upper camel case', { verb: 'PageChanged', data: { url: teamsUrl } }],
  ['the verb in lower case', { verb: 'pagechanged', data: { url: teamsUrl } }],
  ['the verb in capitals', { verb: 'PAGECHANGED', data: { url: teamsUrl } }],
  ['the verb with a trailing space', { verb: 'pageChanged ', data: { url: teamsUrl } }],
  ['the verb as a list', { verb: ['pageChanged'], data: { url: teamsUrl } }],
  ['the verb as a String object', { verb: new String('pageChanged'), data: { url: teamsUrl } }],
  ['an extra key next to verb and data', { verb: 'pageChanged', data: { url: teamsUrl }, tabId: 8 }],
  ['an extra key inside data', { verb: 'pageChanged', data: { url: teamsUrl, toolId: 'zoom' } }],
  ['an address one character over the limit', { verb: 'pageChanged', data: { url: teamsUrlOfLength(MAX_URL + 1) } }],
  ['an address of 100,000 characters', { verb: 'pageChanged', data: { url: teamsUrlOfLength(100_000) } }],
  ['an address as a String object', { verb: 'pageChanged', data: { url: new String(teamsUrl) } }],
  ['an address as a list', { verb: 'pageChanged', data: { url: [teamsUrl] } }],
  ['an address as a URL-like object', { verb: 'pageChanged', data: { url: { href: teamsUrl } } }],
  ['data as a list', { verb: 'pageChanged', data: [teamsUrl] }],
  ['data as a string', { verb: 'pageChanged', data: teamsUrl }],
  ['data missing', { verb: 'pageChanged', url: teamsUrl }],
  ['data null', { verb: 'pageChanged', data: null }],
  ['the whole message as a list', ['pageChanged', { url: teamsUrl }]],
  ['the message wrapped in a list', [{ verb: 'pageChanged', data: { url: teamsUrl } }]],
  ['the message as a JSON string', JSON.stringify({ verb: 'pageChanged', data: { url: teamsUrl } })],
  ...prototypeTricks,
];

const malformedScanRequests: Array<[string, unknown]> = [
  ['the verb in lower case', { verb: 'scantab', data: { tabId: 4 } }],
  ['the verb in upper camel case', { verb: 'ScanTab', data: { tabId: 4 } }],
  ['a negative tab id', { verb: 'scanTab', data: { tabId: -1 } }],
  ['a fractional tab id', { verb: 'scanTab', data: { tabId: 4.5 } }],
  ['a NaN tab id', { verb: 'scanTab', data: { tabId: NaN } }],
  ['an infinite tab id', { verb: 'scanTab', data: { tabId: Infinity } }],
  ['a tab id beyond the safe integers', { verb: 'scanTab', data: { tabId: 2 ** 53 } }],
  ['a tab id as a string', { verb: 'scanTab', data: { tabId: '4' } }],
  ['a tab id as a BigInt', { verb: 'scanTab', data: { tabId: 4n } }],
  ['a tab id as a list', { verb: 'scanTab', data: { tabId: [4] } }],
  ['a tab id of true', { verb: 'scanTab', data: { tabId: true } }],
  ['no tab id', { verb: 'scanTab', data: {} }],
  ['an extra key inside data', { verb: 'scanTab', data: { tabId: 4, frameId: 0 } }],
  ['an extra key next to verb and data', { verb: 'scanTab', data: { tabId: 4 }, force: true }],
  ['the whole message as a list', ['scanTab', { tabId: 4 }]],
  ['the verb "hasOwnProperty"', { verb: 'hasOwnProperty', data: { tabId: 4 } }],
  ['a "__proto__" key inside data', JSON.parse('{"verb":"scanTab","data":{"tabId":4,"__proto__":{"tabId":5}}}')],
];

describe('malformed messages', () => {
  it.each(malformedPageReports)('a page report with %s is ignored: no state stored, no badge set', async (_, message) => {
    expect(parseMessage(message)).toBeNull();
    const { deps, background } = setup();
    expect(await background.receive(message, fromContentScript)).toBeUndefined();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(deps.badge).not.toHaveBeenCalled();
  });

  it.each(malformedScanRequests)('a scan request with %s is ignored: the tab is not scanned or marked', async (_, message) => {
    expect(parseMessage(message)).toBeNull();
    const { deps, background } = setup();
    expect(await background.receive(message, fromPopup)).toBeUndefined();
    expect(deps.scan).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(deps.badge).not.toHaveBeenCalled();
  });

  it('still accepts a page report whose address is exactly at the length limit', async () => {
    const { deps, background } = setup();
    await background.receive({ verb: 'pageChanged', data: { url: teamsUrlOfLength(MAX_URL) } }, fromContentScript);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ 'tab-7': expect.objectContaining({ via: 'page' }) });
    expect(deps.badge).toHaveBeenCalledTimes(1);
  });

  it('still scans for a well-formed request from the popup, so the rejections above are about the message', async () => {
    const { deps, background } = setup();
    await background.receive({ verb: 'scanTab', data: { tabId: 4 } }, fromPopup);
    expect(deps.scan).toHaveBeenCalledWith(4);
  });

  it('stores nothing and sets no badge for any message outside the protocol, from a page or from the popup', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyMessage.filter((raw) => !isProtocolMessage(raw)),
        fc.boolean(),
        async (message, viaPopup) => {
          fakeBrowser.reset();
          const { deps, background } = setup();
          const reply = await background.receive(message, viaPopup ? fromPopup : fromContentScript);
          expect(reply).toBeUndefined();
          expect(await fakeBrowser.storage.session.get(null)).toEqual({});
          expect(deps.badge).not.toHaveBeenCalled();
          expect(deps.scan).not.toHaveBeenCalled();
        },
      ),
      { numRuns: 300 },
    );
  });
});
