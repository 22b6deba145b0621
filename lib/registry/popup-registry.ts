import glances from 'virtual:registry/glance';
import { catalog, catalogById, dataAsOf, type CatalogEntry } from './catalog';
import type { Glance } from '../key-facts';
import type { Tool } from './build/schema';
import { idFromPath } from './tool-id';

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
}

// One chunk per tool, as JSON text: the popup loads only the entries it shows. `?raw` keeps these modules
// out of the start-up chunk, which has the catalog and glance projections instead.
const loaders = new Map(
  Object.entries(import.meta.glob<string>('../../data/tools/*.json', { import: 'default', query: '?raw' })).map(
    ([path, load]) => [idFromPath(path), load],
  ),
);
const loading = new Map<string, Promise<Tool | null>>();
const loaded = new Map<string, Tool | null>();

function loadTool(id: string): Promise<Tool | null> {
  let entry = loading.get(id);
  if (!entry) {
    const load = loaders.get(id);
    // Validated at build time (wxt.config.ts), so trusted here.
    entry = (load ? load().then((text) => JSON.parse(text) as Tool) : Promise.resolve(null)).then((tool) => {
      loaded.set(id, tool);
      return tool;
    });
    loading.set(id, entry);
  }
  return entry;
}

export const bundledRegistry: RegistryView = {
  catalog,
  byId: catalogById,
  dataAsOf,
  glance: (id) => glances[id],
  peek: (id) => loaded.get(id),
  load: loadTool,
};
