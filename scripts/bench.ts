/**
 * `npm run bench [-- --check] [-- --runs N] [-- --dir PATH]`: the extension's performance figures, each next
 * to a baseline taken in the same run, on the production build in `.output/chrome-mv3`.
 *
 *  1. popup: time from navigating to `popup.html?tabId=N` (a detected Teams tab) to the rendered summary,
 *     against a blank page of the same extension;
 *  2. content script: main-thread time it adds to each navigation of a large meeting page, and while the page
 *     sits idle, against the same build with an empty content script;
 *  3. detection: ns per URL with the real registry and with 1,000 and 10,000 tools;
 *  4. bundle sizes (see scripts/bundle-sizes.ts);
 *  5. the popup's JS heap once the summary is rendered.
 *
 * Prints a table, writes bench/results.json, and with `--check` exits 1 when a goal is missed. The build is
 * copied first, so a rebuild while the benchmark runs cannot mix two builds into one result; the shipped
 * directory itself is never changed.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { createDetector, exampleParts, type DetectableTool, type Detector, type PageSignals } from '../lib/detection/engine';
import { loadRegistry } from '../lib/registry/files';
import type { Registry } from '../lib/registry';
import { Extension, fixture } from '../tests/e2e/fixtures';
import {
  BUILD_DIR,
  bundledRegistryTexts,
  bundleSizes,
  contentScriptCode,
  contentScriptFiles,
  KB,
  PROJECT_ROOT,
  readManifest,
  SIZE_GOALS,
  sizeGroup,
  type BundleSizes,
  type SizeGroup,
} from './bundle-sizes';
import { extensionArgs, findChromium } from './chromium';

// ---------------------------------------------------------------------------------------------------------
// Settings

const { values: flags } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    runs: { type: 'string', default: '20' },
    dir: { type: 'string' },
  },
});

/** Measured runs per figure; medians need enough of them to be stable on a busy 2-core machine. */
const RUNS = Number(flags.runs);
if (!Number.isInteger(RUNS) || RUNS < 15) throw new Error(`--runs must be an integer of at least 15, got ${flags.runs}`);
/** Runs before measuring, so one-time costs (process start, code caching) do not land in the first samples. */
const WARMUP = 2;
const buildDir = flags.dir ? resolve(flags.dir) : BUILD_DIR;

const GOALS = {
  popupRatio: 1.3,
  contentScriptPerNavigationMs: 1,
  /** "About zero": anything above this over the idle window is work the content script keeps doing. */
  contentScriptIdleMs: 0.1,
  detectionRatio: 2,
} as const;

const TEAMS_URL = 'https://teams.microsoft.com/v2/';
/** A meeting join link, so the real content script takes its full path (report, detect a meeting, set the badge). */
const MEETING_URL = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_bench%40thread.v2/0';
const TEAMS_ID = 'microsoft-teams';
const SUMMARY_MARK = 'summary-rendered';
const BLANK_MARK = 'blank-rendered';
/** After `load`, time for the content script's message round trip to finish before the navigation is totalled. */
const SETTLE_MS = 300;
const IDLE_MS = 2000;

// ---------------------------------------------------------------------------------------------------------
// Statistics and goals

interface Stats {
  n: number;
  median: number;
  p25: number;
  p75: number;
  min: number;
  max: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    min: sorted[0]!,
    max: sorted.at(-1)!,
  };
}

interface Goal {
  id: string;
  label: string;
  value: number;
  limit: number;
  unit: string;
  pass: boolean;
}

function goal(id: string, label: string, value: number, limit: number, unit: string): Goal {
  return { id, label, value, limit, unit, pass: value <= limit };
}

/** The two measured variants of run `run`, taking turns at going first so an order effect cancels out. */
function inTurn<T extends string>(run: number, first: T, second: T): [T, T] {
  return run % 2 === 0 ? [first, second] : [second, first];
}

const sleep = (duration: number): Promise<void> => new Promise((done) => setTimeout(done, duration));

/** `promise`, or an error naming what never happened after `duration` ms. */
async function withTimeout<T>(promise: Promise<T>, duration: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} within ${duration / 1000} s`)), duration);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The builds under test

/** Builds the shipped extension when it is missing; a custom `--dir` must already exist. */
function ensureBuild(dir: string): void {
  if (existsSync(join(dir, 'manifest.json'))) return;
  if (dir !== BUILD_DIR) throw new Error(`No built extension in ${dir}`);
  console.log('No build in .output/chrome-mv3, running `npx wxt build`...');
  execFileSync('npx', ['wxt', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
}

interface Variants {
  root: string;
  /** The build as it was when the benchmark started. */
  shipped: string;
  /** The build plus blank.html, the popup's baseline: same extension, same process, nothing to render. */
  withBlank: string;
  /** The build with every content script emptied: the content script's baseline. */
  emptyContentScript: string;
}

function prepareVariants(dir: string): Variants {
  const root = mkdtempSync(join(tmpdir(), 'mpl-bench-'));
  const variants: Variants = {
    root,
    shipped: join(root, 'shipped'),
    withBlank: join(root, 'with-blank'),
    emptyContentScript: join(root, 'empty-content-script'),
  };
  cpSync(dir, variants.shipped, { recursive: true });
  cpSync(variants.shipped, variants.withBlank, { recursive: true });
  cpSync(variants.shipped, variants.emptyContentScript, { recursive: true });
  // An external module script, loaded like the popup's: extension pages forbid inline scripts.
  writeFileSync(
    join(variants.withBlank, 'blank.html'),
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Blank</title>' +
      '<script type="module" src="/blank.js"></script></head><body></body></html>\n',
  );
  writeFileSync(join(variants.withBlank, 'blank.js'), `performance.mark(${JSON.stringify(BLANK_MARK)});\n`);
  // The file stays, so Chromium still injects a script (and creates its isolated world) in the baseline.
  for (const script of contentScriptFiles(readManifest(variants.shipped))) {
    writeFileSync(join(variants.emptyContentScript, script), '// empty content script (benchmark baseline)\n');
  }
  return variants;
}

// ---------------------------------------------------------------------------------------------------------
// 3. Detection cost per URL

interface BenchInput {
  url: string;
  signals?: PageSignals;
}

/** A small seeded generator (mulberry32), so every run tests the same URLs. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const syntheticHost = (index: number): string => `tool${index}.example-conf.test`;

/** `count` made-up tools with one host each (every other one with subdomains) and two meeting paths. */
function syntheticTools(count: number): DetectableTool[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `synthetic-${index}`,
    detection: {
      label: 'S',
      hosts: [{ domain: syntheticHost(index), subdomains: index % 2 === 0 }],
      meetingPaths: ['^/j/\\d+', '^/meet/[a-z0-9-]+'],
      examples: { match: [], noMatch: [] },
    },
  }));
}

/** Registry sizes to compare: the real one, then real tools padded with synthetic ones to these totals. */
const DETECTION_SIZES = [1_000, 10_000] as const;

/**
 * One fixed URL mix for every registry size: the registry's own examples (matches with their signals, and
 * non-matches), addresses on synthetic hosts that every padded registry has, and random hosts that match
 * nothing. Keeping the mix fixed means a slowdown can only come from the registry's size.
 */
function detectionInputs(registry: Registry): BenchInput[] {
  const next = random(0x5eed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const examples = registry.tools.flatMap((tool) => [
    ...tool.detection.examples.match.map(exampleParts),
    ...tool.detection.examples.noMatch.map((url) => ({ url })),
  ]);
  const synthetic = Array.from({ length: 300 }, () => {
    const index = Math.floor(next() * (DETECTION_SIZES[0] - registry.tools.length));
    const sub = index % 2 === 0 && next() < 0.5 ? 'eu.' : '';
    return { url: `https://${sub}${syntheticHost(index)}${pick(['/j/4815162342?pwd=x', '/meet/weekly-sync', '/settings', '/'])}` };
  });
  const words = ['news', 'shop', 'mail', 'docs', 'blog', 'cloud', 'maps', 'video', 'forum', 'bank'];
  const realDetector = createDetector(registry.tools);
  const unrelated = Array.from({ length: 300 }, (_, index) => {
    const labels = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(words));
    const host = `${labels.join('.')}${index}.${pick(['com', 'org', 'de', 'net', 'io'])}`;
    return { url: `https://${host}/${pick(words)}/${Math.floor(next() * 1e6)}?ref=${pick(words)}#top` };
  }).filter(({ url }) => !realDetector(url));
  return [...examples, ...synthetic, ...unrelated];
}

let detectionSink = 0;

/** Average ns per URL over `passes` passes; the match count goes to a sink so the loop cannot be optimised away. */
function nsPerUrl(detect: Detector, inputs: readonly BenchInput[], passes: number): number {
  let found = 0;
  const start = process.hrtime.bigint();
  for (let pass = 0; pass < passes; pass++) {
    for (const { url, signals } of inputs) if (detect(url, signals)) found++;
  }
  const elapsed = Number(process.hrtime.bigint() - start);
  detectionSink += found;
  return elapsed / (passes * inputs.length);
}

interface DetectionSize {
  tools: number;
  createMs: number;
  matches: number;
  nsPerUrl: Stats;
  samples: number[];
}

function benchDetection(registry: Registry) {
  const inputs = detectionInputs(registry);
  // The synthetic tools come on top of the real ones, so the real examples match at every size.
  const sizes = [registry.tools.length, ...DETECTION_SIZES];
  const detectors = sizes.map((size) => {
    const tools = [...registry.tools, ...syntheticTools(size - registry.tools.length)];
    const createTimes = Array.from({ length: 5 }, () => {
      const start = performance.now();
      createDetector(tools);
      return performance.now() - start;
    });
    const detect = createDetector(tools);
    return { size, detect, createMs: stats(createTimes).median, matches: inputs.filter(({ url, signals }) => detect(url, signals)).length };
  });

  // Warm the JIT, then size a sample to about 30 ms so timer resolution does not matter.
  for (const { detect } of detectors) nsPerUrl(detect, inputs, 20);
  const passes = Math.max(1, Math.round(30e6 / (nsPerUrl(detectors[0]!.detect, inputs, 5) * inputs.length)));
  const samples = detectors.map((): number[] => []);
  // Sizes take turns in every round, so drift (thermal, other processes) hits all of them alike.
  for (let round = 0; round < RUNS; round++) {
    detectors.forEach(({ detect }, index) => samples[index]!.push(nsPerUrl(detect, inputs, passes)));
  }
  const results: DetectionSize[] = detectors.map(({ size, createMs, matches }, index) => ({
    tools: size,
    createMs,
    matches,
    nsPerUrl: stats(samples[index]!),
    samples: samples[index]!,
  }));
  const ratio = results.at(-1)!.nsPerUrl.median / results[0]!.nsPerUrl.median;
  return { urls: inputs.length, passesPerSample: passes, sizes: results, ratio };
}

// ---------------------------------------------------------------------------------------------------------
// Browser helpers

async function launch(dir: string): Promise<Extension> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: true,
    args: extensionArgs(dir),
    viewport: { width: 1280, height: 800 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const ext = new Extension(context, worker, new URL(worker.url()).host);
  // Pages are served from this repository at Teams' real address; everything else stays offline.
  await ext.serve(`${TEAMS_URL}**`, fixture('teams.html'));
  await ext.serve(`${MEETING_URL}**`, fixture('meeting-large.html'));
  await context.route(/^https?:\/\/(?!teams\.microsoft\.com\/)/, (route) => route.abort());
  return ext;
}

/** Main-thread work so far in the page's renderer, in ms: all JavaScript (every world), and all tasks. */
interface Work {
  scriptMs: number;
  taskMs: number;
}

async function workOf(cdp: CDPSession): Promise<Work> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const seconds = (name: string): number => metrics.find((metric) => metric.name === name)?.value ?? Number.NaN;
  return { scriptMs: seconds('ScriptDuration') * 1000, taskMs: seconds('TaskDuration') * 1000 };
}

const minus = (a: Work, b: Work): Work => ({ scriptMs: a.scriptMs - b.scriptMs, taskMs: a.taskMs - b.taskMs });

/** Opens a fresh page with the Performance domain on, so its counters cover everything from navigation start. */
async function freshPage(context: BrowserContext): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

async function chromiumVersion(context: BrowserContext): Promise<string> {
  const { page, cdp } = await freshPage(context);
  const { product } = await cdp.send('Browser.getVersion');
  await page.close();
  return product;
}

// ---------------------------------------------------------------------------------------------------------
// 1 + 5. Popup time to summary and heap

interface ExtensionPageLoad {
  /** performance.mark time, i.e. ms since navigation start. */
  readyMs: number;
  /** Main-thread work up to that point. */
  work: Work;
  heapUsedBytes: number;
  heapUsedAfterGcBytes: number;
  heading: string;
  sections: number;
  /** Extension scripts the page fetched before it was ready, as paths inside the extension. */
  scripts: string[];
}

/** Opens an extension page in a fresh tab and waits for `mark`, then reads its timing and heap. */
async function loadExtensionPage(ext: Extension, path: string, mark: string): Promise<ExtensionPageLoad> {
  const { page, cdp } = await freshPage(ext.context);
  const origin = `chrome-extension://${ext.id}/`;
  // Resource Timing leaves extension URLs out, so fetched scripts are taken from the requests instead.
  const scripts: string[] = [];
  page.on('request', (request) => {
    const url = request.url().split(/[?#]/)[0]!;
    if (url.startsWith(origin) && /\.m?js$/.test(url)) scripts.push(url.slice(origin.length));
  });
  try {
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`${origin}${path}`, { waitUntil: 'commit' });
    // One evaluation that resolves on the mark, instead of polling, so the wait adds no script time of its own.
    const readyMs = await withTimeout(
      page.evaluate(
        (name) =>
          new Promise<number>((done) => {
            new PerformanceObserver((list, observer) => {
              const entry = list.getEntriesByName(name)[0];
              if (!entry) return;
              observer.disconnect();
              done(entry.startTime);
            }).observe({ type: 'mark', buffered: true });
          }),
        mark,
      ),
      15_000,
      `${path} never set the performance mark "${mark}"`,
    );
    const work = await workOf(cdp);
    const fetched = [...scripts];
    const content = await page.evaluate(() => ({
      heading: document.querySelector('h1')?.textContent ?? '',
      sections: document.querySelectorAll('article.summary section').length,
    }));
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize: afterGc } = await cdp.send('Runtime.getHeapUsage');
    return { readyMs, work, heapUsedBytes: usedSize, heapUsedAfterGcBytes: afterGc, scripts: fetched, ...content };
  } finally {
    await page.close();
  }
}

/** Medians and spreads of a series of page loads. */
function summarise(loads: readonly ExtensionPageLoad[]) {
  const of = (read: (load: ExtensionPageLoad) => number) => stats(loads.map(read));
  return {
    readyMs: of((load) => load.readyMs),
    scriptMs: of((load) => load.work.scriptMs),
    taskMs: of((load) => load.work.taskMs),
    heapUsedBytes: of((load) => load.heapUsedBytes),
    heapUsedAfterGcBytes: of((load) => load.heapUsedAfterGcBytes),
    readySamples: loads.map((load) => load.readyMs),
  };
}

async function benchPopup(ext: Extension, registry: Registry) {
  const teams = registry.byId.get(TEAMS_ID);
  if (!teams) throw new Error(`The registry has no "${TEAMS_ID}" entry`);
  const { tabId } = await ext.open(TEAMS_URL);
  const badge = await ext.waitForBadge(tabId, teams.detection.label, 10_000);
  if (badge.text !== teams.detection.label) throw new Error(`The Teams tab was not detected (badge "${badge.text}")`);

  const pages = {
    popup: { path: `popup.html?tabId=${tabId}`, mark: SUMMARY_MARK },
    blank: { path: 'blank.html', mark: BLANK_MARK },
  };
  const loads = { popup: [] as ExtensionPageLoad[], blank: [] as ExtensionPageLoad[] };
  for (let run = 0; run < WARMUP + RUNS; run++) {
    for (const name of inTurn(run, 'popup', 'blank')) {
      const load = await loadExtensionPage(ext, pages[name].path, pages[name].mark);
      // A fast popup that shows the wrong thing must not pass for a fast summary.
      if (name === 'popup' && (load.heading !== teams.name.en || load.sections < 1)) {
        throw new Error(`The popup rendered "${load.heading}" with ${load.sections} sections, not the Teams summary`);
      }
      if (run >= WARMUP) loads[name].push(load);
    }
  }
  const popup = summarise(loads.popup);
  const blank = summarise(loads.blank);
  return {
    popup: {
      ...popup,
      heading: loads.popup[0]!.heading,
      sections: loads.popup[0]!.sections,
      scriptsLoaded: [...new Set(loads.popup.flatMap((load) => load.scripts))].sort(),
    },
    blank,
    ratio: popup.readyMs.median / blank.readyMs.median,
  };
}

// ---------------------------------------------------------------------------------------------------------
// 2. Content script cost

/** Work until the page settled after `load`, then work while it sat idle. */
interface NavigationSample {
  navigation: Work;
  idle: Work;
}

/** One navigation to the meeting page in a fresh tab. */
async function measureNavigation(ext: Extension): Promise<NavigationSample> {
  const { page, cdp } = await freshPage(ext.context);
  try {
    const start = await workOf(cdp);
    await page.goto(MEETING_URL, { waitUntil: 'load' });
    await sleep(SETTLE_MS);
    const loaded = await workOf(cdp);
    await sleep(IDLE_MS);
    const idle = await workOf(cdp);
    return { navigation: minus(loaded, start), idle: minus(idle, loaded) };
  } finally {
    await page.close();
  }
}

/**
 * Which content scripts the page really parsed, and how long they are: proof that the real variant runs the
 * shipped script and the baseline an empty one. Done on a separate navigation, because the debugger slows pages.
 */
async function parsedContentScripts(ext: Extension): Promise<Record<string, number>> {
  const { page, cdp } = await freshPage(ext.context);
  const parsed: Record<string, number> = {};
  const prefix = `chrome-extension://${ext.id}/`;
  cdp.on('Debugger.scriptParsed', ({ url, length }) => {
    if (url.startsWith(prefix)) parsed[url.slice(prefix.length)] = length ?? 0;
  });
  await cdp.send('Debugger.enable');
  await page.goto(MEETING_URL, { waitUntil: 'load' });
  await page.close();
  return parsed;
}

function addedStats(real: readonly Work[], empty: readonly Work[], key: keyof Work) {
  // Navigations were interleaved in pairs, so each pair's difference cancels slow drift on the machine.
  const added = real.map((work, index) => work[key] - empty[index]![key]);
  return {
    real: stats(real.map((work) => work[key])),
    empty: stats(empty.map((work) => work[key])),
    added: stats(added),
    addedSamples: added,
  };
}

async function benchContentScript(real: Extension, empty: Extension, contentScripts: readonly string[]) {
  const parsed = { real: await parsedContentScripts(real), empty: await parsedContentScripts(empty) };
  for (const script of contentScripts) {
    if (!parsed.real[script]) throw new Error(`The meeting page did not run ${script}; is the host still in the manifest's matches?`);
    if (parsed.empty[script] === undefined) throw new Error(`The baseline did not inject its empty ${script}`);
  }
  const extensions = { real, empty };
  const samples = { real: [] as NavigationSample[], empty: [] as NavigationSample[] };
  for (let run = 0; run < WARMUP + RUNS; run++) {
    for (const variant of inTurn(run, 'real', 'empty')) {
      const sample = await measureNavigation(extensions[variant]);
      if (run >= WARMUP) samples[variant].push(sample);
    }
  }
  const of = (variant: 'real' | 'empty', phase: 'navigation' | 'idle'): Work[] => samples[variant].map((sample) => sample[phase]);
  return {
    parsedScripts: parsed,
    perNavigation: {
      scriptMs: addedStats(of('real', 'navigation'), of('empty', 'navigation'), 'scriptMs'),
      taskMs: addedStats(of('real', 'navigation'), of('empty', 'navigation'), 'taskMs'),
    },
    idle: {
      windowMs: IDLE_MS,
      scriptMs: addedStats(of('real', 'idle'), of('empty', 'idle'), 'scriptMs'),
      taskMs: addedStats(of('real', 'idle'), of('empty', 'idle'), 'taskMs'),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Goals and report

interface Figures {
  popup: Awaited<ReturnType<typeof benchPopup>>;
  contentScript: Awaited<ReturnType<typeof benchContentScript>>;
  detection: ReturnType<typeof benchDetection>;
  sizes: BundleSizes;
  /** The scripts the popup really fetched before its summary, static imports and on-demand chunks alike. */
  popupLoadedJs: SizeGroup;
  /** Registry texts found in the content script. */
  leakedTexts: string[];
}

function goalsOf({ popup, contentScript, detection, sizes, leakedTexts }: Figures): Goal[] {
  return [
    goal('popup-ratio', 'popup time to summary / blank extension page (medians)', popup.ratio, GOALS.popupRatio, 'x'),
    goal(
      'content-script-navigation',
      'JS the content script adds per navigation (median of paired differences)',
      contentScript.perNavigation.scriptMs.added.median,
      GOALS.contentScriptPerNavigationMs,
      'ms',
    ),
    goal(
      'content-script-idle',
      `JS the content script adds over ${IDLE_MS / 1000} s idle (median of paired differences)`,
      contentScript.idle.scriptMs.added.median,
      GOALS.contentScriptIdleMs,
      'ms',
    ),
    goal('detection-ratio', 'detection ns per URL, 10,000 tools / real registry (medians)', detection.ratio, GOALS.detectionRatio, 'x'),
    goal('content-script-size', 'content script, raw', sizes.contentScript.raw / KB, SIZE_GOALS.contentScriptRaw / KB, 'KB'),
    goal('popup-js-gzip', 'popup JS, gzip', sizes.popupJs.gzip / KB, SIZE_GOALS.popupJsGzip / KB, 'KB'),
    goal('content-script-registry-text', 'registry texts bundled in the content script', leakedTexts.length, 0, 'texts'),
  ];
}

const ms = (value: number): string => `${value.toFixed(2)} ms`;
const signedMs = (value: number): string => `${value >= 0 ? '+' : ''}${ms(value)}`;
const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;
const mb = (bytes: number): string => `${(bytes / KB / KB).toFixed(2)} MB`;
const gb = (bytes: number): string => `${(bytes / KB / KB / KB).toFixed(1)} GB`;
const spread = (s: Stats, format: (value: number) => string = ms): string =>
  `${format(s.median)} (IQR ${format(s.p25)} to ${format(s.p75)})`;

type Row = [figure: string, value: string, detail: string, goal: string];

function printTable(rows: readonly Row[]): void {
  const header: Row = ['figure', 'value', 'baseline / detail', 'goal'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]): string => cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ');
  console.log(`\n${line(header)}\n${widths.map((width) => '-'.repeat(width)).join('-|-')}`);
  for (const row of rows) console.log(line(row).trimEnd());
}

function tableRows({ popup, contentScript, detection, sizes, popupLoadedJs, leakedTexts }: Figures, goals: readonly Goal[]): Row[] {
  const verdict = (id: string): string => {
    const { pass, limit, unit } = goals.find((entry) => entry.id === id)!;
    return `${pass ? 'PASS' : 'FAIL'} (<= ${limit}${unit === 'x' ? 'x' : ` ${unit}`})`;
  };
  const { perNavigation, idle } = contentScript;
  const idleS = IDLE_MS / 1000;
  const [real, , largest] = detection.sizes;
  return [
    ['popup: navigation to summary', spread(popup.popup.readyMs), `blank page ${spread(popup.blank.readyMs)}`, ''],
    ['popup / blank page', `${popup.ratio.toFixed(2)}x`, '', verdict('popup-ratio')],
    ['popup: JS run until summary', spread(popup.popup.scriptMs), `blank page ${ms(popup.blank.scriptMs.median)}`, ''],
    ['popup: main-thread tasks until summary', spread(popup.popup.taskMs), `blank page ${ms(popup.blank.taskMs.median)}`, ''],
    [
      'popup: JS heap after summary',
      `${mb(popup.popup.heapUsedBytes.median)}, ${mb(popup.popup.heapUsedAfterGcBytes.median)} after GC`,
      `blank page ${mb(popup.blank.heapUsedBytes.median)}, ${mb(popup.blank.heapUsedAfterGcBytes.median)} after GC`,
      '',
    ],
    [
      'content script: JS per navigation',
      spread(perNavigation.scriptMs.added, signedMs),
      `${ms(perNavigation.scriptMs.real.median)} vs ${ms(perNavigation.scriptMs.empty.median)} with an empty script`,
      verdict('content-script-navigation'),
    ],
    [
      'content script: tasks per navigation',
      spread(perNavigation.taskMs.added, signedMs),
      `${ms(perNavigation.taskMs.real.median)} vs ${ms(perNavigation.taskMs.empty.median)} (page-load noise dominates)`,
      '',
    ],
    [
      `content script: JS over ${idleS} s idle`,
      spread(idle.scriptMs.added, signedMs),
      `${ms(idle.scriptMs.real.median)} vs ${ms(idle.scriptMs.empty.median)} with an empty script`,
      verdict('content-script-idle'),
    ],
    [
      `content script: tasks over ${idleS} s idle`,
      spread(idle.taskMs.added, signedMs),
      `${ms(idle.taskMs.real.median)} vs ${ms(idle.taskMs.empty.median)} (noisy)`,
      '',
    ],
    ...detection.sizes.map(
      (size): Row => [
        `detection: ${size.tools} tools`,
        `${size.nsPerUrl.median.toFixed(0)} ns/URL`,
        `${size.matches} of ${detection.urls} URLs match; index built in ${ms(size.createMs)}`,
        '',
      ],
    ),
    [`detection: ${largest!.tools} / ${real!.tools} tools`, `${detection.ratio.toFixed(2)}x`, '', verdict('detection-ratio')],
    ['size: content script', kb(sizes.contentScript.raw), `gzip ${kb(sizes.contentScript.gzip)}`, verdict('content-script-size')],
    ['size: registry texts in content script', `${leakedTexts.length}`, leakedTexts.slice(0, 2).join(' / '), verdict('content-script-registry-text')],
    ['size: popup JS (popup.html + static imports)', `${kb(sizes.popupJs.gzip)} gzip`, `raw ${kb(sizes.popupJs.raw)} in ${sizes.popupJs.files.length} file(s)`, verdict('popup-js-gzip')],
    [
      'size: popup JS fetched before summary',
      `${kb(popupLoadedJs.gzip)} gzip`,
      `raw ${kb(popupLoadedJs.raw)} in ${popupLoadedJs.files.length} file(s), seen in Chromium`,
      '',
    ],
    ['size: background.js', kb(sizes.background.raw), `gzip ${kb(sizes.background.gzip)}`, ''],
    ['size: zip', kb(sizes.zip), `unpacked ${kb(sizes.totalRaw)}`, ''],
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  ensureBuild(buildDir);
  const builtAt = statSync(join(buildDir, 'manifest.json')).mtime.toISOString();
  const variants = prepareVariants(buildDir);
  const contexts: BrowserContext[] = [];
  try {
    const registry = loadRegistry(PROJECT_ROOT);

    console.log(`Sizes of ${buildDir}...`);
    const sizes = bundleSizes(variants.shipped);
    const leakedTexts = bundledRegistryTexts(contentScriptCode(variants.shipped), registry.tools);

    // Node-only work first, before any browser competes for the two cores.
    console.log(`Detection with ${[registry.tools.length, ...DETECTION_SIZES].join(', ')} tools...`);
    const detection = benchDetection(registry);

    // Both browsers start fresh and get the same treatment, so neither has extra tabs or history.
    const withBlank = await launch(variants.withBlank);
    contexts.push(withBlank.context);
    const emptyScript = await launch(variants.emptyContentScript);
    contexts.push(emptyScript.context);
    const browserVersion = await chromiumVersion(withBlank.context);

    console.log(`Content script vs empty content script: ${WARMUP} + ${RUNS} navigations each, ${IDLE_MS / 1000} s idle after each...`);
    const contentScript = await benchContentScript(withBlank, emptyScript, sizes.contentScript.files.map(({ file }) => file));
    await emptyScript.context.close();

    console.log(`Popup vs blank extension page: ${WARMUP} + ${RUNS} runs each...`);
    const popup = await benchPopup(withBlank, registry);
    // The size goal counts what popup.html loads statically; chunks imported on demand before the summary are
    // reported next to it, so a split that only moves bytes into a lazy chunk is visible.
    const popupLoadedJs = sizeGroup(variants.shipped, popup.popup.scriptsLoaded);
    const onDemand = popup.popup.scriptsLoaded.filter((script) => !sizes.popupJs.files.some(({ file }) => file === script));

    const figures: Figures = { popup, contentScript, detection, sizes, popupLoadedJs, leakedTexts };
    const goals = goalsOf(figures);
    const cpuList = cpus();
    const machine = {
      os: `${platform()} ${release()}`,
      cpu: cpuList[0]?.model ?? 'unknown',
      cpus: cpuList.length,
      totalMemBytes: totalmem(),
      node: process.version,
      chromium: browserVersion,
    };
    const results = {
      date: new Date().toISOString(),
      runs: RUNS,
      warmup: WARMUP,
      build: { dir: buildDir, builtAt },
      machine,
      goals,
      pass: goals.every((entry) => entry.pass),
      popup: { ...popup, loadedJs: popupLoadedJs, loadedOnDemand: onDemand },
      contentScript: { url: MEETING_URL, fixture: 'tests/fixtures/meeting-large.html', settleMs: SETTLE_MS, ...contentScript },
      detection,
      sizes: { ...sizes, contentScriptRegistryTexts: leakedTexts, limits: SIZE_GOALS },
    };

    printTable(tableRows(figures, goals));
    console.log(`\n${machine.cpu} x${machine.cpus}, ${gb(machine.totalMemBytes)} RAM, ${machine.os}, Node ${machine.node}, ${machine.chromium}`);
    if (onDemand.length) console.log(`Loaded on demand before the summary (not in the static popup JS figure): ${onDemand.join(', ')}`);

    const out = join(PROJECT_ROOT, 'bench', 'results.json');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    const missed = goals.filter((entry) => !entry.pass);
    console.log(`\nWrote ${out}. ${missed.length ? `Goals missed: ${missed.map((entry) => entry.id).join(', ')}.` : 'All goals met.'}`);
    if (flags.check && missed.length) process.exitCode = 1;
  } finally {
    // Closing twice is harmless; this also covers a failure halfway through.
    for (const context of contexts) await context.close();
    rmSync(variants.root, { recursive: true, force: true });
  }
}

await main();
