import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  MAX_PINS,
  migratePreferences,
  PREFERENCES_VERSION,
  readLanguage,
  sanitizePreferences,
  type DropReason,
  type Pin,
} from '@/lib/preferences';
import { StorageKeys } from '@/lib/storage';
import { hydratePreferences, usePopupStore } from '@/lib/store';

/** WXT's `local:preferences` is the key `preferences` in `browser.storage.local`. */
const RAW_KEY = StorageKeys.preferences.replace(/^local:/, '');
const BACKUP_KEY = StorageKeys.preferencesBackup.replace(/^local:/, '');

const EPOCH = new Date(0).toISOString();
const AT = '2025-03-01T10:00:00.000Z';
const LATER = '2025-04-15T08:30:00.000Z';
const pin = (toolId: string, pinnedAt = AT): Pin => ({ toolId, pinnedAt });
const v2 = (state: unknown) => ({ state, version: 2 });

/** What the fake browser (like the real one) keeps of a value: its JSON form. */
const asStored = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

async function writeRaw(value: unknown): Promise<void> {
  await fakeBrowser.storage.local.set({ [RAW_KEY]: value });
}

async function readRaw(key: string): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(key))[key];
}

/** Lets writes that were started but not awaited land. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(async () => {
  // Replacing the state persists it, so let that write land before the storage is wiped.
  usePopupStore.setState(usePopupStore.getInitialState(), true);
  await settle();
  fakeBrowser.reset();
});

interface Case {
  stored: unknown;
  lang: 'de' | 'en' | null;
  pins: Pin[];
  dropped: DropReason[];
  /** Kept as a backup although nothing was dropped. */
  backup?: boolean;
}

const hundredThousandPins = Array.from({ length: 100_000 }, (_, index) => pin(`tool-${index}`));

const cases: Record<string, Case> = {
  'a state that is a string': { stored: v2('{"lang":"de"}'), lang: null, pins: [], dropped: ['unreadable'] },
  'a state that is a number': { stored: v2(42), lang: null, pins: [], dropped: ['unreadable'] },
  'a state that is an array': { stored: v2([pin('zoom')]), lang: null, pins: [], dropped: ['unreadable'] },
  'a state that is a boolean': { stored: v2(true), lang: null, pins: [], dropped: ['unreadable'] },
  'pins stored as an object instead of a list': {
    stored: v2({ lang: 'de', pins: { 0: pin('zoom') } }),
    lang: 'de',
    pins: [],
    dropped: ['pins'],
  },
  'a language that is the number 42': {
    stored: v2({ lang: 42, pins: [pin('zoom')] }),
    lang: null,
    pins: [pin('zoom')],
    dropped: ['language'],
  },
  'the unknown language "fr"': {
    stored: v2({ lang: 'fr', pins: [pin('webex'), pin('zoom', LATER)] }),
    lang: null,
    pins: [pin('webex'), pin('zoom', LATER)],
    dropped: ['language'],
  },
  'the upper-case language code "DE"': { stored: v2({ lang: 'DE', pins: [] }), lang: null, pins: [], dropped: ['language'] },
  'an empty language code': { stored: v2({ lang: '', pins: [pin('zoom')] }), lang: null, pins: [pin('zoom')], dropped: ['language'] },
  'pins of tools the registry does not know': {
    stored: v2({ lang: 'en', pins: [pin('retired-tool'), pin('zoom'), pin('constructor', LATER)] }),
    lang: 'en',
    pins: [pin('retired-tool'), pin('zoom'), pin('constructor', LATER)],
    dropped: [],
  },
  'the same tool pinned twice': {
    stored: v2({ lang: 'de', pins: [pin('zoom'), pin('microsoft-teams'), pin('zoom', LATER)] }),
    lang: 'de',
    pins: [pin('zoom'), pin('microsoft-teams')],
    dropped: ['duplicate-pin'],
  },
  'a truncated pin without its date': {
    stored: v2({ lang: 'en', pins: [{ toolId: 'zo' }, pin('webex')] }),
    lang: 'en',
    pins: [pin('zo', EPOCH), pin('webex')],
    dropped: [],
  },
  'half objects among the pins': {
    stored: v2({
      lang: 'de',
      pins: [{ pinnedAt: AT }, { toolId: '' }, {}, { toolId: 'zoom', pinnedAt: 'not a d' }, pin('webex'), { toolI: 'wire' }],
    }),
    lang: 'de',
    pins: [pin('zoom', EPOCH), pin('webex')],
    dropped: ['invalid-pin'],
  },
  '100,000 different pins': {
    stored: v2({ lang: 'en', pins: hundredThousandPins }),
    lang: 'en',
    pins: hundredThousandPins.slice(0, MAX_PINS),
    dropped: ['too-many-pins'],
  },
  'the same pin 100,000 times': {
    stored: v2({ lang: null, pins: Array.from({ length: 100_000 }, () => pin('zoom')) }),
    lang: null,
    pins: [pin('zoom')],
    dropped: ['duplicate-pin'],
  },
  'version 1 with pins as tool ids': {
    stored: { state: { lang: 'de', pins: ['zoom', 'microsoft-teams', 'retired-tool'] }, version: 1 },
    lang: 'de',
    pins: [pin('zoom', EPOCH), pin('microsoft-teams', EPOCH), pin('retired-tool', EPOCH)],
    dropped: [],
  },
  'version 1 with broken and repeated tool ids': {
    stored: { state: { lang: 'en', pins: ['zoom', 42, 'Zoom', '', null, 'zoom', 'webex'] }, version: 1 },
    lang: 'en',
    pins: [pin('zoom', EPOCH), pin('webex', EPOCH)],
    dropped: ['invalid-pin', 'duplicate-pin'],
  },
  'version 0 with pins as tool ids': {
    stored: { state: { lang: 'en', pins: ['webex'] }, version: 0 },
    lang: 'en',
    pins: [pin('webex', EPOCH)],
    dropped: [],
  },
  'no version at all, with pins as tool ids': {
    stored: { state: { pins: ['jitsi-meet', 'zoom'] } },
    lang: null,
    pins: [pin('jitsi-meet', EPOCH), pin('zoom', EPOCH)],
    dropped: [],
  },
  'a version that is a string': {
    stored: { state: { lang: 'de', pins: ['zoom'] }, version: '1' },
    lang: 'de',
    pins: [pin('zoom', EPOCH)],
    dropped: [],
  },
  'a state from a newer version': {
    stored: { state: { lang: 'en', pins: [pin('zoom'), pin('webex', LATER)], folders: [] }, version: 3 },
    lang: 'en',
    pins: [pin('zoom'), pin('webex', LATER)],
    dropped: [],
    // Fields only a newer version understands are kept aside before this version rewrites the state.
    backup: true,
  },
  'a state that is null': { stored: v2(null), lang: null, pins: [], dropped: [] },
  'a state that is missing': { stored: { version: 2 }, lang: null, pins: [], dropped: [] },
  'a stored value of null': { stored: null, lang: null, pins: [], dropped: [] },
  'a stored value of undefined': { stored: undefined, lang: null, pins: [], dropped: [] },
  'nested garbage': {
    stored: v2({ lang: { lang: 'de' }, pins: [[['zoom']], { toolId: { toolId: 'zoom' } }, [pin('webex')], pin('zoom'), null] }),
    lang: null,
    pins: [pin('zoom')],
    dropped: ['language', 'invalid-pin'],
  },
  'keys that look like prototype pollution': {
    stored: JSON.parse(
      `{"state":{"__proto__":{"lang":"de","pins":[]},"lang":"en","pins":[` +
        `{"toolId":"__proto__","pinnedAt":"${AT}"},` +
        `{"__proto__":{"toolId":"webex"},"pinnedAt":"${AT}"},` +
        `{"toolId":"zoom","pinnedAt":"${AT}","__proto__":{"polluted":true}}]},"version":2}`,
    ),
    lang: 'en',
    pins: [pin('zoom')],
    dropped: ['invalid-pin'],
  },
  'extra fields the extension does not know': {
    stored: v2({ lang: 'de', pins: [{ ...pin('zoom'), colour: 'red' }], theme: 'dark', pinnedTools: ['webex'] }),
    lang: 'de',
    pins: [pin('zoom')],
    dropped: [],
  },
};

describe('hydrating stored preferences that are corrupt or foreign', () => {
  it.each(Object.entries(cases))('copes with %s: keeps what is valid, reports the rest once, loses nothing', async (_, expected) => {
    await writeRaw(expected.stored);

    await expect(hydratePreferences('en')).resolves.toBeUndefined();

    // Valid pins (in their order) and a valid language are kept.
    const state = usePopupStore.getState();
    expect(state.lang).toBe(expected.lang);
    expect(state.pins).toEqual(expected.pins);
    expect([...state.dropped].sort()).toEqual([...expected.dropped].sort());
    expect(new Set(state.dropped).size).toBe(state.dropped.length);

    const rewritten = await readRaw(RAW_KEY);
    const backup = await readRaw(BACKUP_KEY);
    if (expected.dropped.length) {
      // The cleaned state replaced the damaged one, and the damaged one is kept as a backup.
      expect(rewritten).toEqual({ state: { lang: expected.lang, pins: expected.pins }, version: PREFERENCES_VERSION });
      expect(backup).toEqual(asStored(expected.stored));
    } else if (expected.backup) {
      expect(backup).toEqual(asStored(expected.stored));
    } else {
      expect(backup).toBeUndefined();
    }

    // Reading again reports nothing and changes nothing the user sees.
    await hydratePreferences('en');
    expect(usePopupStore.getState()).toMatchObject({ lang: expected.lang, pins: expected.pins, dropped: [] });
    expect(await readRaw(BACKUP_KEY)).toEqual(backup);
  });

  it('writes the cleaned state back before hydration finishes, so closing the popup at once cannot re-report it', async () => {
    await writeRaw(v2({ lang: 'fr', pins: [pin('zoom')] }));
    await hydratePreferences('en');
    // No waiting: the popup may be closed right after the first render.
    expect(await readRaw(RAW_KEY)).toEqual({ state: { lang: null, pins: [pin('zoom')] }, version: PREFERENCES_VERSION });
  });

  it('stores old pins in the current shape after one hydration', async () => {
    await writeRaw({ state: { lang: 'de', pins: ['zoom', 'webex'] }, version: 1 });
    await hydratePreferences('en');
    expect(await readRaw(RAW_KEY)).toEqual({
      state: { lang: 'de', pins: [pin('zoom', EPOCH), pin('webex', EPOCH)] },
      version: PREFERENCES_VERSION,
    });
  });

  it('does not pollute Object.prototype through "__proto__" keys in storage', async () => {
    await writeRaw(cases['keys that look like prototype pollution']!.stored);
    await hydratePreferences('en');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).toolId).toBeUndefined();
    expect(usePopupStore.getState().pins.every((p) => Object.getPrototypeOf(p) === Object.prototype)).toBe(true);
  });

  it('keeps a backup of an unreadable state even when a later hydration finds nothing wrong', async () => {
    await writeRaw(v2({ lang: 'en', pins: { zoom: true } }));
    await hydratePreferences('en');
    usePopupStore.getState().togglePin('webex');
    await settle();
    await hydratePreferences('en');
    expect(await readRaw(BACKUP_KEY)).toEqual(v2({ lang: 'en', pins: { zoom: true } }));
    expect(usePopupStore.getState().pins.map((p) => p.toolId)).toEqual(['webex']);
  });

  it('lets the user dismiss the report without bringing it back on the next hydration', async () => {
    await writeRaw(v2({ lang: 'xx', pins: [] }));
    await hydratePreferences('en');
    expect(usePopupStore.getState().dropped).toEqual(['language']);
    usePopupStore.getState().dismissDropped();
    await settle();
    await hydratePreferences('en');
    expect(usePopupStore.getState().dropped).toEqual([]);
  });
});

describe('stored values that are not a persisted state at all', () => {
  it.each([
    ['a string', 'garbage'],
    ['a JSON string in Zustand’s default format', JSON.stringify({ state: { lang: 'de', pins: [pin('zoom')] }, version: 2 })],
    ['a number', 7],
    ['an array', [pin('zoom')]],
    ['true', true],
  ])('reports %s as unreadable and keeps it as a backup instead of silently overwriting it', async (_, stored) => {
    await writeRaw(stored);
    await expect(hydratePreferences('en')).resolves.toBeUndefined();
    expect(usePopupStore.getState()).toMatchObject({ lang: null, pins: [] });
    expect(usePopupStore.getState().dropped).toEqual(['unreadable']);
    expect(await readRaw(BACKUP_KEY)).toEqual(stored);
  });
});

describe('the language the background reads for its badge titles', () => {
  it.each([
    ['a valid choice', v2({ lang: 'de', pins: [] }), 'de'],
    ['a corrupt state', v2('de'), null],
    ['an unknown language', v2({ lang: 'fr' }), null],
    ['an old version', { state: { lang: 'en', pins: ['zoom'] }, version: 1 }, 'en'],
    ['a stored string', 'de', null],
    ['nothing stored', undefined, null],
  ])('is read without throwing from %s', async (_, stored, lang) => {
    await writeRaw(stored);
    await expect(readLanguage()).resolves.toBe(lang);
  });
});

describe('migrating version 1 preferences to version 2', () => {
  const v1Example = { lang: 'de', pins: ['microsoft-teams', 'zoom', 'jitsi-meet'] };

  it('turns each pinned tool id into a pin dated at the epoch, in the same order', () => {
    expect(migratePreferences(v1Example, 1)).toEqual({
      lang: 'de',
      pins: [pin('microsoft-teams', EPOCH), pin('zoom', EPOCH), pin('jitsi-meet', EPOCH)],
    });
  });

  it('does not change the stored example it migrates', () => {
    const before = structuredClone(v1Example);
    migratePreferences(v1Example, 1);
    expect(v1Example).toEqual(before);
  });

  it('treats a missing version (0) like version 1', () => {
    expect(migratePreferences({ pins: ['zoom'] }, 0)).toEqual({ pins: [pin('zoom', EPOCH)] });
  });

  it('leaves pins that already have the new shape alone, next to old ones', () => {
    expect(migratePreferences({ pins: ['zoom', pin('webex')] }, 1)).toEqual({ pins: [pin('zoom', EPOCH), pin('webex')] });
  });

  it('does not migrate a current state again', () => {
    const current = { lang: 'en', pins: ['zoom'] };
    expect(migratePreferences(current, 2)).toEqual(current);
  });

  it.each([
    ['null', null],
    ['a string', 'zoom'],
    ['an array', ['zoom']],
    ['pins that are not a list', { pins: 'zoom' }],
  ])('passes %s through unchanged for sanitising to judge', (_, state) => {
    expect(migratePreferences(state, 1)).toEqual(state);
  });

  it('gives a version 1 example that sanitises without losing anything', () => {
    expect(sanitizePreferences(migratePreferences(v1Example, 1))).toEqual({
      preferences: { lang: 'de', pins: [pin('microsoft-teams', EPOCH), pin('zoom', EPOCH), pin('jitsi-meet', EPOCH)] },
      dropped: [],
    });
  });
});

describe('sanitising a stored state', () => {
  it('keeps a valid state exactly as it is', () => {
    const state = { lang: 'en', pins: [pin('zoom'), pin('webex', LATER)] };
    expect(sanitizePreferences(state)).toEqual({ preferences: state, dropped: [] });
  });

  it('keeps pins of tools that are not in the registry, so they can show as unavailable', () => {
    expect(sanitizePreferences({ pins: [pin('no-such-tool')] }).preferences.pins).toEqual([pin('no-such-tool')]);
  });

  it('keeps the first of duplicated pins with its own date', () => {
    expect(sanitizePreferences({ pins: [pin('zoom', LATER), pin('zoom', AT)] })).toEqual({
      preferences: { lang: null, pins: [pin('zoom', LATER)] },
      dropped: ['duplicate-pin'],
    });
  });

  it(`keeps at most ${MAX_PINS} pins, the first ones`, () => {
    const pins = Array.from({ length: MAX_PINS + 1 }, (_, index) => pin(`tool-${index}`));
    const { preferences, dropped } = sanitizePreferences({ pins });
    expect(preferences.pins).toEqual(pins.slice(0, MAX_PINS));
    expect(dropped).toEqual(['too-many-pins']);
  });

  it(`reports nothing for exactly ${MAX_PINS} pins`, () => {
    const pins = Array.from({ length: MAX_PINS }, (_, index) => pin(`tool-${index}`));
    expect(sanitizePreferences({ pins }).dropped).toEqual([]);
  });

  it('reports nothing for an empty state', () => {
    for (const state of [undefined, null, {}]) expect(sanitizePreferences(state)).toEqual({ preferences: { lang: null, pins: [] }, dropped: [] });
  });

  it('gives every call its own result, so editing one cannot change the defaults', () => {
    const first = sanitizePreferences(undefined).preferences;
    first.pins.push(pin('zoom'));
    try {
      expect(sanitizePreferences(undefined).preferences.pins).toEqual([]);
      expect(sanitizePreferences('broken').preferences.pins).toEqual([]);
    } finally {
      first.pins.length = 0;
    }
  });
});
