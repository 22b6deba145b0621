import meta from '@/data/registry.json';
import wrappers from '@/data/link-wrappers.json';
import { parseRegistry, type RawRegistry, type Registry } from '@/lib/shared/registry/build/check';
import { glanceOf } from '@/lib/shared/key-facts';
import { catalogOf } from '@/lib/shared/registry/build/projections';
import type { RegistryView } from '@/lib/ui/popup-registry';
import type { Tool } from '@/lib/shared/registry/build/schema';

const entries = import.meta.glob('../../../data/tools/*.json', { eager: true, import: 'default' });

/** The registry's raw data as the build reads it, keyed by `data/tools/<id>.json`. */
export function rawRegistry(): RawRegistry {
  const tools = Object.fromEntries(
    Object.entries(entries).map(([path, entry]) => [path.replace(/^.*\/data\//, 'data/'), structuredClone(entry)]),
  );
  return { tools, meta: structuredClone(meta), wrappers: structuredClone(wrappers) };
}

/** Every entry, fully parsed and checked: for tests that need the whole registry at once. */
export const registry: Registry = parseRegistry(rawRegistry());

export const teams = registry.byId.get('microsoft-teams') as Tool;

/**
 * A tool whose first-screen facts are fixed here, not researched: tests of how rows are derived use it, so
 * a data update never breaks them. Its texts and sources are Teams', which these tests do not read.
 */
export function exampleTool(): Tool {
  const tool = structuredClone(teams);
  tool.hosting = 'cloud';
  tool.provider = { ...tool.provider, name: 'Example Inc.', country: 'US', unconfirmed: undefined };
  tool.transfer = {
    ...tool.transfer,
    thirdCountry: true,
    countries: ['US'],
    mechanisms: ['dpf', 'scc'],
    unconfirmed: undefined,
  };
  tool.usLaw = undefined;
  tool.dpa = {
    status: 'offered',
    how: 'part-of-terms',
    url: 'https://example.com/dpa',
    note: { de: 'Angeboten.', en: 'Offered.' },
  };
  tool.keyFacts = {
    recording: { available: 'yes', defaultOn: false, storedAt: ['provider-cloud'], startedBy: ['host'] },
    transcription: { available: 'yes', defaultOn: false },
    ai: { available: 'yes', defaultOn: false },
    e2ee: { available: 'yes', defaultOn: false, limits: ['not-in-browser'] },
    providerRetention: { rule: 'until-deleted' },
  };
  tool.assessments = undefined;
  return tool;
}

/**
 * The popup's view of a parsed registry, listed in the order users see. Entries are "loaded" already, as
 * the detected tool is when the popup first renders.
 */
export function viewOf(source: Registry = registry): RegistryView {
  const catalog = catalogOf(source);
  return {
    catalog,
    byId: new Map(catalog.map((entry) => [entry.id, entry])),
    dataAsOf: source.meta.dataAsOf,
    glance: (id) => {
      const tool = source.byId.get(id);
      return tool && glanceOf(tool);
    },
    peek: (id) => source.byId.get(id) ?? null,
    load: async (id) => source.byId.get(id) ?? null,
    aliases: (id) => {
      const aliases = source.byId.get(id)?.aliases;
      return aliases && [...aliases.en, ...aliases.de];
    },
  };
}
