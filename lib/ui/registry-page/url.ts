/** The registry page, relative to the extension's root; `pick` preselects a tool for the comparison. */
export function registryPagePath(pick?: string): string {
  return `/registry.html${pick ? `?pick=${encodeURIComponent(pick)}` : ''}`;
}
