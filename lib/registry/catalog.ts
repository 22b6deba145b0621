import meta from '../../data/registry.json';
import type { Status, Text } from './schema';
import { idFromPath } from './tool-id';

/** What lists, badges and search need of every tool; the full entries load on demand (see entries.ts). */
export interface CatalogEntry {
  id: string;
  name: Text;
  status: Status;
}

// Named JSON imports keep each bundle to the fields it reads. The registry was validated at build
// time (wxt.config.ts), so these are trusted here.
const names = import.meta.glob<Text>('../../data/tools/*.json', { eager: true, import: 'name' });
const statuses = import.meta.glob<Status>('../../data/tools/*.json', { eager: true, import: 'status' });

export const catalog: readonly CatalogEntry[] = Object.keys(names)
  .map((path) => ({ id: idFromPath(path), name: names[path]!, status: statuses[path]! }))
  .sort((a, b) => a.name.en.localeCompare(b.name.en));

export const catalogById: ReadonlyMap<string, CatalogEntry> = new Map(catalog.map((entry) => [entry.id, entry]));

export const dataAsOf: string = meta.dataAsOf;
