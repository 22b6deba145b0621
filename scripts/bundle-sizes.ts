/**
 * Sizes of a built extension directory, shared by the benchmark (`scripts/bench.ts`) and the build-size
 * test (`tests/e2e/build-size.spec.ts`), so both judge the same bytes the same way.
 *
 * Which files belong to which part is read from the built manifest and popup HTML, not hard-coded, so a
 * renamed chunk or an extra content script is still counted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export const KB = 1024;

/**
 * What `npm test` holds the shipped build to: the goal where it is met (the page scan, the background), and
 * elsewhere a guard
 * against unplanned growth at today's size plus a small margin, since those goals are open (README, Performance).
 */
export const SIZE_BUDGETS = {
  popupJsGzip: 112 * KB,
  pageScanGzip: 8 * KB,
  backgroundGzip: 30 * KB,
} as const;

/** The size goals (issue #20), gzip at level 9. KB means 1024 bytes throughout. */
export const SIZE_GOALS = {
  /** What popup.html loads up front: its scripts, module preloads and their static imports. */
  popupJsGzip: 80 * KB,
  /** Injected into a tab each time the popup opens. */
  pageScanGzip: 8 * KB,
  /** The service worker, started on tab events. */
  backgroundGzip: 30 * KB,
} as const;

/** Level 9, as WXT's `zip` packs (`zip.compressionLevel` defaults to 9); a fixed level keeps figures comparable. */
const LEVEL = 9;

export interface FileSize {
  /** Path inside the extension directory, with forward slashes. */
  file: string;
  raw: number;
  gzip: number;
}

export interface SizeGroup {
  files: FileSize[];
  raw: number;
  /** Sum of each file gzipped on its own: they are separate files, never one stream. */
  gzip: number;
}

export interface BundleSizes {
  contentScript: SizeGroup;
  popupJs: SizeGroup;
  background: SizeGroup;
  /** Injected into a tab when the popup opens: detection rules, link unwrapping and the bounded page reader. */
  pageScan: SizeGroup;
}

interface BuiltManifest {
  background?: { service_worker?: string };
  action?: { default_popup?: string };
  content_scripts?: Array<{ js?: string[] }>;
}

export function readManifest(dir: string): BuiltManifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BuiltManifest;
}

/** The content scripts a built manifest declares, as paths inside the extension. */
export function contentScriptFiles(manifest: BuiltManifest): string[] {
  return manifest.content_scripts?.flatMap((script) => script.js ?? []) ?? [];
}

function fileSize(dir: string, file: string): FileSize {
  const data = readFileSync(join(dir, file));
  return { file, raw: data.length, gzip: gzipSync(data, { level: LEVEL }).length };
}

/** Raw and gzip sizes of `files` (paths inside `dir`), each counted once. */
export function sizeGroup(dir: string, files: readonly string[]): SizeGroup {
  const sizes = [...new Set(files)].map((file) => fileSize(dir, file));
  return {
    files: sizes,
    raw: sizes.reduce((sum, { raw }) => sum + raw, 0),
    gzip: sizes.reduce((sum, { gzip }) => sum + gzip, 0),
  };
}

/** Resolves a URL used inside the extension (`/chunks/a.js`, `./a.js`) to a path in the directory, or null for anything external. */
function resolveInside(fromFile: string, specifier: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(specifier) || specifier.startsWith('//')) return null;
  const path = specifier.startsWith('/') ? specifier.slice(1) : posix.join(posix.dirname(fromFile), specifier);
  return posix.normalize(path.split(/[?#]/)[0]!);
}

/**
 * Static `import`/`export … from` specifiers of a built ES module. Dynamic `import()` is left out on purpose:
 * it is not loaded before the first render. A regular expression is enough for bundler output, where every
 * static import sits at the top level; the benchmark cross-checks the result against what Chromium loads.
 */
export function staticImports(code: string): string[] {
  const pattern =
    /(?:^|[;}\s])(?:import|export)\s*(?:[{*\w$][^'"`;()]*?\bfrom\s*)?(["'])((?:\.{1,2}\/|\/)[^"']+?\.m?js)\1/g;
  return [...code.matchAll(pattern)].map((match) => match[2]!);
}

/** Every script the HTML page loads up front (script src and module preloads), followed through static imports. */
export function pageScripts(dir: string, page: string): string[] {
  const html = readFileSync(join(dir, page), 'utf8');
  const entries = [
    ...[...html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/gi)].map((m) => m[1]!),
    ...[...html.matchAll(/<link\b[^>]*\brel=["']modulepreload["'][^>]*>/gi)].flatMap((m) => {
      const href = /\bhref=["']([^"']+)["']/i.exec(m[0]);
      return href ? [href[1]!] : [];
    }),
  ];
  const seen = new Set<string>();
  const queue = entries.flatMap((src) => resolveInside(page, src) ?? []);
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const specifier of staticImports(code)) {
      const target = resolveInside(file, specifier);
      if (target && !seen.has(target)) queue.push(target);
    }
  }
  return [...seen];
}

/** Measures the content scripts, the popup's JavaScript, the background worker and the page scan of a built extension. */
export function bundleSizes(dir: string): BundleSizes {
  const manifest = readManifest(dir);
  const popup = manifest.action?.default_popup;
  const worker = manifest.background?.service_worker;
  return {
    contentScript: sizeGroup(dir, contentScriptFiles(manifest)),
    popupJs: sizeGroup(dir, popup ? pageScripts(dir, popup) : []),
    background: sizeGroup(dir, worker ? [worker] : []),
    pageScan: sizeGroup(dir, existsSync(join(dir, 'page-scan.js')) ? ['page-scan.js'] : []),
  };
}

/**
 * The texts among `texts` that occur in `code`. A bundler may write a string as-is, JSON-escaped, escaped twice
 * (JSON inside a `JSON.parse` string literal), or with non-ASCII characters as `\uXXXX`; all are looked for.
 */
export function bundledTexts(code: string, texts: readonly string[]): string[] {
  const spellings = (text: string): string[] => {
    const json = JSON.stringify(text).slice(1, -1);
    const ascii = json.replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const twice = JSON.stringify(json).slice(1, -1);
    return [text, json, ascii, twice];
  };
  return texts.filter((text) => spellings(text).some((spelling) => code.includes(spelling)));
}

/** The project root: scripts/ sits directly inside it. */
export const PROJECT_ROOT = dirname(import.meta.dirname);

/** Where `npm run build` writes the shipped Chrome extension. */
export const BUILD_DIR = join(PROJECT_ROOT, '.output', 'chrome-mv3');
