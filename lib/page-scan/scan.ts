import type { Detector } from '@/lib/shared/detection/engine';
import { collectLinkCandidates, summarizeLinks, type LinkedTool } from '@/lib/shared/detection/links';
import type { DetectableTool } from '@/lib/shared/registry/build/rules-schema';
import type { PageSignals } from '@/lib/shared/detection/shapes';
import type { LinkWrapper } from '@/lib/shared/registry/build/wrappers-schema';

/** Scripts and frames read from a page, in document order; the rest is never read. */
export const ELEMENT_LIMIT = 200;
/** Characters kept of a script or frame address and of the title. */
const TEXT_LIMIT = 2048;
/** Characters kept of the page's own address. */
const URL_LIMIT = 8192;

/** The selectors and window properties the registry's page markers ask about. */
export function markerQuery(tools: readonly DetectableTool[]): { selectors: string[]; globals: string[] } {
  const selectors = new Set<string>();
  const globals = new Set<string>();
  for (const tool of tools) {
    for (const set of tool.detection.markers ?? []) {
      for (const marker of set.all) {
        if (marker.type === 'selector') selectors.add(marker.value);
        if (marker.type === 'global') globals.add(marker.value);
      }
    }
  }
  return { selectors: [...selectors], globals: [...globals] };
}

/** What the page scan returns: the page's address and signals for detection, and the tools it links to. */
export interface PageScan {
  url: string;
  signals: Omit<PageSignals, 'globals'>;
  links: LinkedTool[];
  /** A reading limit was reached: the page may link to more tools than `links` lists. */
  linksTruncated: boolean;
  /**
   * The registry's global names that elements of the page explain: an element's id or name becomes a
   * window property, so content such as a mail body could otherwise fake a tool's script global.
   */
  named: string[];
}

/** Names among `globals` that an element's id or name would make a window property. */
function namedElements(doc: Document, globals: readonly string[]): string[] {
  return globals.filter((name) => doc.getElementById(name) !== null || doc.getElementsByName(name).length > 0);
}

/** `src` of the first ELEMENT_LIMIT elements of a kind; reading stops there, however many the page has. */
function sources(doc: Document, tag: 'script' | 'iframe'): string[] {
  const elements = doc.getElementsByTagName(tag);
  const found: string[] = [];
  for (let index = 0; index < ELEMENT_LIMIT; index++) {
    const element = elements.item(index);
    if (!element) break;
    const src = element.getAttribute('src') ? element.src : '';
    if (src) found.push(src.slice(0, TEXT_LIMIT));
  }
  return found;
}

/**
 * Reads the page for the on-demand scan, in the extension's isolated world, where the page's scripts cannot
 * change what it reads. Every list is bounded while it is read. Links are reduced to tool ids and counts here,
 * so the addresses they contain, which can carry join secrets, never leave the page.
 */
export function scanPage(
  doc: Document,
  detect: Detector,
  wrappers: readonly LinkWrapper[],
  { selectors, globals }: { selectors: readonly string[]; globals: readonly string[] },
): PageScan {
  const matched = selectors.filter((selector) => {
    try {
      return doc.querySelector(selector) !== null;
    } catch {
      return false;
    }
  });
  const candidates = collectLinkCandidates(doc);
  return {
    // Cut, not dropped: the host and the start of the path identify a tool however long the address is.
    url: (doc.location?.href ?? '').slice(0, URL_LIMIT),
    signals: {
      scripts: sources(doc, 'script'),
      frames: sources(doc, 'iframe'),
      selectors: matched,
      title: doc.title.slice(0, TEXT_LIMIT),
    },
    links: summarizeLinks(candidates.addresses, detect, wrappers),
    linksTruncated: candidates.truncated,
    named: namedElements(doc, globals),
  };
}

/**
 * Runs in the page's main world, the only place its globals are visible, and where the page controls every
 * prototype. So it calls no method the page could replace, reads no property value (a getter would tell the
 * page it was asked), and answers with one string of '0' and '1' per name: whatever the page does, the answer
 * is exactly as long as the question. The page could still lie, so host matches always win over markers.
 * Self-contained: `scripting.executeScript` serialises it.
 */
export function probeGlobals(names: string[]): string {
  let flags = '';
  for (let index = 0; index < names.length; index++) {
    let present = false;
    try {
      present = names[index]! in window;
    } catch {
      // A hostile page can make `in` throw through a proxy in the prototype chain; that counts as absent.
    }
    flags += present ? '1' : '0';
  }
  return flags;
}
