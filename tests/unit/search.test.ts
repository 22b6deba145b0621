import { describe, expect, it } from 'vitest';
import { catalog, listOrder } from '@/lib/shared/registry/catalog';
import { viewOf } from './support/registry';
import { filterTools, withinOneEdit } from '@/lib/ui/search';

const view = viewOf();
const ids = (query: string) => filterTools(catalog, query, view.aliases).map((tool) => tool.id);
const toy = [
  { id: 'alpha', name: { de: 'Alpha', en: 'Alpha' } },
  { id: 'beta', name: { de: 'Beta Konferenz', en: 'Beta conference' } },
];
const toyAliases = (id: string) => (id === 'beta' ? ['BC', 'BK'] : undefined);

describe('one typo forgiven', () => {
  it.each([
    ['zoom', 'zom', true], // deletion
    ['zoom', 'zooom', true], // insertion
    ['zoom', 'zoon', true], // substitution
    ['webex', 'wbeex', true], // two neighbours swapped
    ['webex', 'wbx', false],
    ['zoom', 'zmoo', false],
    ['teams', 'taems', true],
    ['teams', 'teams', true],
  ])('%s and %s are within one edit: %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });

  it('in query words of three letters or more, and not in shorter ones', () => {
    expect(filterTools(toy, 'alph').map((tool) => tool.id)).toEqual(['alpha']);
    expect(filterTools(toy, 'alpa').map((tool) => tool.id)).toEqual(['alpha']);
    expect(filterTools(toy, 'bx', toyAliases).map((tool) => tool.id)).toEqual([]);
    expect(filterTools(toy, 'bc', toyAliases).map((tool) => tool.id)).toEqual(['beta']);
  });

  it('reads names and aliases of both languages whatever the display language', () => {
    expect(filterTools(toy, 'konferenz').map((tool) => tool.id)).toEqual(['beta']);
    expect(filterTools(toy, 'conferense').map((tool) => tool.id)).toEqual(['beta']);
    expect(filterTools(toy, 'bk', toyAliases).map((tool) => tool.id)).toEqual(['beta']);
  });
});

describe('searching the registry', () => {
  it.each([
    ['zom', 'zoom'],
    ['BBB', 'bigbluebutton'],
    ['cisco', 'webex'],
    ['ms teams', 'microsoft-teams'],
    ['Google Workspace', 'google-meet'],
    ['Videokonferenz DFN', 'pexip'],
    ['micrsoft teams', 'microsoft-teams'],
  ])('"%s" finds %s first', (query, id) => {
    expect(ids(query)[0]).toBe(id);
  });

  it('still finds nothing for words no tool is known by', () => {
    expect(ids('xylophon')).toEqual([]);
  });

  it('puts an exact beginning before a typo', () => {
    const found = ids('meet');
    expect(found.length).toBeGreaterThan(1);
    expect(found).toContain('google-meet');
  });
});

describe('the home list order', () => {
  it('puts pinned tools first, then the most used, and discontinued tools last', () => {
    const order = listOrder(catalog, ['opentalk'], ['microsoft-teams', 'zoom']).map((tool) => tool.id);
    expect(order.slice(0, 3)).toEqual(['opentalk', 'microsoft-teams', 'zoom']);
    const firstDiscontinued = order.findIndex(
      (id) => catalog.find((tool) => tool.id === id)!.status.state === 'discontinued',
    );
    expect(firstDiscontinued).toBeGreaterThan(0);
    for (const id of order.slice(firstDiscontinued))
      expect(catalog.find((tool) => tool.id === id)!.status.state).toBe('discontinued');
  });
});
