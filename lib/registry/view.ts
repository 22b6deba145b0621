import { catalog, catalogById, dataAsOf, type CatalogEntry } from './catalog';
import { loadTool, peekTool } from './entries';
import type { Registry } from './index';
import type { Tool } from './schema';

/** How the popup reads the registry: the catalog at once, full entries when shown. */
export interface RegistryView {
  catalog: readonly CatalogEntry[];
  byId: ReadonlyMap<string, CatalogEntry>;
  dataAsOf: string;
  /** The full entry if already loaded. */
  peek: (id: string) => Tool | undefined;
  load: (id: string) => Promise<Tool | null>;
}

export const bundledView: RegistryView = { catalog, byId: catalogById, dataAsOf, peek: peekTool, load: loadTool };

/** A view over a fully parsed registry, for tests and tools that have every entry at hand. */
export function viewOf(registry: Registry): RegistryView {
  return {
    catalog: registry.tools.map(({ id, name, status }) => ({ id, name, status })),
    byId: new Map(registry.tools.map(({ id, name, status }) => [id, { id, name, status }])),
    dataAsOf: registry.meta.dataAsOf,
    peek: (id) => registry.byId.get(id),
    load: async (id) => registry.byId.get(id) ?? null,
  };
}
