import type { CatalogEntry } from '@/lib/registry/catalog';

const fold = (text: string): string => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/** Tools whose name in any language (or id) contains every word of the query; an empty query keeps all. */
export function filterTools<T extends Pick<CatalogEntry, 'id' | 'name'>>(tools: readonly T[], query: string): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...tools];
  return tools.filter((tool) => {
    const haystack = fold([tool.id, ...Object.values(tool.name)].join(' '));
    return words.every((word) => haystack.includes(word));
  });
}
