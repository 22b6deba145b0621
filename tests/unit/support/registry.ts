import meta from '@/data/registry.json';
import wrappers from '@/data/link-wrappers.json';
import { parseRegistry, type RawRegistry, type Registry } from '@/lib/registry/check';
import { sortCatalog } from '@/lib/registry/catalog';
import { glanceOf } from '@/lib/registry/glance';
import type { RegistryView } from '@/lib/registry/popup-registry';
import type { Tool } from '@/lib/registry/schema';

const entries = import.meta.glob('../../../data/tools/*.json', { eager: true, import: 'default' });

/** The registry's raw data as the build reads it, keyed by `data/tools/<id>.json`. */
export function rawRegistry(): RawRegistry {
  const tools = Object.fromEntries(Object.entries(entries).map(([path, entry]) => [path.replace(/^.*\/data\//, 'data/'), structuredClone(entry)]));
  return { tools, meta: structuredClone(meta), wrappers: structuredClone(wrappers) };
}

/** Every entry, fully parsed and checked: for tests that need the whole registry at once. */
export const registry: Registry = parseRegistry(rawRegistry());

export const teams = registry.byId.get('microsoft-teams') as Tool;

/**
 * The popup's view of a parsed registry, listed in the order users see. Entries are "loaded" already, as
 * the detected tool is when the popup first renders.
 */
export function viewOf(source: Registry = registry): RegistryView {
  const catalog = sortCatalog(source.tools.map(({ id, name, status }) => ({ id, name, status })));
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
