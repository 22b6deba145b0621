import type { DetectableTool, PageSignals } from '@/lib/detection/engine';

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

/**
 * Runs inside the scanned page, in the extension's isolated world, so the page's own scripts cannot
 * replace what it reads. Self-contained: it is serialised by `scripting.executeScript`.
 */
export function collectPageSignals(selectors: string[]): { url: string; signals: PageSignals } {
  const LIMIT = 200;
  const srcs = (tag: string): string[] =>
    Array.from(document.getElementsByTagName(tag), (el) => (el as HTMLScriptElement | HTMLIFrameElement).src)
      .filter(Boolean)
      .slice(0, LIMIT)
      .map((src) => src.slice(0, 2048));
  const matched = selectors.filter((selector) => {
    try {
      return document.querySelector(selector) !== null;
    } catch {
      return false;
    }
  });
  return {
    url: location.href,
    signals: { scripts: srcs('script'), frames: srcs('iframe'), selectors: matched, title: document.title.slice(0, 2048) },
  };
}

/**
 * Runs in the page's main world, the only place its globals are visible. It answers only which of the
 * given names exist; the page could lie here, so host matches always take precedence over markers.
 */
export function probeGlobals(names: string[]): string[] {
  return names.filter((name) => {
    try {
      return name in window && (window as unknown as Record<string, unknown>)[name] != null;
    } catch {
      return false;
    }
  });
}
