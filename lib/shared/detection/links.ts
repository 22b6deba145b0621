// Reached from wxt.config.ts (through the registry's build code): relative imports only, no `@/`.
import type { Detector } from './engine';
import type { LinkWrapper } from '../registry/build/wrappers-schema';

/** How much of a page the meeting-link scan reads, whatever the page holds. */
export const LINK_LIMITS = {
  /** Anchors read, in document order: far more than a mail, calendar or event page shows. */
  anchors: 1000,
  /** Characters of visible text read, from at most this many text nodes. */
  textChars: 100_000,
  textNodes: 20_000,
  /** Addresses taken from that text. */
  textLinks: 500,
  /** Characters of one address; longer ones are not links a person follows. */
  urlLength: 8192,
  /** Wrappers undone around one address. */
  unwrapDepth: 3,
} as const;

/** A conferencing tool a page links to: how many distinct links point there, and how many meetings they name. */
export interface LinkedTool {
  toolId: string;
  count: number;
  /** Distinct meeting addresses; a meeting's dial-in, options and help links are not meetings of their own. */
  meetings: number;
}

/** The tools a page links to, and whether the page held more than the scan reads. */
export interface PageLinks {
  tools: readonly LinkedTool[];
  truncated: boolean;
}

function parseUrl(input: string): URL | null {
  if (input.length > LINK_LIMITS.urlLength) return null;
  try {
    return new URL(input);
  } catch {
    return null;
  }
}

function onDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

function decodeBase64(text: string): string | null {
  try {
    const binary = atob(
      text
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(text.length / 4) * 4, '='),
    );
    return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** Run lengths of Proofpoint v3's `**<char>` tokens: A means 2, B 3, ... in this order. */
const PROOFPOINT_RUNS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Proofpoint URL Defense v3: `/v3/__<address>__;<base64 of the replaced characters>!!...`. */
function proofpointV3(url: URL): string | null {
  const match = /^\/v3\/__(.+?)__;([^!]*)!/.exec(url.pathname + url.search + url.hash);
  if (!match) return null;
  const replaced = [...(decodeBase64(match[2]!) ?? '')];
  let next = 0;
  const take = (length: number): string | null => {
    if (next + length > replaced.length) return null;
    const run = replaced.slice(next, next + length).join('');
    next += length;
    return run;
  };
  let failed = false;
  const address = match[1]!.replace(/\*\*(.)|\*/g, (_token, runChar: string | undefined) => {
    const length = runChar === undefined ? 1 : PROOFPOINT_RUNS.indexOf(runChar) + 2;
    // indexOf gives -1 for a character outside the run alphabet: a length of 1, which is not a run.
    const run = runChar !== undefined && length < 2 ? null : take(length);
    if (run === null) failed = true;
    return run ?? '';
  });
  return failed ? null : address;
}

type CompiledWrapper = LinkWrapper & { pathPattern: RegExp };
const compiledWrappers = new WeakMap<readonly LinkWrapper[], CompiledWrapper[]>();

/** The wrappers with their path patterns compiled, once per list. */
function compile(wrappers: readonly LinkWrapper[]): CompiledWrapper[] {
  let compiled = compiledWrappers.get(wrappers);
  if (!compiled) {
    compiled = wrappers.map((wrapper) => ({ ...wrapper, pathPattern: new RegExp(wrapper.path) }));
    compiledWrappers.set(wrappers, compiled);
  }
  return compiled;
}

/** The address a wrapper leads to, or null when `url` is not this wrapper's or carries nothing readable. */
function unwrapOnce(url: URL, wrapper: CompiledWrapper): string | null {
  const host = url.hostname.toLowerCase();
  if (!wrapper.domains.some((domain) => onDomain(host, domain)) || !wrapper.pathPattern.test(url.pathname)) return null;
  // An empty parameter carries nothing, as in Google's `/url?q=&url=...`; another wrapper may read the address.
  const param = (wrapper.param && url.searchParams.get(wrapper.param)) || null;
  switch (wrapper.encoding) {
    case 'param':
      return param;
    case 'param-base64':
      // A raw `+` of the base64 alphabet reads back as a space from the query.
      return param === null ? null : decodeBase64(param.replace(/ /g, '+'));
    case 'proofpoint-v2':
      return param === null ? null : safeDecode(param.replace(/-/g, '%').replace(/_/g, '/'));
    case 'proofpoint-v3':
      return proofpointV3(url);
    case 'last-segment': {
      const segment = url.pathname.split('/').pop();
      return segment ? safeDecode(segment) : null;
    }
  }
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Undoes redirect wrappers (mail security gateways, link trackers) around an address, up to
 * LINK_LIMITS.unwrapDepth levels, locally and without any request. Returns the innermost address, or the
 * input when it is not wrapped; anything unreadable stops the unwrapping where it is.
 */
export function unwrapLink(input: string, wrappers: readonly LinkWrapper[]): string {
  const compiled = compile(wrappers);
  let current = input;
  for (let depth = 0; depth < LINK_LIMITS.unwrapDepth; depth++) {
    const url = parseUrl(current);
    if (!url) return current;
    let inner: string | null = null;
    for (const wrapper of compiled) {
      inner = unwrapOnce(url, wrapper);
      if (inner !== null) break;
    }
    if (inner === null || inner.length > LINK_LIMITS.urlLength) return current;
    current = inner.trim();
  }
  return current;
}

/**
 * Addresses written out in text, with or without a scheme; scheme-less ones need a path to count. An address
 * starts only where no letter, digit, `_`, `.` or `-` comes before it, so each character can begin at most one
 * attempt: the cost stays linear on hostile text such as `a-a-a-...`, and a host is never cut out of a longer
 * word (`аzoom.us`, with a Cyrillic а, is not zoom.us).
 */
const TEXT_ADDRESS = /(?<![\p{L}\p{N}_.-])(?:https?:\/\/[^\s<>"'`]+|(?:[a-z0-9-]+\.)+[a-z]{2,}\/[^\s<>"'`]*)/giu;
/**
 * Elements whose text a reader does not see as page text, or does not see as an address: an anchor's text
 * says nothing about where it leads (its href is read instead), and a text field holds what someone types.
 */
const NOT_READ = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'OPTION']);
/** Content hidden from readers, and drawings, whose text is not page text. */
const HIDDEN = '[hidden],[aria-hidden="true"],svg';
/** Elements whose text is skipped: anchors (their href counts instead), text fields and drawings. */
const SKIPPED_TEXT = new Set(['a', 'textarea', 'svg']);

/** Whether an element itself hides its content from readers, or holds text that is skipped. */
function hidesText(element: Element): boolean {
  return (
    SKIPPED_TEXT.has(element.localName) ||
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden') === 'true'
  );
}

/** Addresses in a piece of text, at most `limit`, with trailing punctuation removed and a scheme added where missing. */
export function addressesInText(text: string, limit: number = LINK_LIMITS.textLinks): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(TEXT_ADDRESS)) {
    if (found.length >= limit) break;
    const address = match[0].replace(/[.,;:!?)\]}>]+$/, '');
    found.push(/^https?:\/\//i.test(address) ? address : `https://${address}`);
  }
  return found;
}

/** What the link scan read of a page: the candidate addresses, and whether a limit cut the reading short. */
export interface LinkCandidates {
  addresses: string[];
  /** A limit stopped the reading: the page may link to more than the list shows. */
  truncated: boolean;
}

/** Whether the browser shows an element; `checkVisibility` (Chromium 105, Firefox 106) also sees style sheets. */
function rendered(element: Element): boolean {
  const visible = element as Element & { checkVisibility?: (options?: object) => boolean };
  return typeof visible.checkVisibility === 'function'
    ? visible.checkVisibility({ visibilityProperty: true, opacityProperty: true })
    : true;
}

/**
 * Whether text in an element reaches a reader: nothing up its ancestor chain hides it. Each element is
 * looked at once, its answer remembered in `known`; a loop, not recursion, however deep the page nests.
 */
function readable(element: Element, known: Map<Element, boolean>): boolean {
  const chain: Element[] = [];
  let current: Element | null = element;
  let answer = true;
  while (current) {
    const seen = known.get(current);
    if (seen !== undefined) {
      answer = seen;
      break;
    }
    chain.push(current);
    current = current.parentElement;
  }
  // From the outermost unknown element inwards: hidden once an ancestor is.
  for (let index = chain.length - 1; index >= 0; index--) {
    answer = answer && !hidesText(chain[index]!);
    known.set(chain[index]!, answer);
  }
  return answer;
}

/**
 * The addresses a page links to, read within LINK_LIMITS: the targets of shown anchors in document order,
 * then addresses written in the page's shown text. Hidden content, anchor texts and text fields are skipped,
 * so what is counted is what a reader can see and follow. Nothing else of the page is read.
 */
export function collectLinkCandidates(doc: Document): LinkCandidates {
  const addresses: string[] = [];
  const anchors = doc.links;
  let truncated = anchors.length > LINK_LIMITS.anchors;
  for (let index = 0; index < LINK_LIMITS.anchors; index++) {
    const anchor = anchors.item(index) as HTMLAnchorElement | null;
    if (!anchor) break;
    if (anchor.closest(HIDDEN) || !rendered(anchor)) continue;
    addresses.push(anchor.href);
  }
  // No filter callback: calling into script for every node would cost more than reading the text itself.
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_TEXT);
  let text = '';
  let nodes = 0;
  const known = new Map<Element, boolean>();
  let lastParent: Element | null = null;
  let lastShown = false;
  while (walker.nextNode()) {
    if (nodes >= LINK_LIMITS.textNodes || text.length >= LINK_LIMITS.textChars) {
      truncated = true;
      break;
    }
    nodes++;
    const parent = walker.currentNode.parentElement;
    if (!parent || NOT_READ.has(parent.tagName)) continue;
    // Neighbouring text nodes mostly share a parent: its visibility is looked up once.
    if (parent !== lastParent) {
      lastParent = parent;
      lastShown = readable(parent, known) && rendered(parent);
    }
    if (lastShown) text += `${walker.currentNode.nodeValue ?? ''}\n`;
  }
  const found = addressesInText(text.slice(0, LINK_LIMITS.textChars));
  if (found.length >= LINK_LIMITS.textLinks) truncated = true;
  addresses.push(...found);
  return { addresses, truncated };
}

/**
 * Query parameters that say how a meeting address was reached (account chooser, tracking, client hints),
 * not which meeting: the same meeting printed in an invitation and linked with `?authuser=0` is one meeting.
 */
const NOT_A_MEETING_PARAM = /^(authuser|hs|context|from|ref_from|sa|source|usg|ust|utm_.*)$/i;

/** One meeting's identity: host, path and the parameters that name it, so copies of one join link count once. */
function meetingKey(address: string): string {
  const url = parseUrl(address);
  if (!url) return address;
  const params = [...url.searchParams]
    .filter(([name]) => !NOT_A_MEETING_PARAM.test(name))
    .map(([name, value]) => `${name}=${value}`)
    .sort();
  return `${url.hostname.toLowerCase().replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}?${params.join('&')}`;
}

/**
 * The tools among `candidates`, each once with the number of distinct links to it and of distinct meeting
 * addresses among them (the detection's `meeting` context), in order of first appearance. Only tool ids and
 * counts leave this function: the addresses, which can carry join secrets, do not.
 */
export function summarizeLinks(
  candidates: readonly string[],
  detect: Detector,
  wrappers: readonly LinkWrapper[],
): LinkedTool[] {
  const found = new Map<string, { links: Set<string>; meetings: Set<string> }>();
  for (const candidate of new Set(candidates)) {
    const address = unwrapLink(candidate, wrappers);
    const detection = detect(address);
    if (!detection) continue;
    let tool = found.get(detection.toolId);
    if (!tool) found.set(detection.toolId, (tool = { links: new Set(), meetings: new Set() }));
    tool.links.add(address);
    if (detection.context === 'meeting') tool.meetings.add(meetingKey(address));
  }
  return [...found].map(([toolId, { links, meetings }]) => ({ toolId, count: links.size, meetings: meetings.size }));
}
