import type { CatalogEntry } from '@/lib/shared/registry/catalog';

/** What search reads of a tool: its id and its names; the other names people know it by come from `aliasesOf`. */
export type Searchable = Pick<CatalogEntry, 'id' | 'name'>;

/** The other names of a tool, in both languages (data/tools/<id>.json `aliases`). */
export type AliasesOf = (id: string) => readonly string[] | undefined;

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
const wordsOf = (text: string): string[] =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Query words shorter than this must match exactly: one typo in "bb" or "ms" would match half the registry. */
export const TYPO_MIN_LENGTH = 3;

/**
 * Whether `a` and `b` are at most one edit apart, counting an insertion, a deletion, a substitution or the swap
 * of two neighbouring letters as one edit (Damerau-Levenshtein distance ≤ 1).
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  if (start === a.length && a.length === b.length) return true;
  const [restA, restB] = [a.slice(start), b.slice(start)];
  if (restA.slice(1) === restB.slice(1)) return true; // substitution
  if (restA.slice(1) === restB || restA === restB.slice(1)) return true; // deletion or insertion
  return restA.length >= 2 && restA[0] === restB[1] && restA[1] === restB[0] && restA.slice(2) === restB.slice(2); // swap
}

/**
 * How well one query word matches a tool's words: 0 for a word that starts with it, 1 for a word containing it,
 * 2 for a word one typo away, 3 for a word's beginning one typo away (typing on); null for no match.
 */
function wordScore(query: string, words: readonly string[], joined: string): number | null {
  if (words.some((word) => word.startsWith(query))) return 0;
  if (joined.includes(query)) return 1;
  if (query.length < TYPO_MIN_LENGTH) return null;
  // Past three letters, a typo in a word still being typed counts too: its beginning is compared, one letter either way.
  const beginnings = (word: string) =>
    query.length > TYPO_MIN_LENGTH ? [-1, 0, 1].map((more) => word.slice(0, query.length + more)) : [];
  if (words.some((word) => withinOneEdit(query, word))) return 2;
  return words.some((word) => beginnings(word).some((start) => withinOneEdit(query, start))) ? 3 : null;
}

/**
 * Tools matching every word of the query in their id, their names or their aliases in either language, with
 * one typo forgiven in words of three or more letters ("zom" finds Zoom, "BBB" BigBlueButton, "cisco" Webex).
 * Better matches come first; among equals the given order holds. An empty query keeps all, in order.
 */
export function filterTools<T extends Searchable>(
  tools: readonly T[],
  query: string,
  aliasesOf: AliasesOf = () => undefined,
): T[] {
  const queryWords = wordsOf(query);
  if (!queryWords.length) return [...tools];
  const scored = tools.flatMap((tool, index) => {
    const texts = [tool.id, ...Object.values(tool.name), ...(aliasesOf(tool.id) ?? [])];
    const words = texts.flatMap(wordsOf);
    const joined = texts.map(fold).join(' ');
    let total = 0;
    for (const word of queryWords) {
      const score = wordScore(word, words, joined);
      if (score === null) return [];
      total += score;
    }
    return [{ tool, total, index }];
  });
  return scored.sort((a, b) => a.total - b.total || a.index - b.index).map(({ tool }) => tool);
}
