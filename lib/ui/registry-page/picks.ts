// Apart from url.ts, which the popup bundles: only the registry page reads its own address.
/** The tools a registry page address asks to compare first (`?pick=a&pick=b`), at most `limit`. */
export function pickedTools(search: string, limit: number): string[] {
  return [...new Set(new URLSearchParams(search).getAll('pick'))].slice(0, limit);
}
