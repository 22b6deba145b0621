import type { Tool } from './build/schema';
import { idFromPath } from './tool-id';

// One chunk per tool, as JSON text: a page loads only the entries it shows. `?raw` keeps these modules
// apart from the catalog's field imports, so a start-up chunk never pulls in whole entries.
const loaders = new Map(
  Object.entries(import.meta.glob<string>('../../../data/tools/*.json', { import: 'default', query: '?raw' })).map(
    ([path, load]) => [idFromPath(path), load],
  ),
);
const loading = new Map<string, Promise<Tool | null>>();
const loaded = new Map<string, Tool | null>();

/** Loads a tool's full entry; null for an id the registry does not have. Repeated calls share one promise. */
export function loadTool(id: string): Promise<Tool | null> {
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

/** A tool's full entry if already loaded (null: not in the registry; undefined: not loaded yet). */
export const peekTool = (id: string): Tool | null | undefined => loaded.get(id);
