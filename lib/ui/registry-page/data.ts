import aliases from 'virtual:registry/aliases';
import rows from 'virtual:registry/table-rows';
import { catalog, dataAsOf, type CatalogEntry } from '@/lib/shared/registry/catalog';
import { loadTool, peekTool } from '@/lib/shared/registry/entries';
import type { TableRowInput } from '@/lib/shared/registry/build/projections';
import type { Tool } from '@/lib/shared/registry/build/schema';
import type { AliasesOf } from '@/lib/ui/search';

/** How the registry page reads the registry: every tool's table row at once, full entries for a comparison. */
export interface TableData {
  catalog: readonly CatalogEntry[];
  rows: Readonly<Record<string, TableRowInput>>;
  dataAsOf: string;
  peek: (id: string) => Tool | null | undefined;
  load: (id: string) => Promise<Tool | null>;
  aliases: AliasesOf;
}

export const bundledTableData: TableData = {
  catalog,
  rows,
  dataAsOf,
  peek: peekTool,
  load: loadTool,
  aliases: (id) => aliases[id],
};
