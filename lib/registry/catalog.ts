import meta from '../../data/registry.json';
import type { Status, Text } from './schema';
import { idFromPath } from './tool-id';

/** What lists, badges and search need of every tool; the full entries load on demand (popup-registry.ts). */
export interface CatalogEntry {
  id: string;
  name: Text;
  status: Status;
}

/** The catalog as users see it: by English name, so both languages list tools in the same order. */
export function sortCatalog<T extends CatalogEntry>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.name.en.localeCompare(b.name.en));
}

// Named JSON imports keep each bundle to the fields it reads. The registry was validated at build
// time (wxt.config.ts), so these are trusted here.
const names = import.meta.glob<Text>('../../data/tools/*.json', { eager: true, import: 'name' });
const statuses = import.meta.glob<Status>('../../data/tools/*.json', { eager: true, import: 'status' });

export const catalog: readonly CatalogEntry[] = sortCatalog(
  Object.keys(names).map((path) => ({ id: idFromPath(path), name: names[path]!, status: statuses[path]! })),
);

export const catalogById: ReadonlyMap<string, CatalogEntry> = new Map(catalog.map((entry) => [entry.id, entry]));

export const dataAsOf: string = meta.dataAsOf;
