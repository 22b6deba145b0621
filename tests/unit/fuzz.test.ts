import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import teams from '@/data/tools/microsoft-teams.json';
import zoom from '@/data/tools/zoom.json';
import { MAX_PINS, migratePreferences, sanitizePreferences, type DropReason, type Pin } from '@/lib/preferences';
import { checkRegistry, type RegistryProblem } from '@/lib/registry';
import { StorageKeys } from '@/lib/storage';
import { hydratePreferences, usePopupStore } from '@/lib/store';

const RUNS = 1000;
const HYDRATION_RUNS = 200;

// ---------------------------------------------------------------------------------------------
// (a) The registry parser
// ---------------------------------------------------------------------------------------------

const TEAMS_FILE = 'data/tools/microsoft-teams.json';
const META_FILE = 'data/registry.json';
const meta = { dataAsOf: '2026-11-22' };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Segment = string | number;
type Path = Segment[];

/** Every node below the root, with the path to it. */
function pathsOf(value: Json, prefix: Path = []): Array<{ path: Path; node: Json }> {
  const children: Array<[Segment, Json]> = Array.isArray(value)
    ? value.map((child, index) => [index, child])
    : value !== null && typeof value === 'object'
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => [{ path: [...prefix, key], node: child }, ...pathsOf(child, [...prefix, key])]);
}

const isContainer = (node: unknown): node is Json[] | { [key: string]: Json } => node !== null && typeof node === 'object';

const teamsNodes = pathsOf(teams as Json);
const allPaths = teamsNodes.map(({ path }) => path);
const leafPaths = teamsNodes.filter(({ node }) => !isContainer(node)).map(({ path }) => path);
const containerPaths: Path[] = [[], ...teamsNodes.filter(({ node }) => isContainer(node)).map(({ path }) => path)];

type Mutation =
  | { kind: 'delete'; path: Path }
  | { kind: 'replace'; path: Path; value: Json }
  | { kind: 'insert'; path: Path; key: string; value: Json };

const jsonValue = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...allPaths) }),
  fc.record({ kind: fc.constant('replace' as const), path: fc.constantFrom(...leafPaths), value: jsonValue }),
  fc.record({ kind: fc.constant('replace' as const), path: fc.constantFrom(...allPaths), value: jsonValue }),
  fc.record({
    kind: fc.constant('insert' as const),
    path: fc.constantFrom(...containerPaths),
    key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'id', 'unconfirmed', 'en')),
    value: jsonValue,
  }),
);

function nodeAt(root: Json, path: Path): Json | undefined {
  let node: Json | undefined = root;
  for (const segment of path) {
    if (!isContainer(node)) return undefined;
    node = (node as Record<Segment, Json>)[segment];
  }
  return node;
}

/** Applies a mutation in place; a path that an earlier mutation removed is skipped. */
function apply(root: Json, change: Mutation): void {
  const parent = nodeAt(root, change.kind === 'insert' ? change.path : change.path.slice(0, -1));
  if (!isContainer(parent)) return;
  if (change.kind === 'insert') {
    if (Array.isArray(parent)) parent.splice(change.key.length % (parent.length + 1), 0, change.value);
    else Object.defineProperty(parent, change.key, { value: change.value, enumerable: true, writable: true, configurable: true });
    return;
  }
  const key = change.path.at(-1)!;
  if (Array.isArray(parent)) {
    if (typeof key !== 'number' || key >= parent.length) return;
    if (change.kind === 'delete') parent.splice(key, 1);
    else parent[key] = change.value;
  } else if (typeof key === 'string' && Object.hasOwn(parent, key)) {
    if (change.kind === 'delete') delete parent[key];
    else parent[key] = change.value;
  }
}

function check(files: Record<string, unknown>, metaValue: unknown = meta) {
  let result: ReturnType<typeof checkRegistry> | undefined;
  expect(() => (result = checkRegistry(files, metaValue))).not.toThrow();
  return result!;
}

/** Every problem names a file that was checked and says what is wrong. */
function expectWellFormed(problems: RegistryProblem[], files: Record<string, unknown>): void {
  const known = new Set([...Object.keys(files), META_FILE, 'data/tools']);
  for (const problem of problems) {
    expect(problem.file).not.toBe('');
    expect(known).toContain(problem.file);
    expect(typeof problem.message).toBe('string');
    expect(problem.message.trim()).not.toBe('');
    expect(typeof problem.path).toBe('string');
  }
}

describe('the registry parser, fed damaged entries', () => {
  it('never throws on a randomly damaged Teams entry and names the damaged field of it', () => {
    const topLevel = new Set(Object.keys(teams));
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (changes) => {
        const entry = structuredClone(teams) as Json;
        for (const change of changes) apply(entry, change);
        const files = { [TEAMS_FILE]: entry };

        const { registry, problems } = check(files);

        expect(registry === null).toBe(problems.length > 0);
        expectWellFormed(problems, files);
        const touchedRoot = changes.some((change) => change.kind === 'insert' && change.path.length === 0);
        for (const problem of problems) {
          if (problem.path === '') {
            // Only a problem with the entry as a whole (an unknown top-level key) has no field.
            expect(touchedRoot, `root-level problem: ${problem.message}`).toBe(true);
          } else {
            expect(topLevel, `${problem.path}: ${problem.message}`).toContain(problem.path.split('.')[0]);
          }
        }
        if (registry) expect(registry.byId.get('microsoft-teams')?.id).toBe('microsoft-teams');
      }),
      { numRuns: RUNS },
    );
  });

  it('rejects any arbitrary JSON value as a whole entry, naming the file, without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (entry) => {
        const files = { 'data/tools/arbitrary.json': entry };
        const { registry, problems } = check(files);
        expect(registry).toBeNull();
        expect(problems.length).toBeGreaterThan(0);
        expectWellFormed(problems, files);
        for (const problem of problems) if (problem.path === '') expect(problem.file).toBe('data/tools/arbitrary.json');
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps reporting problems per file when arbitrary entries sit next to valid ones and the meta data is arbitrary', () => {
    const fileName = fc
      .stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/)
      .filter((id) => id !== 'zoom')
      .map((id) => `data/tools/${id}.json`);
    fc.assert(
      fc.property(fc.dictionary(fileName, fc.jsonValue(), { maxKeys: 4 }), fc.oneof(fc.constant(meta), fc.jsonValue()), (arbitrary, metaValue) => {
        const files = { ...arbitrary, [TEAMS_FILE]: structuredClone(teams), 'data/tools/zoom.json': structuredClone(zoom) };
        const { registry, problems } = check(files, metaValue);
        expect(registry === null).toBe(problems.length > 0);
        expectWellFormed(problems, files);
        // The valid entries are never blamed for their neighbours.
        expect(problems.filter((problem) => problem.file === TEAMS_FILE || problem.file === 'data/tools/zoom.json')).toEqual([]);
        for (const file of Object.keys(arbitrary)) expect(problems.some((problem) => problem.file === file)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// (b) Stored preferences
// ---------------------------------------------------------------------------------------------

const DROP_REASONS: DropReason[] = ['language', 'pins', 'invalid-pin', 'duplicate-pin', 'too-many-pins', 'unreadable'];
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const toolId = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/).filter((id) => id.length <= 100);
const isoDate = fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
const validPin: fc.Arbitrary<Pin> = fc.record({ toolId, pinnedAt: isoDate });
const pinLike = fc.oneof(
  validPin,
  toolId,
  fc.record({ toolId: fc.oneof(toolId, fc.string(), fc.jsonValue()), pinnedAt: fc.oneof(isoDate, fc.string(), fc.jsonValue()) }, { requiredKeys: [] }),
  fc.jsonValue({ maxDepth: 2 }),
);
const stateLike = fc.record(
  {
    lang: fc.oneof(fc.constantFrom('de', 'en', null, 'fr', 'DE', '', 'en-GB'), fc.jsonValue({ maxDepth: 1 })),
    pins: fc.oneof(fc.array(pinLike, { maxLength: 130 }), fc.jsonValue({ maxDepth: 2 })),
    extra: fc.jsonValue({ maxDepth: 1 }),
  },
  { requiredKeys: [] },
);
const version = fc.oneof(fc.constantFrom(0, 1, 2, 3), fc.integer(), fc.double());
/** Plain data a storage area can hold. */
const serialisable = fc.anything({
  withBigInt: false,
  withBoxedValues: false,
  withDate: false,
  withMap: false,
  withSet: false,
  withTypedArray: false,
  withSparseArray: false,
  withNullPrototype: false,
  withObjectString: false,
  maxDepth: 3,
});

function expectValidPreferences(lang: unknown, pins: unknown): void {
  expect([null, 'de', 'en']).toContain(lang);
  expect(Array.isArray(pins)).toBe(true);
  const list = pins as Pin[];
  expect(list.length).toBeLessThanOrEqual(MAX_PINS);
  expect(new Set(list.map((pin) => pin.toolId)).size).toBe(list.length);
  for (const pin of list) {
    expect(Object.keys(pin).sort()).toEqual(['pinnedAt', 'toolId']);
    expect(typeof pin.toolId).toBe('string');
    expect(typeof pin.pinnedAt).toBe('string');
    expect(Number.isNaN(Date.parse(pin.pinnedAt)), pin.pinnedAt).toBe(false);
  }
}

describe('stored preferences of any shape and version', () => {
  it('always sanitise to a valid language and unique, dated pins, without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything(), stateLike), version, (state, storedVersion) => {
        const migrated = migratePreferences(state, storedVersion);
        const { preferences, dropped } = sanitizePreferences(migrated);

        expectValidPreferences(preferences.lang, preferences.pins);
        expect(new Set(dropped).size).toBe(dropped.length);
        for (const reason of dropped) expect(DROP_REASONS).toContain(reason);

        // Nothing disappears without a report.
        if (dropped.length === 0 && isRecord(migrated)) {
          expect(preferences.lang).toBe(migrated.lang ?? null);
          if (Array.isArray(migrated.pins)) {
            expect(preferences.pins.map((pin) => pin.toolId)).toEqual(migrated.pins.map((pin) => (pin as Pin).toolId));
          }
        }

        // A cleaned state reads back unchanged and reports nothing.
        expect(sanitizePreferences(preferences)).toEqual({ preferences, dropped: [] });
      }),
      { numRuns: RUNS },
    );
  });

  it('keep every valid pin in its order, whatever garbage sits between them', () => {
    const garbage = fc.oneof(
      fc.constant(null),
      fc.integer(),
      fc.string(),
      fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }),
      fc.record({ toolId: fc.oneof(fc.integer(), fc.constant(''), fc.stringMatching(/[A-Z_ ./]/)), pinnedAt: isoDate }),
      fc.record({ pinnedAt: isoDate }),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(validPin, { selector: (pin) => pin.toolId, maxLength: 120 }),
        fc.array(fc.tuple(garbage, fc.nat()), { maxLength: 20 }),
        fc.constantFrom(null, 'de', 'en'),
        (valid, noise, lang) => {
          const pins: unknown[] = [...valid];
          for (const [value, position] of noise) pins.splice(position % (pins.length + 1), 0, value);

          const { preferences, dropped } = sanitizePreferences(migratePreferences({ lang, pins }, 2));

          expect(preferences.lang).toBe(lang);
          expect(preferences.pins).toEqual(valid.slice(0, MAX_PINS));
          expect(dropped.includes('too-many-pins')).toBe(valid.length > MAX_PINS);
          if (valid.length <= MAX_PINS) expect(dropped.includes('invalid-pin')).toBe(noise.length > 0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('hydrate the popup without throwing, report what was dropped once, and keep a backup of it', async () => {
    const raw = fc.oneof(
      fc.record({ state: fc.oneof(stateLike, serialisable), version: fc.oneof(version, fc.jsonValue({ maxDepth: 0 })) }, { requiredKeys: [] }),
      fc.jsonValue({ maxDepth: 3 }),
    );
    const RAW_KEY = StorageKeys.preferences.replace(/^local:/, '');
    const BACKUP_KEY = StorageKeys.preferencesBackup.replace(/^local:/, '');

    await fc.assert(
      fc.asyncProperty(raw, async (stored) => {
        usePopupStore.setState(usePopupStore.getInitialState(), true);
        await new Promise((resolve) => setTimeout(resolve, 0));
        fakeBrowser.reset();
        await fakeBrowser.storage.local.set({ [RAW_KEY]: stored });
        const asStored = JSON.parse(JSON.stringify(stored)) as unknown;

        await expect(hydratePreferences('en')).resolves.toBeUndefined();
        const first = usePopupStore.getState();
        expectValidPreferences(first.lang, first.pins);

        const backup = (await fakeBrowser.storage.local.get(BACKUP_KEY))[BACKUP_KEY];
        if (first.dropped.length) expect(backup).toEqual(asStored);
        if (backup === undefined && isRecord(asStored) && isRecord(asStored.state)) {
          // Without a backup, every stored pin and the language choice must have been kept.
          const state = asStored.state;
          if (typeof state.lang === 'string') expect(first.lang).toBe(state.lang);
          if (Array.isArray(state.pins)) expect(first.pins).toHaveLength(state.pins.length);
        }

        await hydratePreferences('en');
        const second = usePopupStore.getState();
        expect(second.dropped).toEqual([]);
        expect({ lang: second.lang, pins: second.pins }).toEqual({ lang: first.lang, pins: first.pins });
      }),
      { numRuns: HYDRATION_RUNS },
    );
  });
});

beforeEach(() => {
  fakeBrowser.reset();
});
