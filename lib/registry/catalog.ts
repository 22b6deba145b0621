import { catalog, dataAsOf } from 'virtual:registry/catalog';
import type { CatalogEntry } from './build/projections';

export type { CatalogEntry };

/** Every tool's id, name, status and badge label, by English name; projected from the validated registry at build time. */
export { catalog, dataAsOf };

export const catalogById: ReadonlyMap<string, CatalogEntry> = new Map(catalog.map((entry) => [entry.id, entry]));
