import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectableTools, detectTool, linkWrappers } from '@/lib/shared/registry/rules';
import { ELEMENT_LIMIT, markerQuery, probeGlobals, scanPage } from '@/lib/page-scan/scan';

const { globals } = markerQuery(detectableTools);

describe('the main-world probe of page globals', () => {
  const page = window as unknown as Record<string, unknown>;
  afterEach(() => {
    for (const name of ['JitsiMeetJS', 'ZoomMtg']) delete page[name];
  });

  it('answers with one flag per name asked', () => {
    page.JitsiMeetJS = {};
    const flags = probeGlobals(['JitsiMeetJS', 'ZoomMtg']);
    expect(flags).toBe('10');
  });

  it('never runs a getter the page defined, so the page cannot tell it was asked', () => {
    const getter = vi.fn(() => ({}));
    Object.defineProperty(window, 'JitsiMeetJS', { get: getter, configurable: true });
    expect(probeGlobals(['JitsiMeetJS'])).toBe('1');
    expect(getter).not.toHaveBeenCalled();
  });

  it('answers exactly as long as the question, whatever the page did to the built-in prototypes', () => {
    const originals = { filter: Array.prototype.filter, map: Array.prototype.map, push: Array.prototype.push };
    const huge = () => new Array(1_000_000).fill('x');
    try {
      Array.prototype.filter = huge as never;
      Array.prototype.map = huge as never;
      Array.prototype.push = (() => 1_000_000) as never;
      expect(probeGlobals(globals)).toHaveLength(globals.length);
    } finally {
      Object.assign(Array.prototype, originals);
    }
  });
});

describe('the page scan', () => {
  it('finds the registry’s selectors, scripts, frames and the title, and reduces links to tools and counts', () => {
    const doc = document.implementation.createHTMLDocument();
    doc.title = 'Jitsi Meet';
    doc.body.innerHTML = `
      <div id="videospace"></div>
      <script src="https://video.example.org/libs/lib-jitsi-meet.min.js"></script>
      <iframe src="https://meet.jit.si/Room"></iframe>
      <a href="https://zoom.us/j/123456789?pwd=secret">Zoom</a>`;
    const scan = scanPage(doc, detectTool, linkWrappers, { selectors: ['#videospace', '#absent'], globals: [] });
    expect(scan.signals.selectors).toEqual(['#videospace']);
    expect(scan.signals.scripts).toEqual(['https://video.example.org/libs/lib-jitsi-meet.min.js']);
    expect(scan.signals.frames).toEqual(['https://meet.jit.si/Room']);
    expect(scan.signals.title).toBe('Jitsi Meet');
    expect(scan.links).toEqual([{ toolId: 'zoom', count: 1, meetings: 1 }]);
    expect(JSON.stringify(scan.links)).not.toContain('secret');
  });

  it(`stops reading scripts at ${ELEMENT_LIMIT} on a page with 200,000 of them`, () => {
    const item = vi.fn((index: number) =>
      index < 200_000 ? { getAttribute: () => 'x', src: `https://cdn.example/${index}.js` } : null,
    );
    const doc = document.implementation.createHTMLDocument('many scripts');
    vi.spyOn(doc, 'getElementsByTagName').mockReturnValue({ item } as unknown as HTMLCollectionOf<Element>);
    const scan = scanPage(doc, detectTool, linkWrappers, { selectors: [], globals: [] });
    expect(scan.signals.scripts).toHaveLength(ELEMENT_LIMIT);
    // Once for scripts and once for frames, each stopping at the limit.
    expect(item).toHaveBeenCalledTimes(2 * ELEMENT_LIMIT);
  });

  it('survives selectors a page’s document cannot parse', () => {
    const doc = document.implementation.createHTMLDocument('x');
    expect(
      scanPage(doc, detectTool, linkWrappers, { selectors: ['::not a selector(', '#ok'], globals: [] }).signals
        .selectors,
    ).toEqual([]);
  });

  it('names the registry’s globals that elements of the page explain, so content cannot fake a tool’s script', () => {
    const doc = document.implementation.createHTMLDocument('mail');
    doc.body.innerHTML = '<div id="ZoomMtg"></div><img name="JitsiMeetJS" alt=""><iframe name="PexRTC"></iframe>';
    const scan = scanPage(doc, detectTool, linkWrappers, { selectors: [], globals });
    expect(scan.named.sort()).toEqual(['JitsiMeetJS', 'PexRTC', 'ZoomMtg']);
  });

  it('keeps the start of an address too long to be a link, so its host still identifies the tool', () => {
    const doc = document.implementation.createHTMLDocument('long');
    const long = `https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0?context=${'a'.repeat(20_000)}`;
    vi.spyOn(doc, 'location', 'get').mockReturnValue({ href: long } as Location);
    const scan = scanPage(doc, detectTool, linkWrappers, { selectors: [], globals: [] });
    expect(scan.url).toHaveLength(8192);
    expect(detectTool(scan.url)?.toolId).toBe('microsoft-teams');
  });
});
