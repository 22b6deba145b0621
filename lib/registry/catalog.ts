// Named imports, so the bundle carries these two fields and not the rest of the file.
import { dataAsOf as dataDate, mostUsed } from '../../data/registry.json';
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

/**
 * The order a list of tools is offered in: pinned tools in the user's order, then the most used (data/registry.json
 * says how they were chosen), then the rest as given; discontinued tools last, whatever their place before.
 */
export function listOrder<T extends CatalogEntry>(entries: readonly T[], pinned: readonly string[], used: readonly string[] = mostUsed): T[] {
  const rank = (entry: T): number => {
    const pin = pinned.indexOf(entry.id);
    if (pin >= 0) return pin;
    const place = used.indexOf(entry.id);
    return place >= 0 ? pinned.length + place : pinned.length + used.length;
  };
  const discontinued = (entry: T): number => (entry.status.state === 'discontinued' ? 1 : 0);
  // Array.prototype.sort is stable, so tools of equal rank keep the catalog's alphabetical order.
  return [...entries].sort((a, b) => discontinued(a) - discontinued(b) || rank(a) - rank(b));
}

// Named JSON imports keep each bundle to the fields it reads. The registry was validated at build
// time (wxt.config.ts), so these are trusted here.
const names = import.meta.glob<Text>('../../data/tools/*.json', { eager: true, import: 'name' });
const statuses = import.meta.glob<Status>('../../data/tools/*.json', { eager: true, import: 'status' });

export const catalog: readonly CatalogEntry[] = sortCatalog(
  Object.keys(names).map((path) => ({ id: idFromPath(path), name: names[path]!, status: statuses[path]! })),
);

export const catalogById: ReadonlyMap<string, CatalogEntry> = new Map(catalog.map((entry) => [entry.id, entry]));

export const dataAsOf: string = dataDate;
