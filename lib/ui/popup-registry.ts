import glances from 'virtual:registry/glance';
import { catalog, catalogById, dataAsOf, type CatalogEntry } from '../shared/registry/catalog';
import type { AliasesOf } from '@/lib/ui/search';
import type { Glance } from '../shared/key-facts';
import type { Tool } from '../shared/registry/build/schema';
import { loadTool, peekTool } from '../shared/registry/entries';

/** How the popup reads the registry: the catalog at once, full entries when shown. */
export interface RegistryView {
  catalog: readonly CatalogEntry[];
  byId: ReadonlyMap<string, CatalogEntry>;
  dataAsOf: string;
  /** What the first screen shows of a tool, at once (undefined for an id the registry does not have). */
  glance: (id: string) => Glance | undefined;
  /** A tool's full entry if already loaded (null: not in the registry), so a render need not wait for it. */
  peek: (id: string) => Tool | null | undefined;
  /** Loads a tool's full entry; null for an id the registry does not have. Repeated calls share one promise. */
  load: (id: string) => Promise<Tool | null>;
  /** A tool's other names for search; none until they have loaded, just after start. */
  aliases: AliasesOf;
}

// Search is never the first screen: the other names load in a chunk of their own once the popup has started.
let aliases: Readonly<Record<string, readonly string[]>> = {};
void import('virtual:registry/aliases').then((module) => (aliases = module.default));

export const bundledRegistry: RegistryView = {
  catalog,
  byId: catalogById,
  dataAsOf,
  glance: (id) => glances[id],
  peek: peekTool,
  load: loadTool,
  aliases: (id) => aliases[id],
};
