import type { Tool } from '@/lib/registry/schema';

const fold = (text: string): string => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/** Tools whose name in any language (or id) contains every word of the query; an empty query keeps all. */
export function filterTools(tools: readonly Tool[], query: string): Tool[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...tools];
  return tools.filter((tool) => {
    const haystack = fold([tool.id, ...Object.values(tool.name)].join(' '));
    return words.every((word) => haystack.includes(word));
  });
}
