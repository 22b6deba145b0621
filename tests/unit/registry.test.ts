import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkRegistry,
  formatProblem,
  type RawRegistry,
  type RegistryProblem,
} from '@/lib/shared/registry/build/check';
import { rawRegistry } from './support/registry';

const TEAMS = 'data/tools/microsoft-teams.json';
const ZOOM = 'data/tools/zoom.json';

/** A registry of the real Teams and Zoom entries, meta data and wrappers, changed by `mutate`. */
function smallRegistry(mutate: (raw: RawRegistry & { tools: Record<string, any> }) => void = () => {}): RawRegistry {
  const full = rawRegistry();
  const raw = { ...full, tools: { [TEAMS]: full.tools[TEAMS], [ZOOM]: full.tools[ZOOM] } as Record<string, any> };
  // The home list's most used tools, cut to the two tools this registry has.
  (raw.meta as any).mostUsed = ['microsoft-teams', 'zoom'];
  mutate(raw);
  return raw;
}

const problemsOf = (raw: RawRegistry): string[] => checkRegistry(raw).problems.map(formatProblem);
const teamsProblems = (mutate: (entry: Record<string, any>) => void) =>
  problemsOf(smallRegistry((raw) => mutate(raw.tools[TEAMS])));

describe('the bundled registry', () => {
  it('is valid as a whole, with the data files and interface strings', () => {
    expect(problemsOf({ ...rawRegistry(), uiStrings: undefined, registryPageStrings: undefined })).toEqual([]);
  });
});

describe('a malformed entry is rejected with a message naming file and field', () => {
  it.each([
    ['a missing English text', (e: any) => delete e.summary.en, `${TEAMS}: summary.en:`],
    [
      'an empty German item',
      (e: any) => (e.collected[0].items[0].de = ' '),
      'collected.0.items.0.de: must not be empty',
    ],
    [
      'an http privacy-policy link',
      (e: any) => (e.links.privacyPolicy.de.url = 'http://privacy.microsoft.com/'),
      'links.privacyPolicy.de.url: must be an https:// URL',
    ],
    ['a javascript: link', (e: any) => (e.dpa.url = 'javascript:alert(1)'), 'dpa.url: must be an https:// URL'],
    ['a bad review date', (e: any) => (e.lastReviewed = '2026-13-40'), 'lastReviewed: must be a date as YYYY-MM-DD'],
    ['an unknown data category', (e: any) => (e.collected[0].category = 'biometrics'), 'collected.0.category:'],
    ['an unknown legal-basis article', (e: any) => (e.legalBases[0].article = '7(1)(z)'), 'legalBases.0.article:'],
    ['an id that is not kebab-case', (e: any) => (e.id = 'Microsoft Teams'), 'id: must be kebab-case'],
    ['no sources', (e: any) => (e.sources = []), 'sources: needs at least one source'],
    ['a source without a kind', (e: any) => delete e.sources[1].kind, 'sources.1.kind:'],
    ['an unknown field', (e: any) => (e.rating = 5), 'Unrecognized key'],
    ['a badge label that is too long', (e: any) => (e.detection.label = 'TEAMS'), 'detection.label:'],
    [
      'too few example URLs',
      (e: any) => (e.detection.examples.match = ['https://teams.microsoft.com/v2/']),
      'detection.examples.match: needs at least 3 example URLs',
    ],
    [
      'an unanchored path pattern',
      (e: any) => (e.detection.meetingPaths = ['meet/']),
      'detection.meetingPaths.0: must be a valid regular expression anchored with ^',
    ],
    [
      'an example URL of another tool',
      (e: any) => e.detection.examples.match.push('https://zoom.us/j/123'),
      'example https://zoom.us/j/123 detects zoom, not microsoft-teams',
    ],
    [
      'a counter-example that matches',
      (e: any) => e.detection.examples.noMatch.push('https://teams.microsoft.com/v2/'),
      'https://teams.microsoft.com/v2/ must not be detected',
    ],
    [
      'a country that is not a code',
      (e: any) => (e.provider.country = 'USA'),
      'provider.country: must be an ISO 3166-1 alpha-2 country code',
    ],
    [
      'a discontinued status without a date',
      (e: any) => (e.status = { state: 'discontinued', note: { de: 'x', en: 'x' } }),
      'status.since',
    ],
    [
      'a key fact that is not an enum value',
      (e: any) => (e.keyFacts.e2ee.available = 'sometimes'),
      'keyFacts.e2ee.available:',
    ],
    [
      'recording without a place where it is kept',
      (e: any) => (e.keyFacts.recording.storedAt = []),
      'keyFacts.recording.storedAt: must say where recordings are kept',
    ],
    [
      'a fixed retention period without days',
      (e: any) => (e.keyFacts.providerRetention = { rule: 'fixed-period' }),
      'keyFacts.providerRetention.days: days are given exactly for a fixed period',
    ],
    [
      'an operator statement attributed to the provider’s own policy',
      (e: any) => (e.statements[0].source = 1),
      'statements.0.source: must point to a source of kind "operator-notice"',
    ],
    [
      'a discontinued tool that still asks for host permissions',
      (e: any) => (e.status = { state: 'discontinued', since: '2026-01-01', note: { de: 'x', en: 'x' } }),
      'detection.hosts: a discontinued tool asks for no host permission',
    ],
    [
      'a transfer that stays in the EU but lists countries',
      (e: any) => (e.transfer = { ...e.transfer, thirdCountry: false }),
      'transfer.countries: a transfer that stays in the EU/EEA lists no third countries',
    ],
  ])('%s', (_, mutate, expected) => {
    expect(teamsProblems(mutate).join('\n')).toContain(expected);
  });

  it('a duplicate id', () => {
    const problems = problemsOf(
      smallRegistry((raw) => (raw.tools['data/tools/zz-copy.json'] = structuredClone(raw.tools[TEAMS]))),
    );
    expect(problems.join('\n')).toContain('data/tools/zz-copy.json: id: duplicate id "microsoft-teams"');
  });

  it('an id that differs from its file name', () => {
    const problems = problemsOf(smallRegistry((raw) => (raw.tools = { 'data/tools/teams.json': raw.tools[TEAMS] })));
    expect(problems).toContain('data/tools/teams.json: id: id "microsoft-teams" must match the file name');
  });

  it('a bad data-as-of date and a proxy suffix that is not a host name', () => {
    const problems = problemsOf(
      smallRegistry(
        (raw) =>
          (raw.meta = {
            ...(raw.meta as object),
            dataAsOf: 'soon',
            proxies: [{ name: 'x', suffixes: ['*.evil'], source: 'https://example.com/' }],
          }),
      ),
    );
    expect(problems.join('\n')).toContain('data/registry.json: dataAsOf: must be a date as YYYY-MM-DD');
    expect(problems.join('\n')).toContain('data/registry.json: proxies.0.suffixes.0: must be a lowercase host name');
  });

  it('a most-used tool the registry does not have', () => {
    const problems = problemsOf(smallRegistry((raw) => (raw.meta as any).mostUsed.push('google-meet')));
    expect(problems).toContain('data/registry.json: mostUsed.2: no tool has the id "google-meet"');
  });

  it('a link wrapper whose example does not unwrap to its target', () => {
    const problems = problemsOf(
      smallRegistry((raw) => ((raw.wrappers as any).wrappers[0].examples[0].target = 'https://zoom.us/j/1')),
    );
    expect(problems.join('\n')).toMatch(
      /^data\/link-wrappers\.json: wrappers\.0\.examples\.0: unwraps to https:\/\/\S+, not https:\/\/zoom\.us\/j\/1$/m,
    );
  });

  it('interface strings without a language or with different placeholders', () => {
    expect(problemsOf({ ...smallRegistry(), uiStrings: { pin: { de: 'Merken' } } })).toEqual([
      'data/ui-strings.json: pin.en: Invalid input: expected string, received undefined',
    ]);
    expect(
      problemsOf({ ...smallRegistry(), uiStrings: { pinLabel: { de: '{tool} merken', en: 'Pin {name}' } } }),
    ).toEqual(['data/ui-strings.json: pinLabel: placeholders differ between languages']);
  });
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

/** Every node below the root, with the path to it. */
function pathsOf(value: Json, prefix: Path = []): Array<{ path: Path; node: Json }> {
  const children: Array<[string | number, Json]> = Array.isArray(value)
    ? value.map((child, index) => [index, child])
    : value !== null && typeof value === 'object'
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => [
    { path: [...prefix, key], node: child },
    ...pathsOf(child, [...prefix, key]),
  ]);
}

const isContainer = (node: unknown): node is Json[] | { [key: string]: Json } =>
  node !== null && typeof node === 'object';

describe('the registry check, fed damaged entries', () => {
  const teams = rawRegistry().tools[TEAMS] as Json;
  const nodes = pathsOf(teams);
  const containerPaths: Path[] = [[], ...nodes.filter(({ node }) => isContainer(node)).map(({ path }) => path)];
  type Mutation =
    { kind: 'delete' | 'replace'; path: Path; value?: Json } | { kind: 'insert'; path: Path; key: string; value: Json };
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...nodes.map(({ path }) => path)) }),
    fc.record({
      kind: fc.constant('replace' as const),
      path: fc.constantFrom(...nodes.map(({ path }) => path)),
      value: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
    }),
    fc.record({
      kind: fc.constant('insert' as const),
      path: fc.constantFrom(...containerPaths),
      key: fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom('__proto__', 'constructor', 'id', 'unconfirmed', 'en'),
      ),
      value: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
    }),
  );

  function nodeAt(root: Json, path: Path): Json | undefined {
    let node: Json | undefined = root;
    for (const segment of path) node = isContainer(node) ? (node as Record<string | number, Json>)[segment] : undefined;
    return node;
  }

  /** Applies a mutation in place; a path an earlier mutation removed is skipped. */
  function apply(root: Json, change: Mutation): void {
    const parent = nodeAt(root, change.kind === 'insert' ? change.path : change.path.slice(0, -1));
    if (!isContainer(parent)) return;
    if (change.kind === 'insert') {
      if (Array.isArray(parent)) parent.splice(change.key.length % (parent.length + 1), 0, change.value);
      else
        Object.defineProperty(parent, change.key, {
          value: change.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return;
    }
    const key = change.path.at(-1)!;
    if (Array.isArray(parent) ? typeof key === 'number' && key < parent.length : Object.hasOwn(parent, key)) {
      if (change.kind === 'delete') {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key as string];
      } else (parent as Record<string | number, Json>)[key] = change.value!;
    }
  }

  function expectWellFormed(problems: readonly RegistryProblem[], files: readonly string[]): void {
    const known = new Set([...files, 'data/registry.json', 'data/link-wrappers.json', 'data/tools']);
    for (const problem of problems) {
      expect(known).toContain(problem.file);
      expect(problem.message.trim()).not.toBe('');
    }
  }

  it('never throws on a randomly damaged Teams entry and blames only that entry, in a field it has', () => {
    const topLevel = new Set(Object.keys(teams as object));
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (changes) => {
        const entry = structuredClone(teams);
        for (const change of changes) apply(entry, change);
        const raw = smallRegistry((registry) => (registry.tools[TEAMS] = entry));
        const { registry, problems } = checkRegistry(raw);
        expect(registry === null).toBe(problems.length > 0);
        expectWellFormed(problems, Object.keys(raw.tools));
        for (const problem of problems.filter((item) => item.file === TEAMS && item.path)) {
          expect(topLevel, formatProblem(problem)).toContain(problem.path.split('.')[0]);
        }
        expect(problems.filter((problem) => problem.file === ZOOM && !problem.message.includes('detects'))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('rejects any arbitrary JSON value as a whole entry, naming the file, without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (entry) => {
        const raw = smallRegistry((registry) => (registry.tools = { 'data/tools/arbitrary.json': entry }));
        const { registry, problems } = checkRegistry(raw);
        expect(registry).toBeNull();
        expect(problems.some((problem) => problem.file === 'data/tools/arbitrary.json')).toBe(true);
        expectWellFormed(problems, ['data/tools/arbitrary.json']);
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});

describe('full entries at run time', () => {
  it('loads every tool of the catalog as its own entry, and null for an id the registry lacks', async () => {
    const { loadTool, peekTool } = await import('@/lib/shared/registry/entries');
    const { catalog } = await import('@/lib/shared/registry/catalog');
    expect(catalog.length).toBeGreaterThan(3);
    for (const { id } of catalog) expect((await loadTool(id))?.id).toBe(id);
    expect(peekTool(catalog[0]!.id)?.id).toBe(catalog[0]!.id);
    expect(await loadTool('no-such-tool')).toBeNull();
  });
});
