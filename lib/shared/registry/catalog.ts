import { catalog, dataAsOf } from 'virtual:registry/catalog';
// A named import, so the bundle carries this field and not the rest of the file.
import { mostUsed } from '../../../data/registry.json';
import type { CatalogEntry } from './build/projections';

export type { CatalogEntry };

/** Every tool's id, name, status and badge label, by English name; projected from the validated registry at build time. */
export { catalog, dataAsOf };

export const catalogById: ReadonlyMap<string, CatalogEntry> = new Map(catalog.map((entry) => [entry.id, entry]));

/**
 * The order a list of tools is offered in: pinned tools in the user's order, then the most used (data/registry.json
 * says how they were chosen), then the rest as given; discontinued tools last, whatever their place before.
 */
export function listOrder<T extends CatalogEntry>(
  entries: readonly T[],
  pinned: readonly string[],
  used: readonly string[] = mostUsed,
): T[] {
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
