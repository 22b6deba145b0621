import { idFromPath } from './catalog';
import type { Tool } from './schema';

// One chunk per tool, as JSON text: the popup loads only the entries it shows. `?raw` keeps these
// modules apart from the catalog's field imports, so the start-up chunk never pulls in whole entries.
const loaders = new Map(
  Object.entries(import.meta.glob<string>('../../data/tools/*.json', { import: 'default', query: '?raw' })).map(
    ([path, load]) => [idFromPath(path), load],
  ),
);
const loaded = new Map<string, Tool>();

/** A tool's full entry if it has been loaded already. */
export function peekTool(id: string): Tool | undefined {
  return loaded.get(id);
}

/** Loads a tool's full entry; null for an id the registry does not have. */
export async function loadTool(id: string): Promise<Tool | null> {
  const cached = loaded.get(id);
  if (cached) return cached;
  const load = loaders.get(id);
  if (!load) return null;
  // Validated at build time (wxt.config.ts), so trusted here.
  const tool = JSON.parse(await load()) as Tool;
  loaded.set(id, tool);
  return tool;
}
