/** The registry page, relative to the extension's root; `pick` preselects a tool for the comparison. */
export function registryPagePath(pick?: string): string {
  return `/registry.html${pick ? `?pick=${encodeURIComponent(pick)}` : ''}`;
}

/** The tools a registry page address asks to compare first (`?pick=a&pick=b`), at most `limit`. */
export function pickedTools(search: string, limit: number): string[] {
  return [...new Set(new URLSearchParams(search).getAll('pick'))].slice(0, limit);
}
