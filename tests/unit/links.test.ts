import { describe, expect, it, vi } from 'vitest';
import {
  addressesInText,
  collectLinkCandidates,
  LINK_LIMITS,
  summarizeLinks,
  unwrapLink,
} from '@/lib/shared/detection/links';
import { linkMatchPatterns, toolMatchPatterns, wrapperMatchPatterns } from '@/lib/shared/detection/match-patterns';
import { detectableTools, detectTool, linkWrappers } from '@/lib/shared/registry/rules';
import { registry } from './support/registry';

const zoom = 'https://zoom.us/j/85512345678?pwd=abc';
const safeLink = (target: string) =>
  `https://eur01.safelinks.protection.outlook.com/?url=${encodeURIComponent(target)}&data=05%7C01&sdata=x&reserved=0`;
const google = (target: string) => `https://www.google.com/url?q=${encodeURIComponent(target)}&sa=D`;

describe('unwrapping redirect wrappers', () => {
  it.each(
    registry.wrappers.flatMap((wrapper) =>
      wrapper.examples.map((example) => [wrapper.name, example.wrapped, example.target] as const),
    ),
  )('%s: %s', (_, wrapped, target) => {
    expect(unwrapLink(wrapped, linkWrappers)).toBe(target);
  });

  it('undoes wrappers nested in each other', () => {
    expect(unwrapLink(safeLink(google(zoom)), linkWrappers)).toBe(zoom);
  });

  it(`stops after ${LINK_LIMITS.unwrapDepth} levels`, () => {
    let wrapped = zoom;
    for (let level = 0; level < LINK_LIMITS.unwrapDepth + 1; level++) wrapped = safeLink(wrapped);
    expect(unwrapLink(wrapped, linkWrappers)).toBe(safeLink(zoom));
  });

  it.each([
    ['a javascript: address inside url=', safeLink('javascript:alert(1)//zoom.us/j/1')],
    ['a data: address inside q=', google('data:text/html,<script>alert(1)</script>')],
    ['a wrapper with nothing inside', 'https://eur01.safelinks.protection.outlook.com/?data=05'],
    ['a wrapper with broken percent-encoding', 'https://eur01.safelinks.protection.outlook.com/?url=%E0%A4%A'],
    [
      'a lookalike wrapper host',
      `https://safelinks.protection.outlook.com.evil.example/?url=${encodeURIComponent(zoom)}`,
    ],
  ])('keeps %s away from detection', (_, wrapped) => {
    expect(detectTool(unwrapLink(wrapped, linkWrappers))).toBeNull();
  });

  it('refuses addresses longer than a link anyone follows', () => {
    const huge = `${safeLink(zoom)}&x=${'a'.repeat(LINK_LIMITS.urlLength)}`;
    expect(unwrapLink(huge, linkWrappers)).toBe(huge);
    expect(detectTool(unwrapLink(huge, linkWrappers))).toBeNull();
  });

  it('reads past an empty parameter, as in Google search links that carry the address in url=', () => {
    expect(unwrapLink(`https://www.google.com/url?sa=t&q=&url=${encodeURIComponent(zoom)}`, linkWrappers)).toBe(zoom);
  });

  it('refuses a Proofpoint v3 run whose length character is outside its alphabet', () => {
    const wrapped = 'https://urldefense.com/v3/__https://zoom.us/j/1**!__;YWJj!!x';
    expect(unwrapLink(wrapped, linkWrappers)).toBe(wrapped);
  });

  it('leaves addresses that are not wrapped as they are', () => {
    for (const address of [zoom, 'not a url', 'https://www.google.com/search?q=zoom'])
      expect(unwrapLink(address, linkWrappers)).toBe(address);
  });
});

describe('addresses written in text', () => {
  it('finds them with or without a scheme and drops trailing punctuation', () => {
    const text =
      'Join: https://zoom.us/j/123456789. Or meet.google.com/abc-defg-hij, or (https://acme.webex.com/meet/jane).';
    expect(addressesInText(text)).toEqual([
      'https://zoom.us/j/123456789',
      'https://meet.google.com/abc-defg-hij',
      'https://acme.webex.com/meet/jane',
    ]);
  });

  it('never cuts a host out of a longer word, such as a lookalike with a Cyrillic letter in front', () => {
    expect(addressesInText('аzoom.us/j/98765?pwd=abc and αteams.microsoft.com/l/meetup-join/x')).toEqual([]);
    expect(addressesInText('(zoom.us/j/98765) "https://zoom.us/j/1"')).toEqual([
      'https://zoom.us/j/98765',
      'https://zoom.us/j/1',
    ]);
  });

  it('costs about as much on hostile text without spaces as on prose of the same length', () => {
    const fastest = (text: string) => {
      let best = Number.POSITIVE_INFINITY;
      for (let run = 0; run < 5; run++) {
        const start = performance.now();
        addressesInText(text);
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    const size = LINK_LIMITS.textChars;
    const prose = fastest('Meet me at the usual place, then we talk about the plan. '.repeat(size / 57));
    const versions = Array.from({ length: size / 8 }, (_, index) => `1.${index % 10}.${index % 7}-rc`).join('-');
    for (const hostile of ['a-'.repeat(size / 2), 'a.'.repeat(size / 2), 'aa.'.repeat(size / 3), versions]) {
      // Quadratic backtracking took seconds here; linear matching stays within a small multiple of prose.
      expect(fastest(hostile.slice(0, size))).toBeLessThan(20 * prose + 20);
    }
  });

  it('ignores bare host names without a path and stops at the limit', () => {
    expect(addressesInText('see zoom.us or teams.microsoft.com for details')).toEqual([]);
    expect(addressesInText('https://a.example/x '.repeat(50), 10)).toHaveLength(10);
  });
});

function page(body: string): Document {
  const doc = document.implementation.createHTMLDocument('mail');
  doc.body.innerHTML = body;
  return doc;
}

describe('reading a page for meeting links', () => {
  it('reads anchors and visible text, but not scripts, styles or templates', () => {
    const doc = page(`
      <a href="https://zoom.us/j/1">Zoom</a>
      <p>Dial in via https://acme.webex.com/meet/jane today</p>
      <script>var hidden = "https://meet.google.com/aaa-bbbb-ccc";</script>
      <style>/* https://meet.google.com/ddd-eeee-fff */</style>
      <template><a href="https://meet.google.com/ggg-hhhh-iii">x</a></template>`);
    expect(collectLinkCandidates(doc)).toEqual({
      addresses: ['https://zoom.us/j/1', 'https://acme.webex.com/meet/jane'],
      truncated: false,
    });
  });

  it('skips what a reader does not see or cannot follow: hidden elements, text fields, drawings and anchor texts', () => {
    const doc = page(`
      <div hidden><a href="https://teams.microsoft.com/l/meetup-join/19%3ameeting_a%40thread.v2/0">Teams</a></div>
      <p aria-hidden="true">https://meet.google.com/aaa-bbbb-ccc</p>
      <textarea>https://zoom.us/j/111111111</textarea>
      <svg><text>https://meet.google.com/ddd-eeee-fff</text></svg>
      <a href="https://evil.example/phish">https://zoom.us/j/85512345678?pwd=x</a>
      <p>https://acme.webex.com/meet/jane</p>`);
    expect(collectLinkCandidates(doc).addresses).toEqual([
      'https://evil.example/phish',
      'https://acme.webex.com/meet/jane',
    ]);
  });

  it('skips elements a style sheet hides, where the browser can tell', () => {
    const doc = page('<p class="x">https://zoom.us/j/123456789</p>');
    const paragraph = doc.querySelector('p')! as HTMLElement & { checkVisibility: () => boolean };
    paragraph.checkVisibility = () => false;
    expect(collectLinkCandidates(doc).addresses).toEqual([]);
  });

  it(`reads at most ${LINK_LIMITS.anchors} anchors of a page with 100,000 links, never touching the rest`, () => {
    const item = vi.fn((index: number) =>
      index < 100_000 ? { href: 'https://www.example.com/', closest: () => null } : null,
    );
    const doc = {
      links: { item, length: 100_000 },
      body: document.createElement('body'),
      createTreeWalker: document.createTreeWalker.bind(document),
    } as unknown as Document;
    const read = collectLinkCandidates(doc);
    expect(read.addresses).toHaveLength(LINK_LIMITS.anchors);
    expect(read.truncated).toBe(true);
    expect(item).toHaveBeenCalledTimes(LINK_LIMITS.anchors);
  });

  // Building 20,000 elements in the test DOM takes seconds on a busy machine; the reading itself does not.
  it(`reads at most ${LINK_LIMITS.textNodes.toLocaleString('en')} text nodes`, { timeout: 30_000 }, () => {
    const doc = page(`${'<span>x</span>'.repeat(LINK_LIMITS.textNodes)}<p>https://zoom.us/j/123456789</p>`);
    expect(collectLinkCandidates(doc)).toEqual({ addresses: [], truncated: true });
  });

  it(`reads at most ${LINK_LIMITS.textChars.toLocaleString('en')} characters of text`, () => {
    const filler = 'x'.repeat(LINK_LIMITS.textChars);
    const doc = page(`<p>${filler}</p><p>https://zoom.us/j/123456789</p>`);
    expect(collectLinkCandidates(doc)).toEqual({ addresses: [], truncated: true });
  });
});

describe('summarising the links of a page', () => {
  const join =
    'https://teams.microsoft.com/l/meetup-join/19%3ameeting_N2Y4%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d';
  it.each([
    {
      name: 'lists each tool once with its number of distinct links, unwraps gateways, and skips lookalikes and marketing pages',
      candidates: [
        'https://teams.microsoft.com/l/meetup-join/19%3ameeting_a%40thread.v2/0',
        safeLink(zoom),
        zoom,
        'https://zoom.us/j/99999999999',
        'https://meet.google.com/abc-defg-hij',
        'https://zoom.us.evil.example/j/1',
        'https://zoom.us/pricing',
        'https://www.example.com/',
      ],
      expected: [
        { toolId: 'microsoft-teams', count: 1, meetings: 1 },
        { toolId: 'zoom', count: 2, meetings: 2 },
        { toolId: 'google-meet', count: 1, meetings: 1 },
      ],
    },
    {
      name: 'counts one invitation’s join, dial-in and options links as one meeting, and one meeting printed and linked once',
      candidates: [
        safeLink(join),
        'https://dialin.teams.microsoft.com/8f0f0e3a-1234/?id=123456789',
        'https://teams.microsoft.com/meetingOptions/?organizerId=abc&tenantId=t&threadId=19_meeting_N2Y4@thread.v2&messageId=0&language=en-US',
        'https://meet.google.com/abc-defg-hij?authuser=0',
        'https://meet.google.com/abc-defg-hij',
        'https://meet.google.com/xyz-abcd-efg',
      ],
      // Join, dial-in and options of one invitation; one Meet meeting printed and linked with `authuser`, and another.
      expected: [
        { toolId: 'microsoft-teams', count: 3, meetings: 1 },
        { toolId: 'google-meet', count: 3, meetings: 2 },
      ],
    },
  ])('$name', ({ candidates, expected }) => {
    expect(summarizeLinks(candidates, detectTool, linkWrappers)).toEqual(expected);
  });

  it('gives back tool ids and counts only, never an address or part of one', () => {
    const secret = 'pwd=TOPSECRET';
    const summary = summarizeLinks(
      [`https://zoom.us/j/1?${secret}`, safeLink(`https://zoom.us/j/2?${secret}`)],
      detectTool,
      linkWrappers,
    );
    expect(JSON.stringify(summary)).not.toContain('TOPSECRET');
    expect(summary).toEqual([{ toolId: 'zoom', count: 2, meetings: 2 }]);
  });
});

describe('the link menu’s patterns for wrapped links', () => {
  it('are as narrow as each wrapper’s path, never a whole general-purpose site', () => {
    const patterns = wrapperMatchPatterns(linkWrappers);
    expect(patterns).toContain('*://*.google.com/url*');
    expect(patterns).toContain('*://*.facebook.com/l.php*');
    expect(patterns).toContain('*://*.linkedin.com/redir/redirect*');
    for (const site of [
      'google.com',
      'facebook.com',
      'linkedin.com',
      'youtube.com',
      'messenger.com',
      'trendmicro.com',
    ]) {
      expect(patterns).not.toContain(`*://*.${site}/*`);
    }
  });
});

describe('host patterns', () => {
  it('ask for no permission on sites that serve far more than the tool, or on ended services, but still offer the link menu there', () => {
    const permissions = toolMatchPatterns(detectableTools);
    const menu = linkMatchPatterns(detectableTools);
    for (const pattern of [
      'https://*.facebook.com/*',
      'https://*.messenger.com/*',
      'https://web.skype.com/*',
      'https://meet.lync.com/*',
    ]) {
      expect(permissions).not.toContain(pattern);
      expect(menu).toContain(pattern);
    }
    expect(permissions).toContain('https://*.teams.microsoft.com/*');
  });

  it('ask for no host twice: a host under a domain followed with its subdomains adds no pattern', () => {
    const tool = (hosts: Array<{ domain: string; subdomains: boolean | 'only' }>) => ({
      id: 'example',
      detection: { hosts, meetingPaths: [] },
    });
    const patterns = toolMatchPatterns([
      tool([
        { domain: 'example.com', subdomains: true },
        { domain: 'events.example.com', subdomains: false },
        { domain: 'example.com', subdomains: false },
        { domain: 'example.org', subdomains: false },
      ]),
      tool([{ domain: 'a.b.example.com', subdomains: true }]),
    ]);
    expect(patterns).toEqual(['https://*.example.com/*', 'https://example.org/*']);
    const real = toolMatchPatterns(detectableTools);
    for (const pattern of real) {
      const host = /^https:\/\/(?:\*\.)?([^/]+)\/\*$/.exec(pattern)![1]!;
      expect(
        real.filter(
          (other) => other !== pattern && host.endsWith(`.${other.slice(10, -2)}`) && other.startsWith('https://*.'),
        ),
        pattern,
      ).toEqual([]);
    }
  });
});
