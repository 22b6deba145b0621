import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  BACKUP_LIMIT,
  MAX_BACKUPS,
  MAX_PINS,
  parseStoredPreferences,
  readLanguage,
  sanitizePreferences,
  type Backup,
  type DropReason,
  type Pin,
} from '@/lib/shared/preferences';
import { hydratePreferences, usePopupStore } from '@/lib/ui/store';
import {
  AT,
  EPOCH,
  enforceQuota,
  KEYS,
  LATER,
  pin,
  readRaw,
  resetBrowser,
  settle,
  stored,
  writeRaw,
} from './support/storage';

beforeEach(resetBrowser);

const state = () => usePopupStore.getState();
const backups = async () => ((await readRaw(KEYS.backups)) ?? []) as Backup[];

/** A value exactly as version 0.1.0 stored it: the shape every later version must read unchanged. */
const storedBy010 = { state: { lang: 'de', pins: [pin('microsoft-teams'), pin('zoom', LATER)] }, version: 2 };

describe('reading what earlier versions stored', () => {
  it('reads the preferences stored by version 0.1.0 unchanged, with nothing dropped and nothing rewritten', async () => {
    await writeRaw(KEYS.preferences, storedBy010);
    await hydratePreferences('en');
    expect(state()).toMatchObject({ lang: 'de', pins: storedBy010.state.pins, open: [], dropped: null });
    expect(await readRaw(KEYS.preferences)).toEqual(storedBy010);
    expect(await backups()).toEqual([]);
  });

  it('leaves the single backup key of version 0.1.0 where it is', async () => {
    await writeRaw(KEYS.legacyBackup, { lang: 'fr' });
    await writeRaw(KEYS.preferences, stored({ lang: 42 }));
    await hydratePreferences('en');
    expect(await readRaw(KEYS.legacyBackup)).toEqual({ lang: 'fr' });
  });
});

interface Case {
  raw: unknown;
  lang: 'de' | 'en' | null;
  pins: Pin[];
  dropped: DropReason[];
}

const hundredThousandPins = Array.from({ length: 100_000 }, (_, index) => pin(`tool-${index}`));

const cases: Record<string, Case> = {
  'a state that is a string': { raw: stored('{"lang":"de"}'), lang: null, pins: [], dropped: ['unreadable'] },
  'a state that is an array': { raw: stored([pin('zoom')]), lang: null, pins: [], dropped: ['unreadable'] },
  'pins stored as an object instead of a list': {
    raw: stored({ lang: 'de', pins: { 0: pin('zoom') } }),
    lang: 'de',
    pins: [],
    dropped: ['pins'],
  },
  'a language that is the number 42': {
    raw: stored({ lang: 42, pins: [pin('zoom')] }),
    lang: null,
    pins: [pin('zoom')],
    dropped: ['language'],
  },
  'the unknown language "fr"': {
    raw: stored({ lang: 'fr', pins: [pin('webex'), pin('zoom', LATER)] }),
    lang: null,
    pins: [pin('webex'), pin('zoom', LATER)],
    dropped: ['language'],
  },
  'pins of tools the registry does not know': {
    raw: stored({ lang: 'en', pins: [pin('retired-tool'), pin('zoom'), pin('constructor', LATER)] }),
    lang: 'en',
    pins: [pin('retired-tool'), pin('zoom'), pin('constructor', LATER)],
    dropped: [],
  },
  'the same tool pinned twice': {
    raw: stored({ lang: 'de', pins: [pin('zoom'), pin('microsoft-teams'), pin('zoom', LATER)] }),
    lang: 'de',
    pins: [pin('zoom'), pin('microsoft-teams')],
    dropped: ['duplicate-pin'],
  },
  'a pin without its date': {
    raw: stored({ lang: 'en', pins: [{ toolId: 'zo' }, pin('webex')] }),
    lang: 'en',
    pins: [pin('zo', EPOCH), pin('webex')],
    dropped: [],
  },
  'half objects among the pins': {
    raw: stored({
      lang: 'de',
      pins: [
        { pinnedAt: AT },
        { toolId: '' },
        {},
        { toolId: 'zoom', pinnedAt: 'not a d' },
        pin('webex'),
        { toolI: 'wire' },
      ],
    }),
    lang: 'de',
    pins: [pin('zoom', EPOCH), pin('webex')],
    dropped: ['invalid-pin'],
  },
  '100,000 different pins': {
    raw: stored({ lang: 'en', pins: hundredThousandPins }),
    lang: 'en',
    pins: hundredThousandPins.slice(0, MAX_PINS),
    dropped: ['too-many-pins'],
  },
  'open sections that are not a list of names': {
    raw: stored({ lang: 'en', pins: [], open: ['provider', 7] }),
    lang: 'en',
    pins: [],
    dropped: ['open-sections'],
  },
  'a state from a newer version': {
    raw: { version: 3, state: { lang: 'en', pins: [pin('zoom')], folders: [] } },
    lang: 'en',
    pins: [pin('zoom')],
    dropped: ['newer-version'],
  },
  'an envelope without a version': {
    raw: { state: { lang: 'de', pins: [pin('zoom')] } },
    lang: null,
    pins: [],
    dropped: ['unreadable'],
  },
  'a version that is a string': {
    raw: { state: { lang: 'de' }, version: '2' },
    lang: null,
    pins: [],
    dropped: ['unreadable'],
  },
  'a bare string': { raw: 'garbage', lang: null, pins: [], dropped: ['unreadable'] },
  'a number': { raw: 7, lang: null, pins: [], dropped: ['unreadable'] },
  'a state that is null': { raw: stored(null), lang: null, pins: [], dropped: [] },
  'nothing stored': { raw: undefined, lang: null, pins: [], dropped: [] },
  'keys that look like prototype pollution': {
    raw: JSON.parse(
      `{"state":{"__proto__":{"lang":"de","pins":[]},"lang":"en","pins":[` +
        `{"toolId":"__proto__","pinnedAt":"${AT}"},{"__proto__":{"toolId":"webex"},"pinnedAt":"${AT}"},` +
        `{"toolId":"zoom","pinnedAt":"${AT}","__proto__":{"polluted":true}}]},"version":2}`,
    ),
    lang: 'en',
    pins: [pin('zoom')],
    dropped: ['invalid-pin'],
  },
};

describe('hydrating stored preferences that are damaged or foreign', () => {
  it.each(Object.entries(cases))(
    'copes with %s: keeps what is valid, reports the rest once, loses nothing',
    async (_, expected) => {
      if (expected.raw !== undefined) await writeRaw(KEYS.preferences, expected.raw);
      await hydratePreferences('en');

      expect(state()).toMatchObject({ lang: expected.lang, pins: expected.pins });
      expect([...(state().dropped?.reasons ?? [])].sort()).toEqual([...expected.dropped].sort());
      if (expected.dropped.length) {
        // The cleaned state replaced the damaged one, and the damaged one is kept as a backup.
        expect(await readRaw(KEYS.preferences)).toEqual(stored({ lang: expected.lang, pins: expected.pins, open: [] }));
        const json = JSON.stringify(expected.raw);
        expect((await backups())[0]!.json).toBe(json.slice(0, BACKUP_LIMIT));
        expect(state().dropped?.backup).toBe(json.length > BACKUP_LIMIT ? 'truncated' : 'kept');
      } else {
        expect(await backups()).toEqual([]);
      }

      // Reading again reports nothing and changes nothing the user sees.
      await hydratePreferences('en');
      expect(state()).toMatchObject({ lang: expected.lang, pins: expected.pins, dropped: null });
    },
  );

  it('does not pollute Object.prototype through "__proto__" keys in storage', async () => {
    await writeRaw(KEYS.preferences, cases['keys that look like prototype pollution']!.raw);
    await hydratePreferences('en');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(state().pins.every((item) => Object.getPrototypeOf(item) === Object.prototype)).toBe(true);
  });

  it('keeps the valid pin of a damaged 6 MB value within the storage quota, keeps what fits of it, and says so', async () => {
    enforceQuota();
    const junk = Array.from({ length: 60_000 }, (_, index) => ({
      toolId: `Not A Tool ${index}`,
      filler: 'x'.repeat(80),
    }));
    const raw = stored({ lang: 'de', pins: [pin('zoom'), ...junk] });
    expect(JSON.stringify(raw).length).toBeGreaterThan(6 * 1024 * 1024);
    await writeRaw(KEYS.preferences, raw);

    await hydratePreferences('en');

    expect(state()).toMatchObject({
      lang: 'de',
      pins: [pin('zoom')],
      dropped: { reasons: ['invalid-pin'], backup: 'truncated' },
    });
    expect(await readRaw(KEYS.preferences)).toEqual(stored({ lang: 'de', pins: [pin('zoom')], open: [] }));
    const [backup] = await backups();
    expect(backup).toMatchObject({ truncated: true });
    expect(backup!.json).toHaveLength(BACKUP_LIMIT);
    expect(backup!.json.startsWith('{"version":2,"state":{"lang":"de","pins":[{"toolId":"zoom"')).toBe(true);
  });

  it(`keeps the last ${MAX_BACKUPS} damaged states, newest first, when damage repeats`, async () => {
    for (const lang of ['x1', 'x2', 'x3', 'x4']) {
      await writeRaw(KEYS.preferences, stored({ lang }));
      await hydratePreferences('en');
    }
    expect((await backups()).map((backup) => JSON.parse(backup.json).state.lang)).toEqual(['x4', 'x3', 'x2']);
  });

  it('still opens with what it could read when no backup can be written at all', async () => {
    enforceQuota(200);
    await writeRaw(KEYS.preferences, stored({ lang: 'fr', pins: [pin('zoom')] }));
    await hydratePreferences('en');
    expect(state()).toMatchObject({ pins: [pin('zoom')], dropped: { backup: 'failed' } });
  });

  it('lets the user dismiss the report without bringing it back on the next start', async () => {
    await writeRaw(KEYS.preferences, stored({ lang: 'xx', pins: [] }));
    await hydratePreferences('en');
    expect(state().dropped?.reasons).toEqual(['language']);
    state().dismissDropped();
    await hydratePreferences('en');
    expect(state().dropped).toBeNull();
  });
});

describe('changes to the preferences', () => {
  it('are stored at once, in the stored shape', async () => {
    await hydratePreferences('en');
    state().setLang('de');
    state().togglePin('zoom');
    state().setSectionOpen('collected', true);
    await settle();
    expect(await readRaw(KEYS.preferences)).toEqual(
      stored({ lang: 'de', pins: [{ toolId: 'zoom', pinnedAt: expect.any(String) }], open: ['collected'] }),
    );
  });

  it('follow what another open popup stores, so neither overwrites the other’s pins', async () => {
    await hydratePreferences('en');
    state().togglePin('zoom');
    await settle();
    // Another popup, hydrated at the same time, pins Webex: it writes its whole state.
    await writeRaw(KEYS.preferences, stored({ lang: null, pins: [pin('zoom'), pin('webex')], open: [] }));
    await settle();
    expect(state().pins.map((item) => item.toolId)).toEqual(['zoom', 'webex']);
    state().togglePin('wire');
    await settle();
    expect(
      ((await readRaw(KEYS.preferences)) as { state: { pins: Pin[] } }).state.pins.map((item) => item.toolId),
    ).toEqual(['zoom', 'webex', 'wire']);
  });

  it('moves a pin up and down, and not past either end', async () => {
    await writeRaw(KEYS.preferences, stored({ lang: null, pins: [pin('a'), pin('b'), pin('c')] }));
    await hydratePreferences('en');
    state().movePin('c', -1);
    state().movePin('a', -1);
    expect(state().pins.map((item) => item.toolId)).toEqual(['a', 'c', 'b']);
  });
});

describe('the language the background reads for its badge titles', () => {
  it.each([
    ['a valid choice', stored({ lang: 'de', pins: [] }), 'de'],
    ['a damaged state', stored('de'), null],
    ['an unknown language', stored({ lang: 'fr' }), null],
    ['a stored string', 'de', null],
    ['nothing stored', undefined, null],
  ])('is read without throwing from %s', async (_, raw, lang) => {
    if (raw !== undefined) await writeRaw(KEYS.preferences, raw);
    await expect(readLanguage()).resolves.toBe(lang);
  });
});

const toolId = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/).filter((id) => id.length <= 60);
const isoDate = fc.date({ noInvalidDate: true, min: new Date(0) }).map((date) => date.toISOString());
const validPin: fc.Arbitrary<Pin> = fc.record({ toolId, pinnedAt: isoDate });
const stateLike = fc.record(
  {
    lang: fc.oneof(fc.constantFrom('de', 'en', null, 'fr', 'DE', ''), fc.jsonValue({ maxDepth: 1 })),
    pins: fc.oneof(
      fc.array(fc.oneof(validPin, toolId, fc.jsonValue({ maxDepth: 2 })), { maxLength: 130 }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    open: fc.oneof(fc.array(fc.constantFrom('provider', 'collected', 'sources')), fc.jsonValue({ maxDepth: 1 })),
  },
  { requiredKeys: [] },
);
const rawValue = fc.oneof(
  fc.record(
    {
      version: fc.oneof(fc.constantFrom(1, 2, 3), fc.integer(), fc.double(), fc.jsonValue({ maxDepth: 0 })),
      state: fc.oneof(stateLike, fc.jsonValue({ maxDepth: 2 })),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 3 }),
);

describe('stored preferences of any shape and version', () => {
  it('always read as a valid language and unique, dated pins, without throwing, and a clean state reads back unchanged', () => {
    fc.assert(
      fc.property(rawValue, (raw) => {
        const { preferences, dropped, lossy } = parseStoredPreferences(raw);
        expect([null, 'de', 'en']).toContain(preferences.lang);
        expect(preferences.pins.length).toBeLessThanOrEqual(MAX_PINS);
        expect(new Set(preferences.pins.map((item) => item.toolId)).size).toBe(preferences.pins.length);
        for (const item of preferences.pins) expect(Number.isNaN(Date.parse(item.pinnedAt))).toBe(false);
        expect(lossy).toBe(dropped.length > 0);
        expect(sanitizePreferences(preferences)).toEqual({ preferences, dropped: [] });
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('keep every valid pin in its order, whatever garbage sits between them', () => {
    const garbage = fc.oneof(
      fc.constant(null),
      fc.integer(),
      fc.string(),
      fc.record({ toolId: fc.oneof(fc.integer(), fc.constant(''), fc.stringMatching(/[A-Z_ ./]/)), pinnedAt: isoDate }),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(validPin, { selector: (item) => item.toolId, maxLength: 120 }),
        fc.array(fc.tuple(garbage, fc.nat()), { maxLength: 20 }),
        (valid, noise) => {
          const pins: unknown[] = [...valid];
          for (const [value, position] of noise) pins.splice(position % (pins.length + 1), 0, value);
          const { preferences, dropped } = sanitizePreferences({ pins });
          expect(preferences.pins).toEqual(valid.slice(0, MAX_PINS));
          expect(dropped.includes('too-many-pins')).toBe(valid.length > MAX_PINS);
        },
      ),
      { numRuns: 500 },
    );
  }, 60_000);

  it('hydrate the popup without throwing, back up whatever was dropped, and report it only once', async () => {
    await fc.assert(
      fc.asyncProperty(rawValue, async (raw) => {
        await resetBrowser();
        await writeRaw(KEYS.preferences, raw);
        await hydratePreferences('en');
        const first = state();
        if (first.dropped) expect((await backups())[0]!.json).toBe(JSON.stringify(raw));
        await hydratePreferences('en');
        expect(state().dropped).toBeNull();
        expect({ lang: state().lang, pins: state().pins }).toEqual({ lang: first.lang, pins: first.pins });
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
